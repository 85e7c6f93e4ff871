data "azurerm_client_config" "current" {}

resource "azurerm_public_ip" "vpn" {
  name                = "pip-vpn"
  resource_group_name = "rg-hub"
  location            = "westeurope"
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]
}

resource "azurerm_virtual_network_gateway" "p2s" {
  name                = "vpng-hub"
  resource_group_name = "rg-hub"
  location            = "westeurope"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"
  generation          = "Generation2"

  ip_configuration {
    name                 = "default"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/GatewaySubnet"
  }

  vpn_client_configuration {
    address_space        = ["172.16.100.0/24"]
    vpn_client_protocols = ["OpenVPN"]
    vpn_auth_types       = ["AAD"]
    aad_tenant           = "https://login.microsoftonline.com/${data.azurerm_client_config.current.tenant_id}/"
    aad_audience         = "c632b3df-fb67-4d84-bdcf-b95ad541b5c8"
    aad_issuer           = "https://sts.windows.net/${data.azurerm_client_config.current.tenant_id}/"
  }
}

resource "azurerm_bastion_host" "hub" {
  name                   = "bas-hub"
  resource_group_name    = "rg-hub"
  location               = "westeurope"
  sku                    = "Standard"
  shareable_link_enabled = true

  ip_configuration {
    name                 = "configuration"
    subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/AzureBastionSubnet"
    public_ip_address_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/publicIPAddresses/pip-bastion"
  }
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                  = "vm-jump"
  resource_group_name   = "rg-hub"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "azureuser"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/networkInterfaces/nic-jump"]

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-rsa AAAAB3NzaC1yc2E"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
