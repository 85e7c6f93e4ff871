module "documents" {
  source  = "Azure/avm-res-storage-storageaccount/azurerm"
  version = "0.6.9"

  name                            = "stdocuments"
  resource_group_name             = "rg-docs"
  location                        = "westeurope"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = true
  public_network_access_enabled   = true
}
