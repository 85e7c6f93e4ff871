resource "azurerm_service_plan" "api" {
  name                   = "asp-api"
  resource_group_name    = "rg-api"
  location               = "westeurope"
  os_type                = "Linux"
  sku_name               = "P1v3"
  worker_count           = 3
  zone_balancing_enabled = true
}

resource "azurerm_monitor_autoscale_setting" "api" {
  name                = "autoscale-api"
  resource_group_name = "rg-api"
  location            = "westeurope"
  target_resource_id  = azurerm_service_plan.api.id
  enabled             = false

  profile {
    name = "default"
    capacity {
      default = 3
      minimum = 3
      maximum = 10
    }
  }
}
