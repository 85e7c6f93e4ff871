variable "scratch_accounts" {
  type    = number
  default = null
}

resource "azurerm_storage_account" "scratch" {
  count                           = var.scratch_accounts == null ? 0 : var.scratch_accounts
  name                            = "stscratch${count.index}"
  resource_group_name             = "rg-scratch"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = true
}
