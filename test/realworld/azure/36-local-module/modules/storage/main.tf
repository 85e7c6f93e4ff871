variable "name" {
  type = string
}

variable "min_tls_version" {
  type    = string
  default = "TLS1_2"
}

variable "replication" {
  type    = string
  default = "GZRS"
}

resource "azurerm_storage_account" "this" {
  name                            = var.name
  resource_group_name             = "rg-data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = var.replication
  min_tls_version                 = var.min_tls_version
  allow_nested_items_to_be_public = false

  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }
}

output "account_id" {
  value = azurerm_storage_account.this.id
}
