resource "azurerm_resource_group" "vault" {
  name     = "rg-vault"
  location = "westeurope"
}

resource "azurerm_storage_account" "vault" {
  name                          = "stvaultdocs"
  resource_group_name           = azurerm_resource_group.vault.name
  location                      = azurerm_resource_group.vault.location
  account_tier                  = "Standard"
  account_replication_type      = "GZRS"
  public_network_access_enabled = true
}

resource "azurerm_storage_account_network_rules" "vault" {
  storage_account_id = azurerm_storage_account.vault.id
  default_action     = "Allow"
  bypass             = ["AzureServices"]
}

resource "azurerm_private_endpoint" "vault" {
  name                = "pe-vault-blob"
  resource_group_name = azurerm_resource_group.vault.name
  location            = azurerm_resource_group.vault.location
  subnet_id           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints"

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.vault.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}
