resource "azurerm_storage_account" "metrics" {
  name                     = "stkpimetrics"
  resource_group_name      = "rg-kpi"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_monitor_action_group" "oncall" {
  name                = "ag-oncall"
  resource_group_name = "rg-kpi"
  short_name          = "oncall"

  email_receiver {
    name          = "primary"
    email_address = "oncall@example.com"
  }
}

resource "azurerm_monitor_metric_alert" "latency" {
  name                = "latency-anomaly"
  resource_group_name = "rg-kpi"
  scopes              = [azurerm_storage_account.metrics.id]
  enabled             = false

  dynamic_criteria {
    metric_namespace  = "Microsoft.Storage/storageAccounts"
    metric_name       = "SuccessE2ELatency"
    aggregation       = "Average"
    operator          = "GreaterThan"
    alert_sensitivity = "Medium"
  }

  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}
