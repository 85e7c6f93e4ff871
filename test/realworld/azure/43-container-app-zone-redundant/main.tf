resource "azurerm_container_app_environment" "apps" {
  name                           = "cae-apps"
  resource_group_name            = "rg-apps"
  location                       = "westeurope"
  infrastructure_subnet_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apps"
  internal_load_balancer_enabled = true
  zone_redundancy_enabled        = true
  logs_destination               = "log-analytics"
  log_analytics_workspace_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops"

  workload_profile {
    name                  = "Consumption"
    workload_profile_type = "Consumption"
  }
}

resource "azurerm_container_app" "orders" {
  name                         = "orders-api"
  resource_group_name          = "rg-apps"
  container_app_environment_id = azurerm_container_app_environment.apps.id
  revision_mode                = "Multiple"

  template {
    min_replicas = 3
    max_replicas = 12

    container {
      name   = "api"
      image  = "example.azurecr.io/orders:2.3.0"
      cpu    = 1
      memory = "2Gi"
    }

    http_scale_rule {
      name                = "http"
      concurrent_requests = "100"
    }
  }

  ingress {
    external_enabled = true
    target_port      = 8080

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }
}
