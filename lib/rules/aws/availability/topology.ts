import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { AppFinding, AppRule, ResourceRule, ResourceView, RuleContext } from '../../rule';
import { mentionedResources } from '../private/refs';
import { GLOBAL_ACCELERATOR_SLA, REGIONAL_SLAS } from '../private/sla';
import { workloadByRegion } from '../private/workload';

type Stacks = readonly { readonly path: string; readonly region?: string }[];

function pct(x: number): string {
  return `${(x * 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}%`;
}

/**
 * DP.AVL.2: the workload (load balancers, services, databases, tables, data buckets) runs in at
 * least `regionCount` regions.
 */
export const MultiRegionWorkload: AppRule = {
  name: 'MultiRegionWorkload',
  controlId: 'DP.AVL.2',
  level: NagMessageLevel.ERROR,
  info: 'The workload runs in fewer regions than the policy promises.',
  explanation: 'DP.AVL.2 promises the workload in at least regionCount regions. Deploy the regional stacks in '
    + 'that many regions and front them with a GlobalEndpoint.',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const byRegion = workloadByRegion(context, new Set(stacks.map((s) => s.path)));
    if (byRegion.size === 0 || stacks.length === 0) return [];
    const regions = [...byRegion.keys()].map((r) => r || '(unknown)').sort();
    return [{
      stackPath: stacks[0].path,
      result: byRegion.size >= context.policy.regionCount ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
      detail: `workload regions: ${regions.join(', ')} (promised: ${context.policy.regionCount})`,
    }];
  },
};

/**
 * DP.NET.3: a Global Accelerator fronts the workload with an endpoint group in every region that runs
 * it. Reported on the accelerator, or on the first stack when there is none.
 */
export const AcceleratorCoverage: AppRule = {
  name: 'AcceleratorCoverage',
  controlId: 'DP.NET.3',
  level: NagMessageLevel.ERROR,
  info: 'The workload is not fronted by a Global Accelerator in every region it runs in.',
  explanation: 'DP.NET.3 promises a Global Accelerator with an endpoint group in every workload region. Add a '
    + 'GlobalEndpoint and addRegion() for each region.',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const byRegion = workloadByRegion(context, new Set(stacks.map((s) => s.path)));
    if (byRegion.size === 0 || stacks.length === 0) return [];
    const accelerators = context.lookup.resourcesOfType('AWS::GlobalAccelerator::Accelerator');
    if (accelerators.length === 0) return [{ stackPath: stacks[0].path, result: NagRuleCompliance.NON_COMPLIANT, detail: 'no accelerator' }];
    const covered = new Set(context.lookup.resourcesOfType('AWS::GlobalAccelerator::EndpointGroup').map((g) => g.properties.EndpointGroupRegion));
    const missing = [...byRegion.keys()].filter((r) => !covered.has(r));
    return accelerators.map((a) => ({
      resource: a,
      result: missing.length === 0 ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
      detail: missing.length === 0 ? `endpoint groups in ${[...covered].sort().join(', ')}` : `no endpoint group in ${missing.join(', ')}`,
    }));
  },
};

/** Resources a Shield Advanced protection covers, and load balancers an accelerator fronts; built once. */
function protection(context: RuleContext): { shielded: Set<ResourceView>; fronted: Set<ResourceView> } {
  return context.lookup.memo('shield-protection', () => ({
    shielded: new Set(context.lookup.resourcesOfType('AWS::Shield::Protection')
      .flatMap((p) => mentionedResources(p.properties.ResourceArn, p.stackPath, context.lookup))),
    fronted: new Set(context.lookup.resourcesOfType('AWS::GlobalAccelerator::EndpointGroup')
      .flatMap((g) => mentionedResources(g.properties.EndpointConfigurations, g.stackPath, context.lookup))),
  }));
}

/**
 * DP.NET.2: every public entry point is protected against DDoS: an accelerator, and every
 * internet-facing load balancer that no accelerator fronts, has an AWS Shield Advanced protection.
 */
export const ShieldProtection: ResourceRule = {
  name: 'ShieldProtection',
  controlId: 'DP.NET.2',
  resourceTypes: ['AWS::GlobalAccelerator::Accelerator', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  level: NagMessageLevel.ERROR,
  info: 'The public entry point has no AWS Shield Advanced protection.',
  explanation: 'DP.NET.2 promises DDoS protection of public entry points. Add an AWS::Shield::Protection for the '
    + 'accelerator (GlobalEndpoint does; it needs a Shield Advanced subscription), or put the load balancer '
    + 'behind one.',
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const { shielded, fronted } = protection(context);
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
      if ((resource.properties.Scheme ?? 'internet-facing') !== 'internet-facing') return NagRuleCompliance.NOT_APPLICABLE;
      if (fronted.has(resource)) return NagRuleCompliance.NOT_APPLICABLE;
    }
    return shielded.has(resource) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};

/**
 * DP.AVL.7: the topology's availability, computed from published SLAs, meets `uptimePercent`.
 * Within a region the services the workload uses are in series (each counted once); regions are in
 * parallel (each runs the workload, traffic fails over between them); a Global Accelerator in front
 * is in series with the regions. The report shows the computation next to the promise.
 */
export const AvailabilityBudget: AppRule = {
  name: 'AvailabilityBudget',
  controlId: 'DP.AVL.7',
  level: NagMessageLevel.ERROR,
  info: 'The availability the topology can promise is below the policy\'s uptime.',
  explanation: 'DP.AVL.7 promises the computed availability meets uptimePercent. Add a region behind a Global '
    + 'Accelerator, or use services with higher commitments (Aurora over single RDS, for example).',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const byRegion = workloadByRegion(context, new Set(stacks.map((s) => s.path)));
    if (byRegion.size === 0 || stacks.length === 0) return [];
    const parts: string[] = [];
    let allDown = 1;
    for (const [region, resources] of [...byRegion.entries()].sort()) {
      const slas = [...new Map(resources.map((r) => [REGIONAL_SLAS[r.type].service, REGIONAL_SLAS[r.type]])).values()];
      const regional = slas.reduce((a, s) => a * (s.percent / 100), 1);
      allDown *= 1 - regional;
      parts.push(`${region || '(unknown)'}: ${slas.map((s) => `${s.service} ${s.percent}%`).join(' x ')} = ${pct(regional)}`);
    }
    const accelerated = context.lookup.resourcesOfType('AWS::GlobalAccelerator::Accelerator').length > 0;
    const total = (1 - allDown) * (accelerated ? GLOBAL_ACCELERATOR_SLA.percent / 100 : 1);
    const promised = context.policy.uptimePercent / 100;
    const formula = `${accelerated ? `${GLOBAL_ACCELERATOR_SLA.service} ${GLOBAL_ACCELERATOR_SLA.percent}% x ` : ''}`
      + `${byRegion.size > 1 ? 'parallel' : 'region'}(${parts.join('; ')}) = ${pct(total)} (promised ${context.policy.uptimePercent}%)`;
    return [{ stackPath: stacks[0].path, result: total >= promised ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT, detail: formula }];
  },
};
