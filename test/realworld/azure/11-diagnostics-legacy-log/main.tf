# Written for azurerm 3.x: diagnostic settings with the old log blocks.
resource "azurerm_log_analytics_workspace" "audit" {
  name                = "law-audit"
  resource_group_name = "rg-audit"
  location            = "westeurope"
  retention_in_days   = 730
}

resource "azurerm_key_vault" "signing" {
  name                     = "kv-signing"
  resource_group_name      = "rg-audit"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_key_vault" "sandbox" {
  name                     = "kv-sandbox"
  resource_group_name      = "rg-audit"
  location                 = "westeurope"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_monitor_diagnostic_setting" "signing" {
  name                       = "signing-audit"
  target_resource_id         = azurerm_key_vault.signing.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.audit.id

  log {
    category = "AuditEvent"
    enabled  = true

    retention_policy {
      enabled = false
    }
  }
}

resource "azurerm_monitor_diagnostic_setting" "sandbox" {
  name                       = "sandbox-metrics"
  target_resource_id         = azurerm_key_vault.sandbox.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.audit.id

  log {
    category = "AuditEvent"
    enabled  = false
  }

  metric {
    category = "AllMetrics"
  }
}
