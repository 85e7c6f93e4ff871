variable "log_category_groups" {
  type    = list(string)
  default = ["audit", "allLogs"]
}

resource "azurerm_log_analytics_workspace" "sec" {
  name                = "law-security"
  resource_group_name = "rg-sec"
  location            = "westeurope"
  retention_in_days   = 365
}

resource "azurerm_key_vault" "tokens" {
  name                     = "kv-tokens"
  resource_group_name      = "rg-sec"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_monitor_diagnostic_setting" "tokens" {
  name                       = "tokens-to-sec"
  target_resource_id         = azurerm_key_vault.tokens.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.sec.id

  dynamic "enabled_log" {
    for_each = toset(var.log_category_groups)
    content {
      category_group = enabled_log.value
    }
  }
}
