variable "purge_protection" {
  type    = bool
  default = false
}

resource "azurerm_key_vault" "backup" {
  name                     = "kv-backup-keys"
  resource_group_name      = "rg-backup"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "premium"
  purge_protection_enabled = var.purge_protection
}

resource "azurerm_key_vault_key" "backup" {
  name         = "backup-cmk"
  key_vault_id = azurerm_key_vault.backup.id
  key_type     = "RSA-HSM"
  key_size     = 4096
  key_opts     = ["wrapKey", "unwrapKey"]
}

resource "azurerm_data_protection_backup_vault" "vault" {
  name                         = "bv-records"
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

resource "azurerm_data_protection_backup_vault_customer_managed_key" "vault" {
  data_protection_backup_vault_id = azurerm_data_protection_backup_vault.vault.id
  key_vault_key_id                = azurerm_key_vault_key.backup.id
}
