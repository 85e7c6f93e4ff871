import { compliant, failing, findingsResult, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { autoscaleOf } from '../private/scaling';
import { block, blocks, boolValue, isExpression, mentions, referrersOfType, tfNumber, unknownDetail } from '../private/values';

/** Container Apps scale rules (KEDA). */
const SCALE_RULES = ['http_scale_rule', 'custom_scale_rule', 'tcp_scale_rule', 'azure_queue_scale_rule'];

function containerApp(app: TerraformResourceView, failures: Verdict[], evidence: string[]): void {
  const rawTemplate = app.config.template;
  if (isExpression(rawTemplate)) { failures.push(unverifiable(unknownDetail(app, 'template', rawTemplate))); return; }
  const t = block(rawTemplate) ?? {};
  const min = t.min_replicas === undefined ? 0 : tfNumber(t.min_replicas);
  const max = t.max_replicas === undefined ? 10 : tfNumber(t.max_replicas);
  if (min === undefined) failures.push(unverifiable(unknownDetail(app, 'template.min_replicas', t.min_replicas)));
  else if (min < 1) failures.push(failing('MinReplicas', `template.min_replicas = ${min}${t.min_replicas === undefined ? ' (the default)' : ''}: the app scales to zero and the next request waits for a cold start`));
  const rules = SCALE_RULES.flatMap((r) => blocks(t[r]));
  if (SCALE_RULES.some((r) => isExpression(t[r]))) {
    failures.push(unverifiable('a scale rule is given by an expression'));
  } else if (max === undefined) {
    failures.push(unverifiable(unknownDetail(app, 'template.max_replicas', t.max_replicas)));
  } else if (min === undefined) {
    return;
  } else if (rules.length === 0 || max <= min) {
    failures.push(failing('Scaling', rules.length === 0 ? 'no scale rule (http_scale_rule, custom_scale_rule, ...)' : `max_replicas ${max} <= min_replicas ${min}: it cannot scale out`));
  } else {
    evidence.push(`scales ${min}-${max} on ${rules.map((r) => r.name).join(', ')}`);
  }
  // A new revision takes traffic only once ready; with ingress Azure adds TCP probes when none is given.
  const ingress = block(app.config.ingress);
  const probed = blocks(t.container).every((c) => blocks(c.readiness_probe).length > 0 || blocks(c.startup_probe).length > 0);
  if (!ingress && !probed) failures.push(failing('Deployment', 'no ingress and no readiness probe: a new revision replaces the old one before it is known to work'));
  else evidence.push(`revisions replace each other only when ready (${app.config.revision_mode ?? 'Single'} revision mode)`);
}

function webApp(app: TerraformResourceView, context: AzureRuleContext, failures: Verdict[], evidence: string[]): void {
  const slotType = app.type === 'azurerm_windows_web_app' ? 'azurerm_windows_web_app_slot' : 'azurerm_linux_web_app_slot';
  const slots = referrersOfType(app, [slotType], context.lookup).filter((s) => mentions(s.config.app_service_id, app));
  const site = block(app.config.site_config) ?? {};
  if (slots.length === 0) failures.push(failing('Deployment', 'no deployment slot: releases replace the running app in place'));
  else if (!site.health_check_path) failures.push(failing('Deployment', 'deployment slot without site_config.health_check_path: unhealthy instances keep traffic'));
  else evidence.push(`deploys through ${slots.map((s) => s.address).join(', ')} with health check ${site.health_check_path}`);
}

function scaled(resource: TerraformResourceView, context: AzureRuleContext, failures: Verdict[], evidence: string[]): void {
  const a = autoscaleOf(resource, context.lookup);
  if (a.unknown) failures.push(unverifiable(a.unknown));
  else if (!a.scalesOut) failures.push(failing('Scaling', a.why));
  else evidence.push(a.scalesOut);
}

/**
 * DP.AVL.5: services scale automatically and deploy without downtime. A container app has a scale
 * rule with room to grow and never scales to zero, and its revisions take traffic only when ready
 * (ingress probes, or readiness probes); an App Service plan or scale set has an enabled autoscale
 * setting with a scale-out rule; a web app deploys through a slot with a health check; an AKS
 * default node pool autoscales; a scale set rolls upgrades. Findings: `[Scaling]`, `[MinReplicas]`,
 * `[Deployment]`.
 */
export const AzureZeroDowntimeDeploys: AzureResourceRule = {
  name: 'AzureZeroDowntimeDeploys',
  controlId: 'DP.AVL.5',
  resourceTypes: [
    'azurerm_container_app', 'azurerm_service_plan', 'azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_kubernetes_cluster',
    'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set',
  ],
  covers: 'scale rules and autoscale settings, minimum replicas, revisions and slots',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'The service does not scale automatically or can go down while deploying.',
  explanation: 'DP.AVL.5 promises autoscaling and zero-downtime deployments. Give container apps an http_scale_rule, '
    + 'max_replicas above min_replicas >= 1 and probes; give App Service plans and scale sets an enabled '
    + 'azurerm_monitor_autoscale_setting with a scale-out rule; deploy web apps through a slot with a health_check_path; '
    + 'enable the AKS cluster autoscaler; use upgrade_mode "Rolling" on scale sets (ZoneRedundantApp does the first).',
  fix: 'Add a scale rule or autoscale setting that scales out, keep at least one replica, and deploy through revisions or slots.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const failures: Verdict[] = [];
    const evidence: string[] = [];
    switch (resource.type) {
      case 'azurerm_container_app': containerApp(resource, failures, evidence); break;
      case 'azurerm_service_plan': {
        const sku = String(resource.config.sku_name ?? '');
        // Consumption and Elastic Premium plans scale by themselves (event-driven).
        if (/^(Y1|EP\d|FC\d)/.test(sku)) return NOT_APPLICABLE;
        scaled(resource, context, failures, evidence);
        break;
      }
      case 'azurerm_linux_web_app':
      case 'azurerm_windows_web_app': webApp(resource, context, failures, evidence); break;
      case 'azurerm_kubernetes_cluster': {
        const pool = block(resource.config.default_node_pool) ?? {};
        const raw = pool.auto_scaling_enabled ?? pool.enable_auto_scaling;
        const on = boolValue(raw, false);
        if (on === undefined) failures.push(unverifiable(unknownDetail(resource, 'default_node_pool.auto_scaling_enabled', raw)));
        else if (!on) failures.push(failing('Scaling', 'the default node pool does not autoscale (auto_scaling_enabled, enable_auto_scaling on azurerm 3)'));
        else evidence.push(`node pool autoscales ${pool.min_count}-${pool.max_count}`);
        break;
      }
      default: {
        scaled(resource, context, failures, evidence);
        const mode = resource.config.upgrade_mode ?? 'Manual';
        if (isExpression(mode)) failures.push(unverifiable(unknownDetail(resource, 'upgrade_mode', mode)));
        else if (mode !== 'Rolling') failures.push(failing('Deployment', `upgrade_mode = ${JSON.stringify(mode)}: instances are not replaced a batch at a time behind a health check`));
        else evidence.push('rolling upgrades');
      }
    }
    return failures.length > 0 ? findingsResult(failures) : compliant(evidence.join('; '));
  },
};
