# An azurerm 3.x configuration that still uses the pre-3.114 name of the HTTPS switch.
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.90"
    }
  }
}

resource "azurerm_storage_account" "legacy" {
  name                            = "stlegacyexports"
  resource_group_name             = "rg-exports"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "RAGZRS"
  enable_https_traffic_only       = false
  allow_nested_items_to_be_public = false
}
