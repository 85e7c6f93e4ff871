terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.20"
    }
  }
}

variable "blob_protection" {
  type = object({
    versioning     = bool
    retention_days = number
  })
  default = {
    versioning     = true
    retention_days = 21
  }
}

resource "azurerm_storage_account" "contracts" {
  name                            = "stcontracts"
  resource_group_name             = "rg-legal"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "RAGZRS"
  allow_nested_items_to_be_public = false

  dynamic "blob_properties" {
    for_each = var.blob_protection == null ? [] : [var.blob_protection]
    content {
      versioning_enabled = blob_properties.value.versioning
      delete_retention_policy {
        days = blob_properties.value.retention_days
      }
      container_delete_retention_policy {
        days = blob_properties.value.retention_days
      }
    }
  }
}
