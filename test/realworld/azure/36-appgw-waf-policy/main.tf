terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.20" }
  }
}

resource "azurerm_log_analytics_workspace" "ops" {
  name                = "law-ops"
  resource_group_name = "rg-edge"
  location            = "westeurope"
  sku                 = "PerGB2018"
  retention_in_days   = 365
}

resource "azurerm_public_ip" "agw" {
  name                = "pip-agw"
  resource_group_name = "rg-edge"
  location            = "westeurope"
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]
}

resource "azurerm_web_application_firewall_policy" "edge" {
  name                = "wafp-edge"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }
}

locals {
  frontend_ip = "public"
  https_port  = "https"
  http_port   = "http"
}

resource "azurerm_application_gateway" "edge" {
  name                = "agw-edge"
  resource_group_name = "rg-edge"
  location            = "westeurope"
  zones               = ["1", "2", "3"]
  firewall_policy_id  = azurerm_web_application_firewall_policy.edge.id

  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }

  autoscale_configuration {
    min_capacity = 2
    max_capacity = 10
  }

  gateway_ip_configuration {
    name      = "gw"
    subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/agw"
  }

  frontend_ip_configuration {
    name                 = local.frontend_ip
    public_ip_address_id = azurerm_public_ip.agw.id
  }

  frontend_port {
    name = local.http_port
    port = 80
  }

  frontend_port {
    name = local.https_port
    port = 443
  }

  ssl_certificate {
    name                = "edge"
    key_vault_secret_id = "https://kv-edge.vault.azure.net/secrets/edge"
  }

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101"
  }

  backend_address_pool {
    name  = "app"
    fqdns = ["app-internal.example.com"]
  }

  backend_http_settings {
    name                  = "app-https"
    cookie_based_affinity = "Disabled"
    port                  = 443
    protocol              = "Https"
    request_timeout       = 30
  }

  http_listener {
    name                           = "plain"
    frontend_ip_configuration_name = local.frontend_ip
    frontend_port_name             = local.http_port
    protocol                       = "Http"
  }

  http_listener {
    name                           = "secure"
    frontend_ip_configuration_name = local.frontend_ip
    frontend_port_name             = local.https_port
    protocol                       = "Https"
    ssl_certificate_name           = "edge"
  }

  redirect_configuration {
    name                 = "to-https"
    redirect_type        = "Permanent"
    target_listener_name = "secure"
    include_path         = true
    include_query_string = true
  }

  request_routing_rule {
    name                        = "redirect"
    rule_type                   = "Basic"
    priority                    = 10
    http_listener_name          = "plain"
    redirect_configuration_name = "to-https"
  }

  request_routing_rule {
    name                       = "app"
    rule_type                  = "Basic"
    priority                   = 20
    http_listener_name         = "secure"
    backend_address_pool_name  = "app"
    backend_http_settings_name = "app-https"
  }
}

resource "azurerm_monitor_diagnostic_setting" "agw" {
  name                       = "agw-to-law"
  target_resource_id         = azurerm_application_gateway.edge.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.ops.id

  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
