import { AutomationAccount } from '@cdktf/provider-azurerm/lib/automation-account';
import { AutomationJobSchedule } from '@cdktf/provider-azurerm/lib/automation-job-schedule';
import { AutomationPowershell72Module } from '@cdktf/provider-azurerm/lib/automation-powershell72-module';
import { AutomationRunbook } from '@cdktf/provider-azurerm/lib/automation-runbook';
import { AutomationSchedule } from '@cdktf/provider-azurerm/lib/automation-schedule';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { IBackupKey } from './backup-key';
import { AzureDataProtectionChecks } from './checks';
import { GeoRedundantStorage } from './geo-redundant-storage';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import type { IRestorableVault } from './policy-backup-vault';
import { diagnosticSetting, logAlert } from './private/monitoring';
import { DataProtectionPolicy, RestoreTestFrequency } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** The Automation schedule of each drill frequency: daily at 04:00 UTC, weekly on Sunday, quarterly on the 1st. */
const SCHEDULES: { readonly [f: string]: { frequency: string; interval: number; weekDays?: string[]; monthDays?: number[] } } = {
  [RestoreTestFrequency.DAILY]: { frequency: 'Day', interval: 1 },
  [RestoreTestFrequency.WEEKLY]: { frequency: 'Week', interval: 1, weekDays: ['Sunday'] },
  [RestoreTestFrequency.QUARTERLY]: { frequency: 'Month', interval: 3, monthDays: [1] },
};

/** The scratch container restores land in. */
const SCRATCH_CONTAINER = 'restore-drills';

/**
 * The drill: restore the latest recovery point of every backup instance of the vault to the scratch
 * account, wait for each restore job, and (weekly, quarterly) read the result back; any failure
 * fails the Automation job, which pages the operations team. Restored data is deleted afterwards.
 */
