import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { PREVENT_DESTROY } from './private/lifecycle';
import { diagnosticSetting } from './private/monitoring';
import { stableName } from './private/names';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** The role a service identity needs to wrap and unwrap data keys with a Key Vault key. */
export const KEY_USER_ROLE = 'Key Vault Crypto Service Encryption User';

/** A customer-managed key other Azure constructs encrypt with. */
export interface IBackupKey {
  /** Versionless key ID (services then follow rotations). */
  readonly keyId: string;
  /** ID of the Key Vault holding the key. */
  readonly keyVaultId: string;
  /** Region of the Key Vault. */
  readonly location: string;
  /** Let a managed identity use the key for encryption at rest. */
  grantEncryptionUse(id: string, principalId: string): RoleAssignment;
}

/** Props of a `BackupKeyVault`. */
export interface BackupKeyVaultProps {
  /**
   * The policy (allowed regions).
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region. */
  readonly placement: AzurePlacement;
  /**
   * Key Vault name (3-24 letters, digits, hyphens; globally unique).
   * @default - 'kv' + a hash of the construct path
   */
  readonly name?: string;
  /**
   * Days a deleted vault or key stays recoverable (7-90).
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Public IP ranges (CIDR) allowed through the firewall, e.g. the CI runner that applies Terraform.
   * Everything else is denied; trusted Azure services (Backup, Storage, PostgreSQL) bypass it.
   * @default - none
   */
  readonly allowedIpRanges?: string[];
  /**
   * Object ID of the principal that applies Terraform: gets "Key Vault Crypto Officer" to create and
   * rotate keys (the vault uses Azure RBAC, not access policies).
   * @default - no role assignment: grant it outside this stack
   */
  readonly administratorObjectId?: string;
  /**
   * Workspace receiving the vault's audit log (every key operation).
   * @default - none (DP.LOG.1 then reports the vault)
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * A premium (HSM-backed) Key Vault for encryption keys: purge protection (keys cannot be destroyed
 * before soft delete ends), 90 days of soft delete, Azure RBAC authorization, a firewall that denies
 * by default, and `prevent_destroy`.
 */
export class BackupKeyVault extends Construct {
  /** The Key Vault resource. */
  public readonly vault: KeyVault;
  /** The policy in force. */
  public readonly policy: DataProtectionPolicy;
  /** Placement of the vault. */
  public readonly placement: AzurePlacement;

  constructor(scope: Construct, id: string, props: BackupKeyVaultProps) {
    const errors = new PropErrors('BackupKeyVault', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const softDelete = props.softDeleteRetentionDays ?? 90;
    errors.check(Number.isInteger(softDelete) && softDelete >= 7 && softDelete <= 90, 'softDeleteRetentionDays', softDelete, 'a whole number from 7 to 90');
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    if (props.name !== undefined && !Token.isUnresolved(props.name)) {
      errors.check(/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(props.name), 'name', props.name,
        '3-24 letters, digits and hyphens, starting with a letter and not ending with a hyphen');
    }
    errors.throwIfAny();
    super(scope, id);
    this.policy = policy;
    this.placement = props.placement;
    this.vault = new KeyVault(this, 'Vault', {
      name: props.name ?? stableName('kv', this, 24),
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      tenantId: props.placement.tenantId,
      skuName: 'premium',
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: softDelete,
      rbacAuthorizationEnabled: true,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: props.allowedIpRanges ?? [] },
      lifecycle: PREVENT_DESTROY,
    });
    if (props.administratorObjectId) {
      new RoleAssignment(this, 'Administrator', {
        scope: this.vault.id,
        roleDefinitionName: 'Key Vault Crypto Officer',
        principalId: props.administratorObjectId,
      });
    }
    // Every key operation is audited in the central workspace (DP.LOG.1).
    if (props.logs) diagnosticSetting(this, 'Audit', props.logs.bind(this), this.vault.id, ['audit']);
  }

  /** Create an RSA-HSM key in this vault sized by the policy's `backupKeyBits`. */
  public addKey(id: string, props: BackupKeyOptions = {}): BackupKey {
    return new BackupKey(this, id, { ...props, keyVault: this });
  }
}

/** Options of a key created with `BackupKeyVault.addKey`. */
export interface BackupKeyOptions {
  /**
   * Key name.
   * @default - the construct id in lower case
   */
  readonly name?: string;
  /**
   * ISO 8601 duration after which the key rotates automatically.
   * @default 'P1Y'
   */
  readonly rotateAfter?: string;
}

/** Props of a `BackupKey`. */
export interface BackupKeyProps extends BackupKeyOptions {
  /** The vault holding the key. */
  readonly keyVault: BackupKeyVault;
}

/**
 * An RSA-HSM key of the policy's `backupKeyBits` bits (4096 for Situm) that rotates automatically,
 * never expires while in use, and is protected from destroy. Azure services (Storage, PostgreSQL,
 * Backup vaults) wrap their AES-256 data keys with it.
 */
export class BackupKey extends Construct implements IBackupKey {
  /** The key resource. */
  public readonly key: KeyVaultKey;
  /** @inheritdoc */
  public readonly keyId: string;
  /** @inheritdoc */
  public readonly keyVaultId: string;
  /** @inheritdoc */
  public readonly location: string;

  constructor(scope: Construct, id: string, props: BackupKeyProps) {
    const errors = new PropErrors('BackupKey', `${scope.node.path}/${id}`);
    const bits = props.keyVault.policy.backupKeyBits;
    errors.check([2048, 3072, 4096].includes(bits), 'policy.backupKeyBits', bits, 'an RSA size Key Vault supports: 2048, 3072 or 4096');
    const rotateAfter = props.rotateAfter ?? 'P1Y';
    errors.check(/^P(\d+Y)?(\d+M)?(\d+D)?$/.test(rotateAfter) && rotateAfter !== 'P', 'rotateAfter', rotateAfter, "an ISO 8601 duration such as 'P1Y' or 'P90D'");
    errors.throwIfAny();
    super(scope, id);
    this.key = new KeyVaultKey(this, 'Key', {
      name: props.name ?? id.toLowerCase(),
      keyVaultId: props.keyVault.vault.id,
      keyType: 'RSA-HSM',
      keySize: bits,
      keyOpts: ['wrapKey', 'unwrapKey', 'encrypt', 'decrypt'],
      rotationPolicy: { automatic: { timeAfterCreation: rotateAfter }, notifyBeforeExpiry: 'P30D', expireAfter: doubled(rotateAfter) },
      lifecycle: PREVENT_DESTROY,
    });
    this.keyId = this.key.versionlessId;
    this.keyVaultId = props.keyVault.vault.id;
    this.location = props.keyVault.placement.location;
  }

  /** @inheritdoc */
  public grantEncryptionUse(id: string, principalId: string): RoleAssignment {
    return new RoleAssignment(this, id, { scope: this.keyVaultId, roleDefinitionName: KEY_USER_ROLE, principalId });
  }
}

/** A key expires only well after its next rotation, so a missed rotation does not lock data out at once. */
function doubled(duration: string): string {
  return duration.replace(/(\d+)([YMD])/g, (_m, n: string, unit: string) => `${Number(n) * 2}${unit}`);
}
