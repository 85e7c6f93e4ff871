// Shape: static website. (1) private bucket + CloudFront (OAC, custom certificate, TLS 1.2) fed by a
// BucketDeployment; (2) the older public S3 website bucket fed by a BucketDeployment.
import { App, RemovalPolicy } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'SiteStack');
  const site = new s3.Bucket(stack, 'Site', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });
  const cert = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000');
  const cdn = new cloudfront.Distribution(stack, 'Cdn', {
    defaultBehavior: {
      origin: origins.S3BucketOrigin.withOriginAccessControl(site),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    },
    defaultRootObject: 'index.html',
    domainNames: ['www.example.com'],
    certificate: cert,
    minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
  });
  new s3deploy.BucketDeployment(stack, 'Publish', {
    sources: [s3deploy.Source.data('index.html', '<h1>hello</h1>')],
    destinationBucket: site,
    distribution: cdn,
    distributionPaths: ['/*'],
  });

  const legacy = new s3.Bucket(stack, 'PublicSite', {
    websiteIndexDocument: 'index.html',
    publicReadAccess: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  new s3deploy.BucketDeployment(stack, 'PublishLegacy', {
    sources: [s3deploy.Source.data('index.html', '<h1>legacy</h1>')],
    destinationBucket: legacy,
  });

  // Downloads bucket with a hand-written TLS-only statement that names only the bucket ARN, not
  // its objects (a common copy-paste slip): object reads and writes stay possible in plaintext.
  const downloads = new s3.Bucket(stack, 'Downloads', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
  downloads.addToResourcePolicy(new iam.PolicyStatement({
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['s3:*'],
    resources: [downloads.bucketArn],
    conditions: { Bool: { 'aws:SecureTransport': 'false' } },
  }));
}

export const STATIC_SITE: RealWorldApp = {
  name: 'static-site',
  mode: 'flags',
  shape: 'static website. (1) private bucket + CloudFront (OAC, custom certificate, TLS 1.2) fed by a',
  build,
  findings: [
    { rule: 'S3BucketPublicAccess', path: 'SiteStack/PublicSite/Resource', verdict: 'non-compliant [PublicPolicy]', why: 'publicReadAccess with Block Public Access off (item 5)' },
    { rule: 'S3BucketPublicAccess', path: 'SiteStack/Site/Resource', verdict: 'compliant', why: 'private behind an origin access control' },
    { rule: 'S3BucketTLSOnly', path: 'SiteStack/Downloads/Resource', verdict: 'non-compliant [SecureTransport]', detail: /not its objects/, why: 'the deny names only the bucket ARN (item 5)' },
    { rule: 'NetworkTrafficLogs', path: 'SiteStack/Cdn/Resource', verdict: 'non-compliant', why: 'CloudFront without access logs (item 5)' },
    { rule: 'CloudFrontTLS', path: 'SiteStack/Cdn/Resource', verdict: 'compliant', why: 'redirect-to-https, TLSv1.2_2021, S3 origin' },
    { rule: 'LogRetention', path: 'Custom::CDKBucketDeployment', verdict: 'non-compliant [Encryption]', detail: /created by the CDK for BucketDeployment.*PolicyLogGroups/, why: 'the CDK\'s BucketDeployment handler log group: the finding says so and what to do (item 7)' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'not-applicable', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable', 'DP.AVL.4': 'not-applicable',
    'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'violated', 'DP.AVL.7': 'violated', 'DP.NET.1': 'violated',
    'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable',
    'DP.LOG.1': 'violated', 'DP.LOG.2': 'violated', 'DP.LOG.3': 'violated', 'DP.LOG.4': 'violated',
    'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'not-applicable',
    'DP.DAT.1': 'not-applicable',
  },
};