export const RESTORE_DRILL_RUNBOOK = `param(
  [Parameter(Mandatory = $true)][string] $vaultid,
  [Parameter(Mandatory = $true)][string] $scratchaccountid,
  [Parameter(Mandatory = $true)][string] $scratchcontainer,
  [Parameter(Mandatory = $true)][ValidateSet('daily', 'weekly', 'quarterly')][string] $level
)
# Restore drill (DP.BAK.4) of cdk-data-protection's RestoreDrills.
#   daily:     restore the latest recovery point of every backup instance; every restore job must succeed.
#   weekly:    and read the restored data back (dump files, blobs) and check it is not empty.
#   quarterly: and compare the number of restored blobs with the source containers.
$ErrorActionPreference = 'Stop'
Connect-AzAccount -Identity | Out-Null
$v = Get-AzResource -ResourceId $vaultid
$scratch = Get-AzResource -ResourceId $scratchaccountid
$context = New-AzStorageContext -StorageAccountName $scratch.Name -UseConnectedAccount
$prefix = "$level-$(Get-Date -Format 'yyyyMMddHHmm')"
$failures = @()
foreach ($instance in Get-AzDataProtectionBackupInstance -ResourceGroupName $v.ResourceGroupName -VaultName $v.Name) {
  $point = Get-AzDataProtectionRecoveryPoint -ResourceGroupName $v.ResourceGroupName -VaultName $v.Name -BackupInstanceName $instance.Name |
    Sort-Object { $_.Property.RecoveryPointTime } -Descending | Select-Object -First 1
  if (-not $point) { $failures += "$($instance.Name): no recovery point"; continue }
  $type = $instance.Property.DataSourceInfo.DatasourceType
  if ($type -like 'Microsoft.DBforPostgreSQL/flexibleServers*') {
    $request = Initialize-AzDataProtectionRestoreRequest -DatasourceType AzureDatabaseForPGFlexServer -SourceDataStore VaultStore \`
      -RestoreLocation $v.Location -RestoreType RestoreAsFiles -RecoveryPoint $point.Name \`
      -TargetContainerURI "https://$($scratch.Name).blob.core.windows.net/$scratchcontainer" -FileNamePrefix "$prefix-$($instance.Name)"
  } elseif ($type -eq 'Microsoft.Storage/storageAccounts/blobServices') {
    $containers = $instance.Property.PolicyInfo.PolicyParameter.BackupDatasourceParametersList[0].ContainersList
    $request = Initialize-AzDataProtectionRestoreRequest -DatasourceType AzureBlob -SourceDataStore VaultStore \`
      -RestoreLocation $v.Location -RestoreType AlternateLocation -RecoveryPoint $point.Name -ItemLevelRecovery \`
      -ContainersList $containers -TargetResourceId $scratchaccountid -ContainerPrefix "$prefix-"
  } else { $failures += "$($instance.Name): no drill for $type"; continue }
  $started = Start-AzDataProtectionBackupInstanceRestore -ResourceGroupName $v.ResourceGroupName -VaultName $v.Name \`
    -BackupInstanceName $instance.Name -Parameter $request
  $jobId = ($started.JobId -split '/')[-1]
  do {
    Start-Sleep -Seconds 60
    $job = Get-AzDataProtectionJob -ResourceGroupName $v.ResourceGroupName -VaultName $v.Name -Id $jobId
  } while ($job.Status -in @('InProgress', 'NotStarted'))
  if ($job.Status -ne 'Completed') { $failures += "$($instance.Name): restore job $jobId ended $($job.Status)"; continue }
  if ($level -ne 'daily') {
    $restored = if ($type -eq 'Microsoft.Storage/storageAccounts/blobServices') {
      Get-AzStorageContainer -Context $context -Prefix "$prefix-" | ForEach-Object { Get-AzStorageBlob -Context $context -Container $_.Name }
    } else { Get-AzStorageBlob -Context $context -Container $scratchcontainer -Prefix "$prefix-$($instance.Name)" }
    if (-not $restored -or ($restored | Measure-Object -Property Length -Sum).Sum -eq 0) { $failures += "$($instance.Name): the restored data is empty" }
    if ($level -eq 'quarterly' -and $type -eq 'Microsoft.Storage/storageAccounts/blobServices') {
      $sourceId = $instance.Property.DataSourceInfo.ResourceId
      $source = New-AzStorageContext -StorageAccountName (Get-AzResource -ResourceId $sourceId).Name -UseConnectedAccount
      $expected = ($containers | ForEach-Object { Get-AzStorageBlob -Context $source -Container $_ } | Measure-Object).Count
      if (($restored | Measure-Object).Count -lt $expected) { $failures += "$($instance.Name): restored $(($restored | Measure-Object).Count) of $expected blobs" }
    }
  }
}
# Restored data is evidence only for the drill: delete it.
Get-AzStorageBlob -Context $context -Container $scratchcontainer -Prefix $prefix | Remove-AzStorageBlob -Force
Get-AzStorageContainer -Context $context -Prefix "$prefix-" | Remove-AzStorageContainer -Force
if ($failures.Count -gt 0) { throw "Restore drill ($level) failed: $($failures -join '; ')" }
Write-Output "Restore drill ($level) passed."
`;

/** Props of `RestoreDrills`. */
export interface RestoreDrillsProps {
  /**
   * The policy: `restoreTestSchedules` (daily, weekly, quarterly), allowed regions.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region (the vault's). */
  readonly placement: AzurePlacement;
  /** The Backup vault whose recovery points are restored. */
  readonly vault: IRestorableVault;
  /** Customer-managed key (in the same region) of the scratch account restores land in. */
  readonly scratchKey: IBackupKey;
  /**
   * Workspace for the drills' job logs, with a log alert paging its action group when a drill fails.
   * Failed restore jobs also reach the vault's own failure alert (PolicyBackupVault with logs).
   * @default - no alert (DP.BAK.5 then has only the vault's alert)
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * Automated restore tests (DP.BAK.4) with Azure Automation: a runbook (PowerShell 7.2, Az.DataProtection)
 * that restores the latest recovery point of every backup instance of the vault to a scratch
 * storage account, on an Automation schedule per frequency of the policy's `restoreTestSchedules`
 * (daily; weekly on Sunday; quarterly on the 1st), with a deeper check at each level. The account
 * runs under its own managed identity (local authentication off) with the narrow roles a restore
 * needs; its job logs go to the central workspace, where a failed drill pages the operations team.
 *
 * Automation rather than a Function or a Logic App: schedules are resources Terraform states
 * (`frequency`, `interval`), the checks can read which drill runs how often, restore cmdlets run
 * without packaging code, and a long restore is a job polled in a runbook rather than a function
 * timeout.
 */
export class RestoreDrills extends Construct {
  /** The Automation account. */
  public readonly account: AutomationAccount;
  /** The runbook. */
  public readonly runbook: AutomationRunbook;
  /** The scratch account restores land in (emptied after each drill). */
  public readonly scratch: GeoRedundantStorage;
  /** One schedule per promised frequency. */
  public readonly schedules: AutomationSchedule[];

