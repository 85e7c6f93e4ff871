variable "log_retention_days" {
  type    = number
  default = 30
}

resource "azurerm_log_analytics_workspace" "platform" {
  name                = "law-platform"
  resource_group_name = "rg-platform"
  location            = "westeurope"
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
}
