#!/usr/bin/env node
// The package's command: `npx cdk-data-protection check <path...>`. Loads no aws-cdk-lib, cdk-nag or
// cdktf, so it runs where only this package and its dependencies are installed.
import { run } from './main';

run();
