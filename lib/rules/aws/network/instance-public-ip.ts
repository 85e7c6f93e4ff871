import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, notApplicable, Outcome, RuleResult, Severity, unverifiable, verdictsOf } from '../../../core/engine';
import { settingVerdict, unknownValue, worstOf } from '../private/values';

const ASG = 'AWS::AutoScaling::AutoScalingGroup';
const NODEGROUP = 'AWS::EKS::Nodegroup';
const DEFAULT_VPC = 'no subnet: instances run in the default VPC, whose subnets hand out public IPs';

/**
 * What decides the address when the launch settings leave AssociatePublicIpAddress unset: the
 * subnet the instance launches into (its MapPublicIpOnLaunch). A function, so that a launching
 * resource can tell whether its own subnets were consulted.
 */
type SubnetFallback = () => RuleResult;

/** MapPublicIpOnLaunch of the subnet `subnetId` names, read on the app's subnet resource. */
function subnetVerdict(subnetId: unknown, label: string, holder: ResourceView, context: RuleContext): RuleResult {
  const subnet = referencedResource(subnetId, holder.stackPath, context.lookup);
  if (!subnet) return unknownValue(label, subnetId, holder, context);
  return settingVerdict(subnet.properties.MapPublicIpOnLaunch, false, false, `MapPublicIpOnLaunch of subnet ${subnet.logicalId}`, subnet, context);
}

/** Every subnet of a list (an Auto Scaling group's VPCZoneIdentifier); none is the default VPC. */
function subnetsVerdict(ids: unknown, label: string, holder: ResourceView, context: RuleContext): RuleResult {
  if (ids === undefined) return nonCompliant(DEFAULT_VPC);
  const list = Array.isArray(ids) ? { known: true, value: ids } : resolveValue(ids, holder.stackPath, context.lookup);
  if (!list.known || !Array.isArray(list.value)) return unknownValue(label, ids, holder, context);
  if (list.value.length === 0) return nonCompliant(DEFAULT_VPC);
  const verdicts = list.value.map((id: unknown) => subnetVerdict(id, `a subnet of ${label}`, holder, context));
  const all = verdicts.flatMap((v) => verdictsOf(v));
  // All private: the evidence is every subnet's setting (worstOf keeps no compliant detail).
  if (all.every((v) => v.outcome === Outcome.COMPLIANT)) return compliant(all.map((v) => v.detail).join('; '));
  return worstOf(verdicts);
}

/**
 * One network interface of a launch. EC2 assigns a public IP when the interface asks for one; when
 * it does not say, the subnet decides, except for an existing interface (NetworkInterfaceId),
 * which never gets one from its subnet.
 */
function interfaceVerdict(ni: unknown, holder: ResourceView, context: RuleContext, fallback: SubnetFallback): RuleResult {
  const r = resolveValue(ni, holder.stackPath, context.lookup);
  if (!r.known || typeof r.value !== 'object' || r.value === null || Array.isArray(r.value)) {
    return unknownValue('a network interface', ni, holder, context);
  }
  const spec = r.value as { [key: string]: unknown };
  const flag = resolveValue(spec.AssociatePublicIpAddress, holder.stackPath, context.lookup);
  if (!flag.known || flag.value !== undefined) {
    return settingVerdict(spec.AssociatePublicIpAddress, false, false, 'AssociatePublicIpAddress', holder, context);
  }
  if (spec.NetworkInterfaceId !== undefined) return compliant('an existing network interface gets no public IP from its subnet');
  if (spec.SubnetId !== undefined) return subnetVerdict(spec.SubnetId, 'the SubnetId of a network interface', holder, context);
  return fallback();
}

/** The network interfaces of a launch, each judged on its own: one public interface is enough. */
function interfacesVerdict(interfaces: unknown, holder: ResourceView, context: RuleContext, fallback: SubnetFallback): RuleResult {
  const list = Array.isArray(interfaces) ? { known: true, value: interfaces } : resolveValue(interfaces, holder.stackPath, context.lookup);
  if (!list.known || !Array.isArray(list.value)) return unknownValue('NetworkInterfaces', interfaces, holder, context);
  if (list.value.length === 0) return fallback();
  return worstOf(list.value.map((ni: unknown) => interfaceVerdict(ni, holder, context, fallback)));
}

