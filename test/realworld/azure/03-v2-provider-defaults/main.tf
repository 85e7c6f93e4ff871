terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "= 2.99.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "archive" {
  name                     = "starchive2019"
  resource_group_name      = "rg-archive"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "RAGZRS"
  allow_blob_public_access = false
}
