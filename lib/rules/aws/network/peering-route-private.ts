import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { EXPLANATION, publicRouteTables } from '../private/messaging';
import { unknownValue } from '../private/values';

/**
 * DP.NET.4: a route to a VPC peering connection lives only in a private route table (one without
 * a route to an internet gateway).
 */
export const PeeringRoutePrivate: ResourceRule = {
  name: 'PeeringRoutePrivate',
  controlId: 'DP.NET.4',
  resourceTypes: ['AWS::EC2::Route'],
  level: Severity.ERROR,
  info: 'A route to the peered broker network leaves from a public route table.',
  explanation: EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (resource.properties.VpcPeeringConnectionId === undefined) return NOT_APPLICABLE;
    const table = referencedResource(resource.properties.RouteTableId, resource.stackPath, context.lookup);
    if (!table) return unknownValue('RouteTableId', resource.properties.RouteTableId, resource, context);
    return publicRouteTables(context).has(table) ? nonCompliant(`route table ${table.logicalId} also routes to an internet gateway`) : compliant(`route table ${table.logicalId} is private`);
  },
};
