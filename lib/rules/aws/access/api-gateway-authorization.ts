import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';

/** Whether the REST API a method belongs to is private (reachable only from VPCs): not user-facing. */
function isPrivateApi(method: ResourceView, context: RuleContext): boolean {
  const api = referencedResource(method.properties.RestApiId, method.stackPath, context.lookup);
  const types = api?.properties.EndpointConfiguration?.Types;
  return Array.isArray(types) && types.length > 0 && types.every((t: unknown) => t === 'PRIVATE');
}

/**
 * DP.IAM.2: every method of a REST API and every route of an HTTP or WebSocket API authenticates
 * its callers (IAM, a Cognito user pool, a JWT or Lambda authorizer): `AuthorizationType` is not
 * `NONE` (the default of HTTP API routes). CORS preflight (`OPTIONS`) carries no data and cannot
 * authenticate; methods of private REST APIs are not user-facing; on a WebSocket API only the
 * `$connect` route authorizes.
 */
export const ApiGatewayAuthorization: ResourceRule = {
  name: 'ApiGatewayAuthorization',
  controlId: 'DP.IAM.2',
  resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'],
  covers: 'no method or route with `AuthorizationType: NONE`',
  level: Severity.ERROR,
  info: 'The API method serves callers without authenticating them.',
  explanation: 'DP.IAM.2 promises that every user authenticates. Give every method an authorizer (Cognito user '
    + 'pool, JWT, Lambda or IAM): RestApi defaultMethodOptions { authorizer, authorizationType }. If the API is '
    + 'public by design, acknowledge the finding with that reason.',
  fix: 'Set an authorizer on the method or route (defaultMethodOptions: { authorizer } on the RestApi, or defaultAuthorizer on the HttpApi).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    let unknownKey: string | undefined;
    if (resource.type === 'AWS::ApiGateway::Method') {
      const verb = resolveValue(p.HttpMethod, resource.stackPath, context.lookup);
      if (verb.known && verb.value === 'OPTIONS') return NOT_APPLICABLE;
      if (isPrivateApi(resource, context)) return NOT_APPLICABLE;
    } else {
      const api = referencedResource(p.ApiId, resource.stackPath, context.lookup);
      const key = resolveValue(p.RouteKey, resource.stackPath, context.lookup);
      if (api?.properties.ProtocolType === 'WEBSOCKET') {
        if (key.known && key.value !== '$connect') return NOT_APPLICABLE;
        // A key the rule cannot read could be $connect: only an authorizer on the route settles it.
        if (!key.known) unknownKey = key.why;
      }
      if (key.known && typeof key.value === 'string' && key.value.startsWith('OPTIONS ')) return NOT_APPLICABLE;
    }
    const type = resolveValue(p.AuthorizationType ?? 'NONE', resource.stackPath, context.lookup);
    if (!type.known) return unverifiable(`AuthorizationType is ${type.why}`);
    if (type.value === 'NONE' && unknownKey !== undefined) {
      return unverifiable(`RouteKey is ${unknownKey}; if it is $connect, AuthorizationType NONE lets anyone connect to the WebSocket API`);
    }
    return type.value === 'NONE'
      ? nonCompliant('AuthorizationType NONE: anyone who can reach the API calls it')
      : compliant(`AuthorizationType ${String(type.value)}`);
  },
};
