import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { flagVerdict, UNVERIFIABLE, worstOf } from '../private/values';

function interfacesVerdict(interfaces: unknown): RuleResult {
  if (!Array.isArray(interfaces)) return [UNVERIFIABLE];
  return worstOf(interfaces.map((ni: any) => flagVerdict(ni?.AssociatePublicIpAddress, false, false)));
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
  info: 'The instance gets a public IP address.',
  explanation: 'DP.NET.1 promises that the internet reaches only load balancers and accelerators. Run '
    + 'instances in private subnets without public IPs (AssociatePublicIpAddress: false) and reach them '
    + 'through a load balancer, or administer them through the VPN (DP.NET.5).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    switch (resource.type) {
      case 'AWS::EC2::EIP':
        return p.InstanceId !== undefined ? NON_COMPLIANT : NOT_APPLICABLE;
      case 'AWS::AutoScaling::LaunchConfiguration':
        return flagVerdict(p.AssociatePublicIpAddress, false, false);
      case 'AWS::EC2::LaunchTemplate': {
        const interfaces = p.LaunchTemplateData?.NetworkInterfaces;
        return interfaces === undefined ? COMPLIANT : interfacesVerdict(interfaces);
      }
      default: {
        if (p.NetworkInterfaces !== undefined) return interfacesVerdict(p.NetworkInterfaces);
        if (p.SubnetId === undefined) return NON_COMPLIANT; // default VPC: public IPs
        const subnet = referencedResource(p.SubnetId, resource.stackPath, context.lookup);
        if (!subnet) return [UNVERIFIABLE];
        return flagVerdict(subnet.properties.MapPublicIpOnLaunch, false, false);
      }
    }
  },
};
