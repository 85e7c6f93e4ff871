import { AppFinding, AppRule, RuleContext, stackPathsOf, StackView } from '../../../cloudformation/model';
import { compliant, nonCompliant, Severity, unverifiable } from '../../../core/engine';
import { ingressRulesOf, portRange } from '../private/ingress';

const ADMIN_PORTS = [22, 3389];
const GROUP_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'];

/**
 * DP.NET.5, the positive half: administrative access goes through a VPN. SecurityGroupAdminPorts
 * proves that SSH and RDP are closed to the outside; this rule proves that the way in exists. An
 * app with a Client VPN endpoint is compliant on each endpoint (ClientVpnEndpointAuth judges how it
 * authenticates); an app whose security groups admit SSH or RDP (a port range that names them, not
 * a rule for every port, which is about something else) but that has no Client VPN endpoint
 * is non-compliant (acknowledge on the stack with the VPN administrators do use, e.g. the
 * organization's); an app with neither has no administrative access path to judge.
 */
export const AdminVpnPresent: AppRule = {
  name: 'AdminVpnPresent',
  controlId: 'DP.NET.5',
  covers: 'SSH/RDP admitted only with a Client VPN endpoint in the app',
  level: Severity.ERROR,
  info: 'The app admits administrative access (SSH/RDP) but has no VPN for administrators.',
  explanation: 'DP.NET.5 promises administrative access only through a VPN with mutual TLS or SSO and MFA. '
    + 'Add a Client VPN endpoint (AdminAccessVpn) and admit SSH/RDP only from its security group, or remove '
    + 'SSH/RDP and administer through SSM Session Manager. If administrators come in through a VPN outside '
    + 'this app, acknowledge the finding on the stack naming that VPN.',
  fix: 'Add an AdminAccessVpn (Client VPN with mutual TLS or SSO), or acknowledge on the stack with the VPN administrators use.',
  evaluate(context: RuleContext, stacks: readonly StackView[]): AppFinding[] {
    if (stacks.length === 0) return [];
    const paths = stackPathsOf(stacks);
    const endpoints = context.lookup.resourcesOfType('AWS::EC2::ClientVpnEndpoint').filter((e) => paths.has(e.stackPath));
    if (endpoints.length > 0) {
      return endpoints.map((e) => ({ resource: e, result: compliant(`Client VPN endpoint ${e.logicalId} is the administrators' way in`) }));
    }
    const admitting: string[] = [];
    let unknown: string | undefined;
    for (const type of GROUP_TYPES) {
      for (const resource of context.lookup.resourcesOfType(type)) {
        if (!paths.has(resource.stackPath)) continue;
        for (const rule of ingressRulesOf(resource, context)) {
          const range = rule.unreadable ? undefined : portRange(rule);
          if (range === null) continue;
          if (range === undefined) {
            unknown = unknown ?? (rule.unreadable ? `an ingress entry of ${resource.logicalId} is an expression` : `${rule.portsUnknown} (${resource.logicalId})`);
          } else if (range[1] - range[0] < 65535 && ADMIN_PORTS.some((port) => port >= range[0] && port <= range[1])
            && !admitting.includes(resource.logicalId)) {
            admitting.push(resource.logicalId);
          }
        }
      }
    }
    if (admitting.length > 0) {
      const shown = admitting.slice(0, 3).join(', ') + (admitting.length > 3 ? ` and ${admitting.length - 3} more` : '');
      return [{ stackPath: stacks[0].path, result: nonCompliant(`${shown} admit(s) SSH/RDP, and the app has no Client VPN endpoint for administrators`) }];
    }
    if (unknown) {
      return [{ stackPath: stacks[0].path, result: unverifiable(`${unknown}: it could admit SSH/RDP, and the app has no Client VPN endpoint`) }];
    }
    return [];
  },
};
