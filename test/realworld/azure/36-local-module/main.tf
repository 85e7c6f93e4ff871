# A root configuration built from a local module, as most team repositories are.
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.10"
    }
  }
}

variable "legacy_clients_tls" {
  type    = string
  default = "TLS1_0"
}

module "exports" {
  source          = "./modules/storage"
  name            = "stexports"
  min_tls_version = var.legacy_clients_tls
  replication     = "LRS"
}

module "archive" {
  source = "./modules/storage"
  count  = 0
  name   = "starchive"
}

resource "azurerm_log_analytics_workspace" "ops" {
  name                = "law-ops"
  resource_group_name = "rg-ops"
  location            = "westeurope"
  retention_in_days   = 400
}

resource "azurerm_monitor_diagnostic_setting" "exports" {
  name                       = "exports-to-ops"
  target_resource_id         = "${module.exports.account_id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.ops.id

  enabled_log {
    category_group = "audit"
  }
}
