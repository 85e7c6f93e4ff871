variable "enable_vault_backup" {
  type    = bool
  default = false
}

resource "azurerm_postgresql_flexible_server" "invoices" {
  name                = "pg-invoices"
  resource_group_name = "rg-invoices"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_data_protection_backup_vault" "central" {
  name                         = "bv-central"
  resource_group_name          = "rg-backup"
  location                     = "westeurope"
  datastore_type               = "VaultStore"
  redundancy                   = "GeoRedundant"
  cross_region_restore_enabled = true
  immutability                 = "Locked"
}

resource "azurerm_data_protection_backup_policy_postgresql_flexible_server" "nightly" {
  name                            = "pg-nightly"
  vault_id                        = azurerm_data_protection_backup_vault.central.id
  backup_repeating_time_intervals = ["R/2025-03-01T01:30:00+00:00/P1D"]

  default_retention_rule {
    life_cycle {
      duration        = "P10W"
      data_store_type = "VaultStore"
    }
  }

  retention_rule {
    name     = "weekly"
    priority = 20

    life_cycle {
      duration        = "P26W"
      data_store_type = "VaultStore"
    }

    criteria {
      absolute_criteria = "FirstOfWeek"
    }
  }
}

resource "azurerm_data_protection_backup_instance_postgresql_flexible_server" "invoices" {
  count            = var.enable_vault_backup ? 1 : 0
  name             = "bi-invoices"
  location         = "westeurope"
  vault_id         = azurerm_data_protection_backup_vault.central.id
  server_id        = azurerm_postgresql_flexible_server.invoices.id
  backup_policy_id = azurerm_data_protection_backup_policy_postgresql_flexible_server.nightly.id
}
