variable "send_diagnostics" {
  type    = bool
  default = false
}

resource "azurerm_log_analytics_workspace" "ops" {
  name                = "law-ops"
  resource_group_name = "rg-ops"
  location            = "westeurope"
  sku                 = "PerGB2018"
  retention_in_days   = 400
}

resource "azurerm_key_vault" "payments" {
  name                          = "kv-payments"
  resource_group_name           = "rg-payments"
  location                      = "westeurope"
  tenant_id                     = "00000000-0000-0000-0000-000000000000"
  sku_name                      = "premium"
  purge_protection_enabled      = true
  public_network_access_enabled = false
}

resource "azurerm_monitor_diagnostic_setting" "payments" {
  count                      = var.send_diagnostics ? 1 : 0
  name                       = "to-ops"
  target_resource_id         = azurerm_key_vault.payments.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.ops.id

  enabled_log {
    category_group = "audit"
  }
}
