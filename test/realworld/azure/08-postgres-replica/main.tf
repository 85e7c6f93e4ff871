resource "azurerm_postgresql_flexible_server" "orders" {
  name                         = "pg-orders-weu"
  resource_group_name          = "rg-orders"
  location                     = "westeurope"
  version                      = "16"
  sku_name                     = "GP_Standard_D4s_v3"
  zone                         = "1"
  geo_redundant_backup_enabled = true

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = "3"
  }
}

resource "azurerm_postgresql_flexible_server" "orders_reader" {
  name                = "pg-orders-neu"
  resource_group_name = "rg-orders"
  location            = "northeurope"
  create_mode         = "Replica"
  source_server_id    = azurerm_postgresql_flexible_server.orders.id
  sku_name            = "GP_Standard_D4s_v3"
}
