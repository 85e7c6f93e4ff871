locals {
  default_action_by_env = {
    prod = "Deny"
    dev  = "Allow"
  }
}

variable "environment" {
  type    = string
  default = "dev"
}

resource "azurerm_key_vault" "app" {
  name                     = "kv-app-config"
  resource_group_name      = "rg-app"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true

  network_acls {
    bypass         = "AzureServices"
    default_action = local.default_action_by_env[var.environment]
  }
}
