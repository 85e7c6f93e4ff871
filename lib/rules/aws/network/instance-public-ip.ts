import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { settingVerdict, unknownValue, worstOf } from '../private/values';

function interfacesVerdict(interfaces: unknown, resource: ResourceView, context: RuleContext): RuleResult {
  let items = interfaces;
  if (!Array.isArray(items)) {
    const list = resolveValue(interfaces, resource.stackPath, context.lookup);
    items = list.known ? list.value : undefined;
  }
  if (!Array.isArray(items)) return unknownValue('NetworkInterfaces', interfaces, resource, context);
  // Each interface on its own: one known public interface is enough, whatever the others are.
  return worstOf(items.map((ni: unknown) => {
    // An interface the app defines through a condition it decides (a parameter default) is read;
    // one that is imported or chosen at deployment could ask for a public IP.
    const r = resolveValue(ni, resource.stackPath, context.lookup);
    if (!r.known || typeof r.value !== 'object' || r.value === null || Array.isArray(r.value)) {
      return unknownValue('a network interface', ni, resource, context);
    }
    return settingVerdict((r.value as any).AssociatePublicIpAddress, false, false, 'AssociatePublicIpAddress', resource, context);
  }));
}

/**
 * DP.NET.1: no instance is reachable from the internet by its own address. An instance, launch
 * template or launch configuration does not ask for a public IP; an instance is not placed in a
 * subnet that hands out public IPs (or in the default VPC, whose subnets do); no Elastic IP is
 * attached to an instance.
 */
export const InstancePublicIp: ResourceRule = {
  name: 'InstancePublicIp',
  controlId: 'DP.NET.1',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::EC2::EIP'],
  level: Severity.ERROR,
  fix: 'Run instances in private subnets without public IPs (associatePublicIpAddress: false) behind a load balancer.',
  info: 'The instance gets a public IP address.',
  explanation: 'DP.NET.1 promises that the internet reaches only load balancers and accelerators. Run '
    + 'instances in private subnets without public IPs (AssociatePublicIpAddress: false) and reach them '
    + 'through a load balancer, or administer them through the VPN (DP.NET.5).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    switch (resource.type) {
      case 'AWS::EC2::EIP':
        return p.InstanceId !== undefined ? nonCompliant('an Elastic IP is attached to the instance') : NOT_APPLICABLE;
      case 'AWS::AutoScaling::LaunchConfiguration':
        return settingVerdict(p.AssociatePublicIpAddress, false, false, 'AssociatePublicIpAddress', resource, context);
      case 'AWS::EC2::LaunchTemplate': {
        const data = resolveValue(p.LaunchTemplateData, resource.stackPath, context.lookup);
        if (!data.known) return unknownValue('LaunchTemplateData', p.LaunchTemplateData, resource, context);
        const interfaces = (data.value as any)?.NetworkInterfaces;
        return interfaces === undefined ? COMPLIANT : interfacesVerdict(interfaces, resource, context);
      }
      default: {
        if (p.NetworkInterfaces !== undefined) return interfacesVerdict(p.NetworkInterfaces, resource, context);
        if (p.SubnetId === undefined) return nonCompliant('no SubnetId: the instance runs in the default VPC, whose subnets hand out public IPs');
        const subnet = referencedResource(p.SubnetId, resource.stackPath, context.lookup);
        if (!subnet) return unknownValue('SubnetId', p.SubnetId, resource, context);
        return settingVerdict(subnet.properties.MapPublicIpOnLaunch, false, false, `MapPublicIpOnLaunch of subnet ${subnet.logicalId}`, subnet, context);
      }
    }
  },
};
