resource "random_shuffle" "standby_zone" {
  input        = ["1", "2", "3"]
  result_count = 1
}

resource "azurerm_postgresql_flexible_server" "ledger" {
  name                = "pg-ledger"
  resource_group_name = "rg-ledger"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
  zone                = "1"

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = random_shuffle.standby_zone.result[0]
  }
}
