variable "server_configuration" {
  type = map(object({ name = string, value = string }))
  default = {
    extensions = { name = "azure.extensions", value = "PGAUDIT,PG_STAT_STATEMENTS" }
    preload    = { name = "shared_preload_libraries", value = "pg_cron,pg_stat_statements,pgaudit" }
    audit      = { name = "pgaudit.log", value = "READ,WRITE,DDL" }
  }
}

resource "azurerm_log_analytics_workspace" "ops" {
  name                = "law-ops"
  resource_group_name = "rg-data"
  location            = "westeurope"
  retention_in_days   = 365
}

resource "azurerm_postgresql_flexible_server" "orders" {
  name                          = "pg-orders"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  version                       = "16"
  sku_name                      = "GP_Standard_D4ds_v5"
  zone                          = "1"
  public_network_access_enabled = false

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = "2"
  }

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = "00000000-0000-0000-0000-000000000000"
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "this" {
  for_each  = var.server_configuration
  name      = each.value.name
  server_id = azurerm_postgresql_flexible_server.orders.id
  value     = each.value.value
}

resource "azurerm_monitor_diagnostic_setting" "orders" {
  name                       = "pg-to-law"
  target_resource_id         = azurerm_postgresql_flexible_server.orders.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.ops.id

  enabled_log {
    category = "PostgreSQLLogs"
  }
}