  constructor(scope: Construct, id: string, props: RestoreDrillsProps) {
    const errors = new PropErrors('RestoreDrills', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    errors.check(props.vault.location === props.placement.location, 'vault', props.vault.location, `a vault in the drills' region (${props.placement.location})`);
    errors.throwIfAny();
    super(scope, id);
    const logs = props.logs?.bind(this);
    const name = `aa-${id.toLowerCase()}-${props.placement.location}`;

    this.scratch = new GeoRedundantStorage(this, 'Scratch', {
      policy, placement: props.placement, key: props.scratchKey, containerNames: [SCRATCH_CONTAINER], logs: props.logs,
    });
    AzureDataProtectionChecks.acknowledge(this.scratch, 'DP.BAK.6',
      'Restore-drill scratch account: it holds, for the length of a drill, copies restored from backups that already exist; backing it up would back up the backups.');

    this.account = new AutomationAccount(this, 'Account', {
      name,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      skuName: 'Basic',
      localAuthenticationEnabled: false,
      identity: { type: 'SystemAssigned' },
    });
    const principal = this.account.identity.principalId;
    const grant = (gid: string, scopeId: string, role: string, principalId: string) =>
      new RoleAssignment(this, gid, { scope: scopeId, roleDefinitionName: role, principalId });
    const grants = [
      grant('DrillsBackupOperator', props.vault.vaultId, 'Backup Operator', principal),
      grant('DrillsScratchData', this.scratch.account.id, 'Storage Blob Data Contributor', principal),
      grant('VaultScratchData', this.scratch.account.id, 'Storage Blob Data Contributor', props.vault.vaultPrincipalId),
      grant('VaultScratchRestore', this.scratch.account.id, 'Storage Account Backup Contributor', props.vault.vaultPrincipalId),
    ];
    const module = new AutomationPowershell72Module(this, 'DataProtectionModule', {
      name: 'Az.DataProtection',
      automationAccountId: this.account.id,
      moduleLink: { uri: 'https://www.powershellgallery.com/api/v2/package/Az.DataProtection' },
    });
    this.runbook = new AutomationRunbook(this, 'Runbook', {
      name: 'restore-drill',
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      automationAccountName: this.account.name,
      runbookType: 'PowerShell72',
      logProgress: true,
      logVerbose: false,
      description: 'Restores the latest recovery point of every backup instance of the vault to a scratch account (DP.BAK.4).',
      content: RESTORE_DRILL_RUNBOOK,
      dependsOn: [module],
    });
    this.schedules = policy.restoreTestSchedules.map((frequency) => {
      const s = SCHEDULES[frequency];
      const schedule = new AutomationSchedule(this, `Schedule-${frequency}`, {
        name: `restore-drill-${frequency}`,
        resourceGroupName: props.placement.resourceGroupName,
        automationAccountName: this.account.name,
        frequency: s.frequency,
        interval: s.interval,
        timezone: 'Etc/UTC',
        description: `${frequency} restore drill (DP.BAK.4)`,
        ...(s.weekDays ? { weekDays: s.weekDays } : {}),
        ...(s.monthDays ? { monthDays: s.monthDays } : {}),
      });
      new AutomationJobSchedule(this, `Drill-${frequency}`, {
        resourceGroupName: props.placement.resourceGroupName,
        automationAccountName: this.account.name,
        runbookName: this.runbook.name,
        scheduleName: schedule.name,
        parameters: {
          vaultid: props.vault.vaultId, scratchaccountid: this.scratch.account.id, scratchcontainer: SCRATCH_CONTAINER, level: frequency,
        },
        dependsOn: grants,
      });
      return schedule;
    });

    if (logs) {
      const setting = diagnosticSetting(this, 'Logs', logs, this.account.id);
      logAlert(this, 'FailedDrills', logs, `${name}-failed-drills`, `A restore drill of ${this.node.path} failed.`,
        'AzureDiagnostics | where ResourceProvider == "MICROSOFT.AUTOMATION" and Category == "JobLogs" '
        + '| where RunbookName_s == "restore-drill" and ResultType in ("Failed", "Suspended", "Stopped") | summarize failures = count() by ResultType',
        [setting]);
    }
  }
}
