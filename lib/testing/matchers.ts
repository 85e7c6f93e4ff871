import { IConstruct } from 'constructs';
import { describeFinding, evaluate, EvaluateOptions, violationsOf } from './evaluate';
import { CONTROLS } from '../core/policy/controls';
import { ControlStatus, EvidenceReport } from '../core/report/model';

/** What a jest matcher returns. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function infoOf(report: EvidenceReport, ruleId: string): string | undefined {
  return report.rules.find((r) => ruleId === r.ruleId || ruleId.startsWith(`${r.ruleId}[`))?.info;
}

function pathOf(received: unknown): string {
  return (received as IConstruct).node?.path || 'the app';
}

function controlMatcher(received: IConstruct, controlId: string, wanted: ControlStatus, options: EvaluateOptions = {}): MatcherResult {
  if (!CONTROLS.some((c) => c.id === controlId)) {
    return { pass: false, message: () => `Unknown control ${controlId}; known controls: ${CONTROLS.map((c) => c.id).join(', ')}` };
  }
  const report = evaluate(received, options);
  const control = report.controls.find((c) => c.id === controlId)!;
  const evidence = control.findings.map((f) => `  - ${f.status}: ${describeFinding(f, f.status === 'non-compliant' ? infoOf(report, f.ruleId) : f.reason)}`);
  return {
    pass: control.status === wanted,
    message: () => `Expected ${pathOf(received)} ${control.status === wanted ? 'not ' : ''}to have ${controlId} (${control.title}) `
      + `${wanted}, but it is ${control.status}.`
      + (evidence.length ? `\nFindings:\n${evidence.join('\n')}` : !control.promised ? '\nThe policy does not promise this control.'
        : control.rules.length === 0 ? '\nNo rule checks this control yet.' : '\nNo resource is subject to its rules.'),
  };
}

/**
 * The data-protection jest matchers. Registered automatically when this module is imported in a jest
 * test; or register them yourself with `expect.extend(dataProtectionMatchers)`.
 */
export const dataProtectionMatchers = {
  /** Passes when no finding of DataProtectionChecks is an unacknowledged violation. */
  toPassDataProtectionChecks(received: IConstruct, options: EvaluateOptions = {}): MatcherResult {
    const report = evaluate(received, options);
    const violations = violationsOf(report);
    return {
      pass: violations.length === 0,
      message: () => (violations.length === 0
        ? `Expected ${pathOf(received)} to violate DataProtectionChecks, but every finding complies or is acknowledged.`
        : `Expected ${pathOf(received)} to pass DataProtectionChecks, but found ${violations.length} violation(s):\n`
          + violations.map((f) => `  - ${describeFinding(f, infoOf(report, f.ruleId))}`).join('\n')),
    };
  },

  /** Passes when the control's status is `met`. */
  toMeetControl(received: IConstruct, controlId: string, options: EvaluateOptions = {}): MatcherResult {
    return controlMatcher(received, controlId, ControlStatus.MET, options);
  },

  /** Passes when the control's status is `violated`. */
  toViolateControl(received: IConstruct, controlId: string, options: EvaluateOptions = {}): MatcherResult {
    return controlMatcher(received, controlId, ControlStatus.VIOLATED, options);
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** No unacknowledged DataProtectionChecks violation in the stack or app. */
      toPassDataProtectionChecks(options?: EvaluateOptions): R;
      /** The control (e.g. 'DP.BAK.3') is met. */
      toMeetControl(controlId: string, options?: EvaluateOptions): R;
      /** The control is violated. */
      toViolateControl(controlId: string, options?: EvaluateOptions): R;
    }
  }
}

const jestExpect = (globalThis as { expect?: { extend?: (m: object) => void } }).expect;
if (jestExpect && typeof jestExpect.extend === 'function') jestExpect.extend(dataProtectionMatchers);
