resource "azurerm_service_plan" "portal" {
  name                = "asp-portal"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "P1v3"
  worker_count        = 1
}

resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id

  site_config {
    minimum_tls_version = "1.2"
  }

  auth_settings_v2 {
    auth_enabled           = true
    require_authentication = false
    unauthenticated_action = "AllowAnonymous"
    login {}
  }
}
