variable "rdp_source" {
  type    = string
  default = null
}

resource "azurerm_network_security_group" "bastion" {
  name                = "nsg-jumphost"
  resource_group_name = "rg-net"
  location            = "westeurope"
}

resource "azurerm_network_security_rule" "rdp" {
  count                       = var.rdp_source == null ? 0 : 1
  name                        = "allow-rdp"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = var.rdp_source
  destination_address_prefix  = "*"
  resource_group_name         = "rg-net"
  network_security_group_name = azurerm_network_security_group.bastion.name
}
