resource "azurerm_network_security_group" "api" {
  name                = "nsg-api"
  resource_group_name = "rg-net"
  location            = "westeurope"
}

resource "azurerm_network_watcher_flow_log" "api" {
  name                      = "fl-api"
  network_watcher_name      = "NetworkWatcher_westeurope"
  resource_group_name       = "NetworkWatcherRG"
  network_security_group_id = azurerm_network_security_group.api.id
  storage_account_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Storage/storageAccounts/stflowlogs"
  enabled                   = true
  version                   = 2

  retention_policy {
    enabled = true
    days    = 7
  }
}
