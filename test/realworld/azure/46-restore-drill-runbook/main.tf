resource "azurerm_data_protection_backup_vault" "central" {
  name                         = "bv-central"
  resource_group_name          = "rg-backup"
  location                     = "westeurope"
  datastore_type               = "VaultStore"
  redundancy                   = "GeoRedundant"
  cross_region_restore_enabled = true
  immutability                 = "Locked"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_data_protection_backup_instance_postgresql_flexible_server" "billing" {
  name             = "billing"
  location         = "westeurope"
  vault_id         = azurerm_data_protection_backup_vault.central.id
  server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-billing"
  backup_policy_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-central/backupPolicies/daily"
}

resource "azurerm_automation_account" "drills" {
  name                         = "aa-drills"
  resource_group_name          = "rg-backup"
  location                     = "westeurope"
  sku_name                     = "Basic"
  local_authentication_enabled = false

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_automation_runbook" "restore" {
  name                    = "restore-latest"
  resource_group_name     = "rg-backup"
  location                = "westeurope"
  automation_account_name = azurerm_automation_account.drills.name
  runbook_type            = "PowerShell72"
  log_progress            = true
  log_verbose             = false

  content = <<-EOT
    param([string] $vaultid, [string] $target)
    Connect-AzAccount -Identity | Out-Null
    $v = Get-AzResource -ResourceId $vaultid
    foreach ($bi in Get-AzDataProtectionBackupInstance -ResourceGroupName $v.ResourceGroupName -VaultName $v.Name) {
      $rp = Get-AzDataProtectionRecoveryPoint -ResourceGroupName $v.ResourceGroupName -VaultName $v.Name -BackupInstanceName $bi.Name | Select-Object -First 1
      $req = Initialize-AzDataProtectionRestoreRequest -DatasourceType AzureDatabaseForPGFlexServer -SourceDataStore VaultStore -RestoreLocation $v.Location -RestoreType RestoreAsFiles -RecoveryPoint $rp.Name -TargetContainerURI $target
      Start-AzDataProtectionBackupInstanceRestore -ResourceGroupName $v.ResourceGroupName -VaultName $v.Name -BackupInstanceName $bi.Name -Parameter $req
    }
  EOT
}

resource "azurerm_automation_schedule" "monthly" {
  name                    = "monthly"
  resource_group_name     = "rg-backup"
  automation_account_name = azurerm_automation_account.drills.name
  frequency               = "Month"
  interval                = 1
  month_days              = [1]
}

resource "azurerm_automation_schedule" "weekly" {
  name                    = "weekly"
  resource_group_name     = "rg-backup"
  automation_account_name = azurerm_automation_account.drills.name
  frequency               = "Week"
  week_days               = ["Sunday"]
}

resource "azurerm_automation_job_schedule" "monthly" {
  resource_group_name     = "rg-backup"
  automation_account_name = azurerm_automation_account.drills.name
  schedule_name           = azurerm_automation_schedule.monthly.name
  runbook_name            = azurerm_automation_runbook.restore.name

  parameters = {
    vaultid = azurerm_data_protection_backup_vault.central.id
    target  = "https://stdrills.blob.core.windows.net/restores"
  }
}

resource "azurerm_automation_job_schedule" "weekly" {
  resource_group_name     = "rg-backup"
  automation_account_name = azurerm_automation_account.drills.name
  schedule_name           = azurerm_automation_schedule.weekly.name
  runbook_name            = azurerm_automation_runbook.restore.name

  parameters = {
    vaultid = azurerm_data_protection_backup_vault.central.id
    target  = "https://stdrills.blob.core.windows.net/restores"
  }
}
