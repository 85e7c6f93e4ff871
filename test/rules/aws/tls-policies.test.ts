import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import {
  API_GATEWAY_SECURITY_POLICIES, CLOUDFRONT_PROTOCOL_VERSIONS, ELB_SSL_POLICIES, meetsMinimumTls, OPENSEARCH_TLS_POLICIES,
} from '../../../lib/facts/tls-policies';

// Every policy name aws-cdk-lib offers must be in the table, so a user picking any CDK enum value
// gets a verdict instead of [Unverifiable].
describe('TLS policy table', () => {
  test.each(Object.values(elbv2.SslPolicy).map((name) => [name]))('ELB %s is known', (name) => {
    expect(ELB_SSL_POLICIES[name]).toBeDefined();
  });
  test.each(Object.values(cloudfront.SecurityPolicyProtocol).map((name) => [name]))('CloudFront %s is known', (name) => {
    expect(CLOUDFRONT_PROTOCOL_VERSIONS[name]).toBeDefined();
  });
  test.each(Object.values(apigateway.SecurityPolicy).map((name) => [name]))('API Gateway %s is known', (name) => {
    expect(API_GATEWAY_SECURITY_POLICIES[name]).toBeDefined();
  });
  test.each(Object.values(opensearch.TLSSecurityPolicy).map((name) => [name]))('OpenSearch %s is known', (name) => {
    expect(OPENSEARCH_TLS_POLICIES[name]).toBeDefined();
  });

  // The minimum each name encodes, read from the name itself where AWS spells it out.
  test.each(Object.entries(ELB_SSL_POLICIES))('ELB %s accepts TLS %s and up', (name, version) => {
    const m = /TLS13-1-(\d)|TLS-1-(\d)|FS-1-(\d)/.exec(name);
    const expected = m ? Number(`1.${m[1] ?? m[2] ?? m[3]}`) : 1.0; // 2015-05, 2016-08, FS-2018-06 accept TLS 1.0
    expect(version).toBe(expected);
  });

  test.each([
    ['ELBSecurityPolicy-TLS13-1-2-2021-06', '1.2', true],
    ['ELBSecurityPolicy-TLS13-1-2-2021-06', '1.3', false],
    ['ELBSecurityPolicy-TLS13-1-3-2021-06', '1.3', true],
    ['ELBSecurityPolicy-2016-08', '1.2', false],
    ['ELBSecurityPolicy-Unknown', '1.2', undefined],
  ])('meetsMinimumTls(%s, %s) = %s', (name, min, expected) => {
    expect(meetsMinimumTls(ELB_SSL_POLICIES, name, min)).toBe(expected);
  });

  test('unresolved names are never judged', () => {
    expect(meetsMinimumTls(ELB_SSL_POLICIES, { Ref: 'Policy' }, '1.2')).toBeUndefined();
  });
});
