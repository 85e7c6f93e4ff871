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

  profile {
    name = "default"

    capacity {
      default = 3
      minimum = 3
      maximum = 12
    }

    rule {
      metric_trigger {
        metric_name        = "CpuPercentage"
        metric_resource_id = azurerm_service_plan.api.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT5M"
        time_aggregation   = "Average"
        operator           = "GreaterThan"
        threshold          = 70
      }

      scale_action {
        direction = "Increase"
        type      = "ChangeCount"
        value     = "1"
        cooldown  = "PT5M"
      }
    }

    rule {
      metric_trigger {
        metric_name        = "CpuPercentage"
        metric_resource_id = azurerm_service_plan.api.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT10M"
        time_aggregation   = "Average"
        operator           = "LessThan"
        threshold          = 30
      }

      scale_action {
        direction = "Decrease"
        type      = "ChangeCount"
        value     = "1"
        cooldown  = "PT10M"
      }
    }
  }
}

resource "azurerm_linux_web_app" "api" {
  name                = "app-api"
  resource_group_name = "rg-api"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.api.id
  https_only          = true

  site_config {
    minimum_tls_version               = "1.2"
    health_check_path                 = "/healthz"
    health_check_eviction_time_in_min = 5
  }

  auth_settings_v2 {
    auth_enabled           = true
    require_authentication = true
    unauthenticated_action = "Return401"

    active_directory_v2 {
      client_id            = "55555555-5555-5555-5555-555555555555"
      tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    }

    login {}
  }
}

resource "azurerm_linux_web_app_slot" "staging" {
  name           = "staging"
  app_service_id = azurerm_linux_web_app.api.id
  https_only     = true

  site_config {
    health_check_path                 = "/healthz"
    health_check_eviction_time_in_min = 5
  }
}
