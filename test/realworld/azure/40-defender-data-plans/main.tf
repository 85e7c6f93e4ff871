locals {
  defender_plans = {
    StorageAccounts               = "DefenderForStorageV2"
    OpenSourceRelationalDatabases = null
    KeyVaults                     = "PerKeyVault"
  }
}

resource "azurerm_security_center_subscription_pricing" "plans" {
  for_each      = local.defender_plans
  tier          = "Standard"
  resource_type = each.key
  subplan       = each.value
}

resource "azurerm_security_center_contact" "soc" {
  name                = "soc"
  email               = "soc@example.com"
  alert_notifications = true
  alerts_to_admins    = true
}

resource "azurerm_key_vault" "app" {
  name                          = "kv-app-prod"
  resource_group_name           = "rg-app"
  location                      = "westeurope"
  tenant_id                     = "00000000-0000-0000-0000-000000000000"
  sku_name                      = "standard"
  purge_protection_enabled      = true
  public_network_access_enabled = false
}
