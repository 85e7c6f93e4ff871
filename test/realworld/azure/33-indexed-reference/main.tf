resource "azurerm_postgresql_flexible_server" "reports" {
  count               = 1
  name                = "pg-reports"
  resource_group_name = "rg-reports"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_data_protection_backup_instance_postgresql_flexible_server" "reports" {
  name             = "bi-reports"
  location         = "westeurope"
  vault_id         = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-central"
  server_id        = azurerm_postgresql_flexible_server.reports[0].id
  backup_policy_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-central/backupPolicies/pg-nightly"
}
