variable "use_customer_key" {
  type    = bool
  default = false
}

resource "azurerm_storage_account" "ledger" {
  name                              = "stledgerdata"
  resource_group_name               = "rg-ledger"
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "GZRS"
  infrastructure_encryption_enabled = true

  identity {
    type = "SystemAssigned"
  }

  lifecycle {
    ignore_changes = [customer_managed_key]
  }
}

resource "azurerm_storage_account_customer_managed_key" "ledger" {
  count              = var.use_customer_key ? 1 : 0
  storage_account_id = azurerm_storage_account.ledger.id
  key_vault_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-ledger"
  key_name           = "ledger-storage"
}
