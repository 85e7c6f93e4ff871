resource "azurerm_servicebus_namespace" "events" {
  name                = "sb-events"
  resource_group_name = "rg-msg"
  location            = "westeurope"
  sku                 = "Premium"
  capacity            = 1
  premium_messaging_partitions = 1
}

resource "azurerm_servicebus_namespace" "orders" {
  name                          = "sb-orders"
  resource_group_name           = "rg-msg"
  location                      = "westeurope"
  sku                           = "Premium"
  capacity                      = 1
  premium_messaging_partitions  = 1
  public_network_access_enabled = false
  local_auth_enabled            = false
  minimum_tls_version           = "1.2"
}
