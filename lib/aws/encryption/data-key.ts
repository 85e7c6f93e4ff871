import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { PropErrors } from '../../core/props/prop-errors';

/**
 * What the account root may do with a DataKey when IAM policies may not grant its use. `kms:CreateGrant`
 * is not among them: grants go only to AWS services acting on the key (GRANT_STATEMENT).
 */
const KEY_ADMIN_ACTIONS = [
  'kms:CreateAlias', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*',
  'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource',
  'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RotateKeyOnDemand',
];
const KEY_USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
/** Every other key-level action, for accounts that manage key use in IAM (everything `kms:*` allows but an unconditional grant). */
const KEY_ALL_USE_ACTIONS = [...KEY_USE_ACTIONS, 'kms:GenerateMac', 'kms:VerifyMac', 'kms:Sign', 'kms:Verify', 'kms:GetPublicKey',
  'kms:DeriveSharedSecret', 'kms:RetireGrant'];
const ROTATION = { min: 90, max: 2560, default: 365 };

/**
 * Props for DataKey.
 */
export interface DataKeyProps {
  /**
   * The key's alias, `alias/<name>` (not under the reserved `alias/aws/`).
   *
   * @default - `alias/data/<construct path>`
   */
  readonly alias?: string;

  /**
   * A description of what the key protects.
   *
   * @default - 'Customer-managed data key (cdk-data-protection)'
   */
  readonly description?: string;

  /**
   * Principals that may encrypt and decrypt with the key. They are named in the key policy (and
   * get a matching IAM statement); nobody else can use the key. More can be added with `grant*`.
   *
   * @default - none
   */
  readonly users?: iam.IGrantable[];

  /**
   * AWS services that use the key on their own behalf, e.g. `logs` (CloudWatch Logs),
   * `logging.s3.amazonaws.com` (S3 server access logs), `cloudwatch`, `events`, `sns`.
   * A short name becomes `<name>.amazonaws.com` (`logs` becomes the regional Logs principal).
   * Each is limited to this account (`aws:SourceAccount`, or the Logs encryption context).
   *
   * @default - none
   */
  readonly services?: string[];

  /**
   * Let IAM policies in the account grant use of the key (the key policy then gives the account
   * every key action, like the CDK default `kms:*`, except `kms:CreateGrant` outside AWS services).
   * Unsafe for DP.ENC.2's intent: anyone with a broad IAM policy can decrypt the data.
   *
   * @default false - only principals named in the key policy can use the key
   */
  readonly allowIamPolicies?: boolean;

  /**
   * How often the key material rotates, 90 to 2560 days.
   *
   * @default Duration.days(365)
   */
  readonly rotationPeriod?: Duration;

  /**
   * Waiting period before a key scheduled for deletion is deleted, 7 to 30 days.
   *
   * @default Duration.days(30)
   */
  readonly pendingWindow?: Duration;

  /**
   * What happens to the key when it leaves the stack. Anything but RETAIN breaks DP.ENC.3 (and
   * every store encrypted under the key becomes unreadable once it is deleted), and is reported by
   * `DataProtection-KMSKeyRetained`.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A customer-managed KMS key for data at rest (DP.ENC.2, DP.ENC.3): symmetric, rotated every year,
 * retained when its stack is deleted or the key replaced, with an alias, and a key policy that lets
 * only the principals and services it names use the key. The account root can administer the key
 * (so it can never be locked out) but not use it, and may create grants only for AWS services that
 * use the key on a principal's behalf (`kms:GrantIsForAWSResource`).
 *
 * Grants (`grantEncryptDecrypt`, a bucket's `grantRead`, ...) add the grantee to the key policy as
 * well as to its own IAM policy.
 *
 * @example
 * const key = new DataKey(this, 'Key', { services: ['logs'] });
 * key.grantEncryptDecrypt(appRole);
 */
export class DataKey extends kms.Key {
  private readonly trustIamPolicies: boolean;

  constructor(scope: Construct, id: string, props: DataKeyProps = {}) {
    const rotationDays = props.rotationPeriod?.toDays() ?? ROTATION.default;
    const errors = new PropErrors('DataKey', scope.node.path ? `${scope.node.path}/${id}` : id);
    const alias = props.alias;
    errors.check(alias === undefined || Token.isUnresolved(alias) || (/^alias\/[a-zA-Z0-9/_-]+$/.test(alias) && !alias.startsWith('alias/aws/')),
      'alias', alias, "'alias/<name>' of letters, digits, /, _ and -, not under the reserved alias/aws/");
    errors.check(rotationDays >= ROTATION.min && rotationDays <= ROTATION.max, 'rotationPeriod', `${rotationDays} days`,
      `${ROTATION.min} to ${ROTATION.max} days`);
    for (const service of props.services ?? []) {
      errors.check(typeof service === 'string' && /^[a-z0-9.-]+$/.test(service), 'services', service,
        "a service name such as 'logs' or 'logging.s3.amazonaws.com'");
    }
    errors.throwIfAny();

    super(scope, id, {
      description: props.description ?? 'Customer-managed data key (cdk-data-protection)',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(rotationDays),
      pendingWindow: props.pendingWindow ?? Duration.days(30),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      // An explicit policy: the CDK then adds no default statement for the account.
      policy: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            sid: props.allowIamPolicies ? 'AccountMayUseAndAdminister' : 'AccountMayAdministerOnly',
            principals: [new iam.AccountRootPrincipal()],
            actions: props.allowIamPolicies ? [...KEY_ADMIN_ACTIONS, ...KEY_ALL_USE_ACTIONS] : KEY_ADMIN_ACTIONS,
            resources: ['*'],
          }),
          // Grants only for AWS services that use the key on a principal's behalf (EBS, RDS, ...),
          // never to hand the key to an arbitrary principal (AWS's key policy guidance).
          new iam.PolicyStatement({
            sid: 'GrantsOnlyForAwsServices',
            principals: [new iam.AccountRootPrincipal()],
            actions: ['kms:CreateGrant'],
            resources: ['*'],
            conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
          }),
        ],
      }),
    });
    this.trustIamPolicies = props.allowIamPolicies ?? false;

    this.addAlias(alias ?? `alias/data/${this.node.path.replace(/[^a-zA-Z0-9/_-]/g, '-')}`.slice(0, 256));
    for (const user of props.users ?? []) this.grantEncryptDecrypt(user);
    for (const service of props.services ?? []) this.allowService(service);
  }

  /**
   * Grants go into the key policy as well as the grantee's IAM policy: the key policy admits no one
   * by default, so an IAM-only grant would not work.
   */
  public override get grants(): kms.KeyGrants {
    return kms.KeyGrants.fromKey(this, this.trustIamPolicies);
  }

  /**
   * Let an AWS service use the key on its own behalf, for this account only.
   *
   * @param service a short name (`logs`, `sns`) or a full service principal
   */
  public allowService(service: string): void {
    const stack = Stack.of(this);
    const isLogs = service === 'logs' || /^logs\.[a-z0-9-]+\.amazonaws\.com$/.test(service);
    const principal = service === 'logs'
      ? `logs.${stack.region}.amazonaws.com`
      : service.includes('.') ? service : `${service}.amazonaws.com`;
    this.addToResourcePolicy(new iam.PolicyStatement({
      sid: `AllowService${principal.split('.')[0].replace(/[^a-zA-Z0-9]/g, '')}`,
      principals: [new iam.ServicePrincipal(principal)],
      actions: KEY_USE_ACTIONS,
      resources: ['*'],
      conditions: isLogs
        ? { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:*` } }
        : { StringEquals: { 'aws:SourceAccount': stack.account } },
    }));
  }
}
