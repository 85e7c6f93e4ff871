#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../examples/reference-app';

// `npx cdk synth` fails on any unacknowledged violation and writes
// data-protection-report.{json,md,sarif} into cdk.out/, also when it fails.
buildReferenceApp(new App());
