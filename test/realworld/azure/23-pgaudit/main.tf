resource "azurerm_postgresql_flexible_server" "crm" {
  name                = "pg-crm"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_postgresql_flexible_server_configuration" "preload" {
  name      = "shared_preload_libraries"
  server_id = azurerm_postgresql_flexible_server.crm.id
  value     = "pg_cron,pg_stat_statements"
}

resource "azurerm_postgresql_flexible_server_configuration" "audit_classes" {
  name      = "pgaudit.log"
  server_id = azurerm_postgresql_flexible_server.crm.id
  value     = "WRITE,DDL"
}
