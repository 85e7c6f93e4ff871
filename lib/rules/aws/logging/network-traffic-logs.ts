import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { isIntrinsic, unknownValue } from '../private/values';

/** Whether a custom resource turns on the accelerator's flow logs (the attribute CloudFormation lacks). */
function enablesFlowLogs(custom: ResourceView): boolean {
  return /\\?"FlowLogsEnabled\\?"\s*:\s*(true|\\?"true\\?")/.test(JSON.stringify(custom.properties));
}

/**
 * DP.LOG.3: network and edge traffic is logged: every VPC has a flow log, every application and
 * network load balancer, CloudFront distribution and API Gateway stage writes access logs, and
 * every Global Accelerator has flow logs, which
 * CloudFormation cannot set, so a custom resource (e.g. an AwsCustomResource calling
 * UpdateAcceleratorAttributes with FlowLogsEnabled: true) must.
 */
export const NetworkTrafficLogs: ResourceRule = {
  name: 'NetworkTrafficLogs',
  controlId: 'DP.LOG.3',
  resourceTypes: [
    'AWS::EC2::VPC', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::GlobalAccelerator::Accelerator', 'AWS::CloudFront::Distribution',
    'AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage',
  ],
  covers: 'VPC flow logs; load balancer, CloudFront and API Gateway stage access logs; accelerator flow logs',
  level: Severity.ERROR,
  info: 'Traffic through this network entry point is not logged.',
  explanation: 'DP.LOG.3 promises that network and edge traffic is logged. Add a flow log to the VPC, enable '
    + 'access logs on the load balancer (HttpsLoadBalancer does), and enable accelerator flow logs with a '
    + 'custom resource (GlobalEndpoint does); log CloudFront distributions (enableLogging) and API stages (accessLogDestination).',
  fix: 'Add a VPC flow log, load balancer / CloudFront / API stage access logs, or accelerator flow logs (the constructs of this library do).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const referrers = context.lookup.referrers(resource);
    switch (resource.type) {
      case 'AWS::EC2::VPC':
        return referrers.some((r) => r.type === 'AWS::EC2::FlowLog') ? compliant('a flow log records its traffic') : nonCompliant('no flow log records the VPC\'s traffic');
      case 'AWS::CloudFront::Distribution': {
        const config = resource.properties.DistributionConfig;
        if (isIntrinsic(config)) return unverifiable('DistributionConfig is an expression the template computes at deployment');
        if (config?.Logging !== undefined) return compliant('standard logging to S3 (Logging)');
        // CloudFront's newer access logs are a CloudWatch Logs delivery source on the distribution.
        if (referrers.some((r) => r.type === 'AWS::Logs::DeliverySource')) return compliant('access logs through a CloudWatch Logs delivery source');
        return nonCompliant('no access logs: neither DistributionConfig.Logging nor a log delivery source');
      }
      case 'AWS::ApiGateway::Stage':
      case 'AWS::ApiGatewayV2::Stage': {
        const setting = resource.properties[resource.type === 'AWS::ApiGateway::Stage' ? 'AccessLogSetting' : 'AccessLogSettings'];
        if (isIntrinsic(setting)) return unverifiable('the access log setting is an expression the template computes at deployment');
        return setting?.DestinationArn !== undefined ? compliant('access logs to a log destination') : nonCompliant('the stage writes no access logs');
      }
      case 'AWS::GlobalAccelerator::Accelerator':
        return referrers.some((r) => (r.type === 'AWS::CloudFormation::CustomResource' || r.type.startsWith('Custom::'))
          && mentionedResources(r.properties, r.stackPath, context.lookup).includes(resource) && enablesFlowLogs(r))
          ? compliant('a custom resource turns on its flow logs') : nonCompliant('no custom resource turns on the accelerator\'s flow logs (FlowLogsEnabled)');
      default: {
        const type = resource.properties.Type ?? 'application';
        if (type === 'gateway') return NOT_APPLICABLE;
        const attrs = resource.properties.LoadBalancerAttributes;
        if (attrs !== undefined && !Array.isArray(attrs)) return unknownValue('LoadBalancerAttributes', attrs, resource, context);
        const raw = (attrs ?? []).find((a: any) => a?.Key === 'access_logs.s3.enabled')?.Value;
        const enabled = resolveValue(raw, resource.stackPath, context.lookup);
        if (!enabled.known) return unknownValue('access_logs.s3.enabled', raw, resource, context);
        return enabled.value === 'true' || enabled.value === true ? compliant('access logs to S3') : nonCompliant('access_logs.s3.enabled is not true: no access logs');
      }
    }
  },
};
