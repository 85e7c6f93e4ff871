resource "azurerm_network_security_group" "frontend" {
  name                = "nsg-frontend"
  resource_group_name = "rg-net"
  location            = "westeurope"

  security_rule {
    name                       = "allow-https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "allow-maintenance"
    priority                   = 120
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_ranges    = ["20-25", "8443"]
    source_address_prefixes    = ["0.0.0.0/0"]
    destination_address_prefix = "*"
  }
}
