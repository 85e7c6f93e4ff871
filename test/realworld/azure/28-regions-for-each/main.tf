variable "regions" {
  type    = set(string)
  default = ["westeurope", "northeurope"]
}

resource "azurerm_storage_account" "regional" {
  for_each                 = var.regions
  name                     = "stshop${substr(each.value, 0, 5)}"
  resource_group_name      = "rg-shop-${each.value}"
  location                 = each.value
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}
