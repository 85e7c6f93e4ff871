variable "security_rules" {
  type = map(object({
    priority = number
    port     = string
    source   = string
  }))
  default = {
    https = { priority = 100, port = "443", source = "Internet" }
    rdp   = { priority = 200, port = "3389", source = "Internet" }
  }
}

resource "azurerm_network_security_group" "this" {
  name                = "nsg-workload"
  resource_group_name = "rg-net"
  location            = "westeurope"

  lifecycle {
    ignore_changes = [security_rule]
  }
}

resource "azurerm_network_security_rule" "this" {
  for_each                    = var.security_rules
  name                        = each.key
  priority                    = each.value.priority
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = each.value.port
  source_address_prefix       = each.value.source
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_network_security_group.this.resource_group_name
  network_security_group_name = azurerm_network_security_group.this.name
}
