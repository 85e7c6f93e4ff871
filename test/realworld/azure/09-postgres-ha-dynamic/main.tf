variable "high_availability" {
  type = object({
    mode         = string
    standby_zone = string
  })
  default = {
    mode         = "ZoneRedundant"
    standby_zone = "2"
  }
}

resource "azurerm_postgresql_flexible_server" "catalog" {
  name                = "pg-catalog"
  resource_group_name = "rg-catalog"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
  zone                = "1"

  dynamic "high_availability" {
    for_each = var.high_availability == null ? [] : [var.high_availability]
    content {
      mode                      = high_availability.value.mode
      standby_availability_zone = high_availability.value.standby_zone
    }
  }
}