/** A launch template's settings, with the subnet deciding what the template leaves unset. */
function templateVerdict(template: ResourceView, context: RuleContext, fallback: SubnetFallback): RuleResult {
  const p = template.properties;
  const data = resolveValue(p.LaunchTemplateData, template.stackPath, context.lookup);
  if (!data.known) return unknownValue('LaunchTemplateData', p.LaunchTemplateData, template, context);
  const interfaces = (data.value as any)?.NetworkInterfaces;
  return interfaces === undefined ? fallback() : interfacesVerdict(interfaces, template, context, fallback);
}

/** A launch configuration's flag, with the subnet deciding when it is unset. */
function launchConfigurationVerdict(config: ResourceView, context: RuleContext, fallback: SubnetFallback): RuleResult {
  const raw = config.properties.AssociatePublicIpAddress;
  const flag = resolveValue(raw, config.stackPath, context.lookup);
  if (flag.known && flag.value === undefined) return fallback();
  return settingVerdict(raw, false, false, 'AssociatePublicIpAddress', config, context);
}

/**
 * A template or configuration that leaves the address to the subnet is judged where it is launched
 * (an instance or an Auto Scaling group of the app, whose subnets are known); launched by nothing
 * the app defines, what its instances get cannot be known.
 */
function launchedElsewhere(source: ResourceView, context: RuleContext): RuleResult {
  const launchers = context.lookup.referrers(source).filter((r) => [ASG, NODEGROUP, 'AWS::EC2::Instance'].includes(r.type));
  if (launchers.length > 0) {
    return notApplicable(`AssociatePublicIpAddress unset: judged on ${launchers.map((l) => l.logicalId).join(', ')}, whose subnets decide`);
  }
  return unverifiable('AssociatePublicIpAddress is unset, so the subnet an instance launches into decides '
    + '(its MapPublicIpOnLaunch), and no instance, Auto Scaling group or EKS node group of this app launches from it');
}

/** The launch template a launch template specification names (`LaunchTemplateId` / `LaunchTemplateName`; EKS: `Id` / `Name`). */
function specifiedTemplate(spec: unknown, holder: ResourceView, context: RuleContext): ResourceView | undefined {
  const r = resolveValue(spec, holder.stackPath, context.lookup);
  if (!r.known || typeof r.value !== 'object' || r.value === null) return undefined;
  const s = r.value as { [key: string]: unknown };
  const named = referencedResource(s.LaunchTemplateId ?? s.LaunchTemplateName ?? s.Id ?? s.Name, holder.stackPath, context.lookup);
  return named?.type === 'AWS::EC2::LaunchTemplate' ? named : undefined;
}

/** A launch template the app does not define (or names in a way this rule cannot follow). */
function unknownTemplate(spec: unknown, holder: ResourceView, context: RuleContext): RuleResult {
  const r = resolveValue(spec, holder.stackPath, context.lookup);
  if (!r.known || typeof r.value !== 'object' || r.value === null) return unknownValue('the launch template', spec, holder, context);
  const s = r.value as { [key: string]: unknown };
  const named = s.LaunchTemplateId ?? s.LaunchTemplateName ?? s.Id ?? s.Name;
  const id = resolveValue(named, holder.stackPath, context.lookup);
  return unverifiable(id.known
    ? `the launch template ${JSON.stringify(id.value) ?? '(none named)'} is not one of this app's, so its network settings are not read`
    : `the launch template is ${id.why}`);
}

/**
 * A group launching instances (Auto Scaling, EKS node group): `launch` judges its launch settings,
 * the group's subnets deciding what they leave unset. When the settings alone decide, the verdict
 * is on them, not repeated on the group.
 */
function groupJudged(launch: (fallback: SubnetFallback) => RuleResult, subnets: SubnetFallback): RuleResult {
  let consulted = false;
  const result = launch(() => {
    consulted = true;
    return subnets();
  });
  return consulted ? result : notApplicable('the launch settings decide the address: judged on them');
}

