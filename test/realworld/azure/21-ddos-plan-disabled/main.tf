resource "azurerm_network_ddos_protection_plan" "hub" {
  name                = "ddos-hub"
  resource_group_name = "rg-net"
  location            = "westeurope"
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg-net"
  location            = "westeurope"
  address_space       = ["10.10.0.0/16"]

  ddos_protection_plan {
    id     = azurerm_network_ddos_protection_plan.hub.id
    enable = false
  }
}

resource "azurerm_public_ip" "gateway" {
  name                = "pip-gateway"
  resource_group_name = "rg-net"
  location            = "westeurope"
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["2"]
}
