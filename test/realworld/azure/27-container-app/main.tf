resource "azurerm_container_app_environment" "apps" {
  name                       = "cae-apps"
  resource_group_name        = "rg-apps"
  location                   = "westeurope"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops"
}

resource "azurerm_container_app" "quotes" {
  name                         = "quotes-api"
  resource_group_name          = "rg-apps"
  container_app_environment_id = azurerm_container_app_environment.apps.id
  revision_mode                = "Single"

  template {
    container {
      name   = "api"
      image  = "example.azurecr.io/quotes:1.4.2"
      cpu    = 0.5
      memory = "1Gi"
    }
  }

  ingress {
    external_enabled           = true
    allow_insecure_connections = true
    target_port                = 8080

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }
}