/** An Auto Scaling group: its launch template or configuration, else its subnets (VPCZoneIdentifier). */
function groupVerdict(group: ResourceView, context: RuleContext): RuleResult {
  const p = group.properties;
  const subnets = () => subnetsVerdict(p.VPCZoneIdentifier, 'VPCZoneIdentifier', group, context);
  if (p.LaunchConfigurationName !== undefined) {
    const config = referencedResource(p.LaunchConfigurationName, group.stackPath, context.lookup);
    if (config?.type !== 'AWS::AutoScaling::LaunchConfiguration') return unknownValue('LaunchConfigurationName', p.LaunchConfigurationName, group, context);
    return groupJudged((fallback) => launchConfigurationVerdict(config, context, fallback), subnets);
  }
  const spec = p.LaunchTemplate ?? p.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  if (spec === undefined) {
    return unverifiable('the group names no launch template or launch configuration (it copies an instance), so the address its instances get is not read');
  }
  const template = specifiedTemplate(spec, group, context);
  if (!template) return unknownTemplate(spec, group, context);
  return groupJudged((fallback) => templateVerdict(template, context, fallback), subnets);
}

/**
 * An EKS managed node group: its launch template decides where it sets the address; otherwise its
 * Subnets do (EKS gives nodes in a subnet that maps public IPs a public address).
 */
function nodegroupVerdict(group: ResourceView, context: RuleContext): RuleResult {
  const p = group.properties;
  const subnets = () => subnetsVerdict(p.Subnets, 'Subnets', group, context);
  if (p.LaunchTemplate === undefined) return subnets();
  const template = specifiedTemplate(p.LaunchTemplate, group, context);
  if (!template) return unknownTemplate(p.LaunchTemplate, group, context);
  return groupJudged((fallback) => templateVerdict(template, context, fallback), subnets);
}

/** An instance: its own interfaces or subnet, else those of the launch template it names. */
function instanceVerdict(instance: ResourceView, context: RuleContext): RuleResult {
  const p = instance.properties;
  const fallback: SubnetFallback = () => (p.SubnetId === undefined
    ? nonCompliant(DEFAULT_VPC)
    : subnetVerdict(p.SubnetId, 'SubnetId', instance, context));
  if (p.NetworkInterfaces !== undefined) return interfacesVerdict(p.NetworkInterfaces, instance, context, fallback);
  if (p.LaunchTemplate === undefined) return fallback();
  const template = specifiedTemplate(p.LaunchTemplate, instance, context);
  if (!template) return unknownTemplate(p.LaunchTemplate, instance, context);
  return templateVerdict(template, context, fallback);
}

/**
 * DP.NET.1: no instance is reachable from the internet by its own address. An instance, launch
 * template or launch configuration does not ask for a public IP; where it leaves the choice to the
 * subnet, the instance, Auto Scaling group or EKS node group is not placed in a subnet that hands out public IPs
 * (or in the default VPC, whose subnets do); no Elastic IP is attached to an instance or interface.
 */
export const InstancePublicIp: ResourceRule = {
  name: 'InstancePublicIp',
  controlId: 'DP.NET.1',
  resourceTypes: [
    'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', ASG, NODEGROUP,
    'AWS::EC2::EIP', 'AWS::EC2::EIPAssociation',
  ],
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
      case 'AWS::EC2::EIPAssociation':
        if (p.InstanceId !== undefined) return nonCompliant('an Elastic IP is associated with an instance');
        return p.NetworkInterfaceId !== undefined ? nonCompliant('an Elastic IP is associated with a network interface') : NOT_APPLICABLE;
      case 'AWS::AutoScaling::LaunchConfiguration':
        return launchConfigurationVerdict(resource, context, () => launchedElsewhere(resource, context));
      case 'AWS::EC2::LaunchTemplate':
        return templateVerdict(resource, context, () => launchedElsewhere(resource, context));
      case ASG:
        return groupVerdict(resource, context);
      case NODEGROUP:
        return nodegroupVerdict(resource, context);
      default:
        return instanceVerdict(resource, context);
    }
  },
};
