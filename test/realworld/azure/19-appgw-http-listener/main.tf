resource "azurerm_application_gateway" "edge" {
  name                = "agw-edge"
  resource_group_name = "rg-edge"
  location            = "westeurope"
  zones               = ["1", "2", "3"]

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }

  gateway_ip_configuration {
    name      = "gw"
    subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/agw"
  }

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/publicIPAddresses/pip-agw"
  }

  frontend_port {
    name = "plain"
    port = 80
  }

  backend_address_pool {
    name = "app"
  }

  backend_http_settings {
    name                  = "app-http"
    cookie_based_affinity = "Disabled"
    port                  = 80
    protocol              = "Http"
    request_timeout       = 30
  }

  http_listener {
    name                           = "plain"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "plain"
    protocol                       = "Http"
  }

  request_routing_rule {
    name                       = "plain-to-app"
    rule_type                  = "Basic"
    priority                   = 10
    http_listener_name         = "plain"
    backend_address_pool_name  = "app"
    backend_http_settings_name = "app-http"
  }

  waf_configuration {
    enabled          = true
    firewall_mode    = "Detection"
    rule_set_version = "3.2"
  }
}
