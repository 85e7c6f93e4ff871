data "azurerm_subscription" "current" {}

resource "azurerm_role_definition" "release" {
  name  = "release-manager"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions     = ["*"]
    not_actions = ["Microsoft.Authorization/*/Delete"]
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}

resource "azurerm_role_assignment" "pipeline" {
  scope              = data.azurerm_subscription.current.id
  role_definition_id = azurerm_role_definition.release.role_definition_resource_id
  principal_id       = "11111111-1111-1111-1111-111111111111"
  principal_type     = "ServicePrincipal"
}

resource "azurerm_role_assignment" "vendor" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner"
  principal_id         = "22222222-2222-2222-2222-222222222222"
}
