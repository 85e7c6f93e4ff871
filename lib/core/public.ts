// What every entry point exports of the cloud-neutral core: the policy, the control catalogue and
// the report model. The Azure entry exports it too, so an Azure-only app needs nothing from the main
// entry (which loads aws-cdk-lib).
export * from './policy/documents';
export * from './policy/controls';
export * from './policy/policy';
export * from './policy/data-class';
export * from './report/model';
export { REPORT_FILES } from './report/write';
