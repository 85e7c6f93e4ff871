import { CdnFrontdoorCustomDomain } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-custom-domain';
import { CdnFrontdoorEndpoint } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-endpoint';
import { CdnFrontdoorFirewallPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-firewall-policy';
import { CdnFrontdoorOrigin } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin';
import { CdnFrontdoorOriginGroup } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin-group';
import { CdnFrontdoorProfile } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-profile';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { CdnFrontdoorSecurityPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-security-policy';
import { Construct } from 'constructs';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement } from './placement';
import { diagnosticSetting } from './private/monitoring';
import { IPrivateOrigin } from './zone-redundant-app';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** Props of a `FrontDoorEntryPoint`. */
export interface FrontDoorEntryPointProps {
  /**
   * The policy: the public ports (Front Door serves 443 and redirects 80) and minimum TLS version.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group of the profile (Front Door itself is global). */
  readonly placement: AzurePlacement;
  /** The apps behind it, reached over Private Link; one per region, all active. */
  readonly origins: IPrivateOrigin[];
  /**
   * Name of the profile and prefix of its parts (letters, digits and hyphens).
   * @default - the construct id in lower case
   */
  readonly name?: string;
  /**
   * Path Front Door probes on every origin; an origin that fails it gets no traffic.
   * @default '/healthz'
   */
  readonly healthPath?: string;
  /**
   * A custom domain (e.g. `api.situm.com`) with a managed TLS 1.2 certificate; validate it with the
   * TXT record Front Door gives.
   * @default - the endpoint's azurefd.net name only
   */
  readonly customDomain?: string;
  /**
   * Workspace for access, WAF and health probe logs (DP.LOG.3).
   * @default - no logs (DP.LOG.3 then reports the profile)
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * The only thing the internet reaches: an Azure Front Door Premium profile that serves HTTPS on 443
 * (HTTP on 80 only redirects), forwards to the apps of every region over Private Link in HTTPS,
 * probes their health and sends traffic only to healthy ones, and filters every request through a
 * WAF policy in Prevention mode with Microsoft's default and bot manager rule sets (Premium needs
 * them; DDoS protection of the edge is Front Door's). Its access and WAF logs go to the central
 * workspace. Each origin's private endpoint connection must be approved on the target once (Azure
 * asks the target's owner; `az network private-endpoint-connection approve`).
 */
export class FrontDoorEntryPoint extends Construct {
  /** The profile. */
  public readonly profile: CdnFrontdoorProfile;
  /** The endpoint (`<name>-<hash>.azurefd.net`). */
  public readonly endpoint: CdnFrontdoorEndpoint;
  /** The WAF policy. */
  public readonly firewallPolicy: CdnFrontdoorFirewallPolicy;
  /** The route. */
  public readonly route: CdnFrontdoorRoute;

  constructor(scope: Construct, id: string, props: FrontDoorEntryPointProps) {
    const errors = new PropErrors('FrontDoorEntryPoint', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const name = props.name ?? id.toLowerCase();
    errors.check(props.origins.length > 0, 'origins', props.origins.length, 'at least one origin');
    errors.check(policy.allowedPublicPorts.includes(443), 'policy.allowedPublicPorts', policy.allowedPublicPorts, 'a list including 443, the port Front Door serves');
    errors.check(/^[a-z][a-z0-9-]{1,40}$/.test(name), 'name', name, 'letters, digits and hyphens, starting with a letter');
    if (props.customDomain !== undefined) {
      errors.check(/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(props.customDomain), 'customDomain', props.customDomain, 'a host name such as api.example.com');
    }
    errors.throwIfAny();
    super(scope, id);
    const health = props.healthPath ?? '/healthz';

    this.profile = new CdnFrontdoorProfile(this, 'Profile', {
      name: `afd-${name}`,
      resourceGroupName: props.placement.resourceGroupName,
      skuName: 'Premium_AzureFrontDoor',
      responseTimeoutSeconds: 60,
    });
    this.endpoint = new CdnFrontdoorEndpoint(this, 'Endpoint', { name, cdnFrontdoorProfileId: this.profile.id });
    const group = new CdnFrontdoorOriginGroup(this, 'Origins', {
      name: `${name}-apps`,
      cdnFrontdoorProfileId: this.profile.id,
      sessionAffinityEnabled: false,
      restoreTrafficTimeToHealedOrNewEndpointInMinutes: 5,
      healthProbe: { protocol: 'Https', path: health, requestType: 'GET', intervalInSeconds: 30 },
      loadBalancing: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 },
    });
    const origins = props.origins.map((o, i) => new CdnFrontdoorOrigin(this, `Origin${i + 1}`, {
      name: `${name}-${o.location}`,
      cdnFrontdoorOriginGroupId: group.id,
      hostName: o.originHostName,
      originHostHeader: o.originHostName,
      certificateNameCheckEnabled: true,
      httpsPort: 443,
      priority: 1,
      weight: 1000,
      privateLink: {
        location: o.location,
        privateLinkTargetId: o.privateLinkTargetId,
        targetType: o.privateLinkTargetType,
        requestMessage: `Front Door ${name} for DP.NET.1`,
      },
    }));
    const domain = props.customDomain ? new CdnFrontdoorCustomDomain(this, 'Domain', {
      name: props.customDomain.replace(/\./g, '-'),
      cdnFrontdoorProfileId: this.profile.id,
      hostName: props.customDomain,
      tls: { certificateType: 'ManagedCertificate', minimumTlsVersion: 'TLS12' },
    }) : undefined;
    this.route = new CdnFrontdoorRoute(this, 'Route', {
      name: `${name}-https`,
      cdnFrontdoorEndpointId: this.endpoint.id,
      cdnFrontdoorOriginGroupId: group.id,
      cdnFrontdoorOriginIds: origins.map((o) => o.id),
      ...(domain ? { cdnFrontdoorCustomDomainIds: [domain.id] } : {}),
      supportedProtocols: ['Http', 'Https'],
      httpsRedirectEnabled: true,
      forwardingProtocol: 'HttpsOnly',
      linkToDefaultDomain: true,
      patternsToMatch: ['/*'],
    });
    this.firewallPolicy = new CdnFrontdoorFirewallPolicy(this, 'Waf', {
      name: `waf${name.replace(/[^a-z0-9]/g, '')}`,
      resourceGroupName: props.placement.resourceGroupName,
      skuName: 'Premium_AzureFrontDoor',
      enabled: true,
      mode: 'Prevention',
      requestBodyCheckEnabled: true,
      managedRule: [
        { type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' },
        { type: 'Microsoft_BotManagerRuleSet', version: '1.1', action: 'Block' },
      ],
    });
    new CdnFrontdoorSecurityPolicy(this, 'SecurityPolicy', {
      name: `${name}-waf`,
      cdnFrontdoorProfileId: this.profile.id,
      securityPolicies: {
        firewall: {
          cdnFrontdoorFirewallPolicyId: this.firewallPolicy.id,
          association: {
            domain: [{ cdnFrontdoorDomainId: this.endpoint.id }, ...(domain ? [{ cdnFrontdoorDomainId: domain.id }] : [])],
            patternsToMatch: ['/*'],
          },
        },
      },
    });
    // Every request, WAF decision and health probe in the central workspace (DP.LOG.3).
    if (props.logs) diagnosticSetting(this, 'Logs', props.logs.bind(this), this.profile.id);
  }
}
