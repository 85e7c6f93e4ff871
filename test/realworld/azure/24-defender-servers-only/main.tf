resource "azurerm_security_center_subscription_pricing" "servers" {
  tier = "Standard"
}

resource "azurerm_security_center_subscription_pricing" "storage" {
  tier          = "Free"
  resource_type = "StorageAccounts"
}

resource "azurerm_security_center_contact" "team" {
  name                = "security"
  email               = "security@example.com"
  alert_notifications = false
  alerts_to_admins    = false
}
