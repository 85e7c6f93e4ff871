resource "azurerm_storage_account" "telemetry" {
  name                     = "sttelemetryraw"
  resource_group_name      = "rg-telemetry"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_management_policy" "telemetry" {
  storage_account_id = azurerm_storage_account.telemetry.id

  rule {
    name    = "drop-staging"
    enabled = true
    filters {
      blob_types   = ["blockBlob"]
      prefix_match = ["staging/"]
    }
    actions {
      base_blob {
        delete_after_days_since_modification_greater_than = 14
      }
    }
  }

  rule {
    name    = "drop-short-lived"
    enabled = true
    filters {
      blob_types = ["blockBlob"]
      match_blob_index_tag {
        name      = "lifetime"
        operation = "=="
        value     = "short"
      }
    }
    actions {
      base_blob {
        delete_after_days_since_creation_greater_than = 60
      }
    }
  }
}
