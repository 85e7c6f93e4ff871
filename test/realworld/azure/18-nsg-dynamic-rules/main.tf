variable "inbound_rules" {
  type = map(object({
    priority = number
    port     = string
    source   = string
  }))
  default = {
    web = { priority = 100, port = "443", source = "*" }
    ssh = { priority = 110, port = "22", source = "*" }
  }
}

resource "azurerm_network_security_group" "workers" {
  name                = "nsg-workers"
  resource_group_name = "rg-net"
  location            = "westeurope"

  dynamic "security_rule" {
    for_each = var.inbound_rules
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = security_rule.value.port
      source_address_prefix      = security_rule.value.source
      destination_address_prefix = "*"
    }
  }
}
