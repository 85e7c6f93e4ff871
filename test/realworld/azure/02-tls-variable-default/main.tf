variable "storage_tls" {
  description = "Oldest TLS version clients may use"
  type        = string
  default     = "TLS1_0"
}

resource "azurerm_storage_account" "uploads" {
  name                     = "stcustomeruploads"
  resource_group_name      = "rg-portal"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
  min_tls_version          = var.storage_tls
}
