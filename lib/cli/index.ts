export { check, CheckOptions, CheckResult } from './check';
export { CheckInputError, ExitCode } from './errors';
export { main, USAGE } from './main';
export { FileAcknowledgement, POLICY_PRESETS, NOT_JUDGED_ID } from './options';
