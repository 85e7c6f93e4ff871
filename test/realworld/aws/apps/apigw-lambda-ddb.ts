// Shape: REST API (no authorizer) with Lambda CRUD handlers over one DynamoDB table, plus a CORS
// OPTIONS mock method.
import { App, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'ItemsApiStack');
  const table = new dynamodb.Table(stack, 'Items', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const api = new apigw.RestApi(stack, 'Api', { restApiName: 'items' });
  const items = api.root.addResource('items');
  const one = items.addResource('{id}');
  const handler = (name: string) => {
    const fn = new lambda.Function(stack, name, {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "[]" });'),
      environment: { TABLE: table.tableName },
    });
    table.grantReadWriteData(fn);
    return new apigw.LambdaIntegration(fn);
  };
  items.addMethod('GET', handler('List'));
  items.addMethod('POST', handler('Create'));
  one.addMethod('GET', handler('Read'));
  one.addMethod('DELETE', handler('Delete'));
  items.addCorsPreflight({ allowOrigins: apigw.Cors.ALL_ORIGINS });
}

export const APIGW_LAMBDA_DDB: RealWorldApp = {
  name: 'apigw-lambda-ddb',
  shape: 'REST API (no authorizer) with Lambda CRUD handlers over one DynamoDB table, plus a CORS',
  build,
  findings: [
    { rule: 'ApiGatewayAuthorization', path: 'Api/Default/items/GET/Resource', verdict: 'non-compliant', detail: /NONE/, why: 'no authorizer (item 5)' },
    { rule: 'ApiGatewayAuthorization', path: 'Api/Default/items/{id}/DELETE/Resource', verdict: 'non-compliant', detail: /NONE/, why: 'no authorizer (item 5)' },
    { rule: 'ApiGatewayAuthorization', path: 'Api/Default/items/OPTIONS/Resource', verdict: 'not-applicable', why: 'CORS preflight carries no data' },
    { rule: 'NetworkTrafficLogs', path: 'Api/DeploymentStage.prod/Resource', verdict: 'non-compliant', why: 'the stage writes no access logs' },
    { rule: 'DatabaseReplication', path: 'ItemsApiStack/Items/Resource', verdict: 'compliant', detail: /three availability zones/, why: 'DynamoDB replicates across AZs; PITR is not the question (item 2)' },
    { rule: 'AvailabilityBudget', path: 'ItemsApiStack', verdict: 'non-compliant', detail: /Amazon API Gateway 99\.95%/, why: 'API Gateway and Lambda are in series with the table: 99.89% < 99.95%' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'not-applicable', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'met', 'DP.AVL.4': 'not-applicable',
    'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'violated', 'DP.NET.1': 'not-applicable',
    'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable',
    'DP.LOG.1': 'violated', 'DP.LOG.2': 'violated', 'DP.LOG.3': 'violated', 'DP.LOG.4': 'not-applicable',
    'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'violated',
    'DP.DAT.1': 'not-applicable',
  },
};
