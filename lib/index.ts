export * from './policy/documents';
export * from './policy/controls';
export * from './policy/policy';
export * from './checks/data-protection-checks';
export * from './report/model';
export { REPORT_FILES } from './report/write';
export * from './policy/data-class';
