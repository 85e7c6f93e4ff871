import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { UNVERIFIABLE } from '../private/values';

/** Whether a custom resource turns on the accelerator's flow logs (the attribute CloudFormation lacks). */
function enablesFlowLogs(custom: ResourceView): boolean {
  return /\\?"FlowLogsEnabled\\?"\s*:\s*(true|\\?"true\\?")/.test(JSON.stringify(custom.properties));
}

/**
 * DP.LOG.3: network and edge traffic is logged: every VPC has a flow log, every application and
 * network load balancer writes access logs, and every Global Accelerator has flow logs, which
 * CloudFormation cannot set, so a custom resource (e.g. an AwsCustomResource calling
 * UpdateAcceleratorAttributes with FlowLogsEnabled: true) must.
 */
export const NetworkTrafficLogs: ResourceRule = {
  name: 'NetworkTrafficLogs',
  controlId: 'DP.LOG.3',
  resourceTypes: ['AWS::EC2::VPC', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::GlobalAccelerator::Accelerator'],
  covers: 'VPC flow logs, load balancer access logs, accelerator flow logs via a custom resource',
  level: Severity.ERROR,
  info: 'Traffic through this network entry point is not logged.',
  explanation: 'DP.LOG.3 promises that network and edge traffic is logged. Add a flow log to the VPC, enable '
    + 'access logs on the load balancer (HttpsLoadBalancer does), and enable accelerator flow logs with a '
    + 'custom resource (GlobalEndpoint does).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const referrers = context.lookup.referrers(resource);
    switch (resource.type) {
      case 'AWS::EC2::VPC':
        return referrers.some((r) => r.type === 'AWS::EC2::FlowLog') ? COMPLIANT : NON_COMPLIANT;
      case 'AWS::GlobalAccelerator::Accelerator':
        return referrers.some((r) => (r.type === 'AWS::CloudFormation::CustomResource' || r.type.startsWith('Custom::'))
          && mentionedResources(r.properties, r.stackPath, context.lookup).includes(resource) && enablesFlowLogs(r))
          ? COMPLIANT : NON_COMPLIANT;
      default: {
        const type = resource.properties.Type ?? 'application';
        if (type === 'gateway') return NOT_APPLICABLE;
        const attrs = resource.properties.LoadBalancerAttributes;
        if (attrs !== undefined && !Array.isArray(attrs)) return [UNVERIFIABLE];
        const enabled = (attrs ?? []).find((a: any) => a?.Key === 'access_logs.s3.enabled')?.Value;
        return enabled === 'true' || enabled === true ? COMPLIANT : NON_COMPLIANT;
      }
    }
  },
};
