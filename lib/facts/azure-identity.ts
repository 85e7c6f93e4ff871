/**
 * Facts about Microsoft Entra ID that Azure rules rely on.
 */

/**
 * The shortest password Microsoft Entra ID accepts for cloud accounts: 8 characters (of at most
 * 256, three of four character classes). The policy is fixed by Microsoft and cannot be changed per
 * tenant (Microsoft Entra "Password policies and account restrictions", read Nov 2026), so a
 * resource that only lets Entra ID identities sign in inherits it.
 */
export const ENTRA_MIN_PASSWORD_LENGTH = 8;

/**
 * Built-in Azure roles that grant everything at their scope (Owner, Contributor) or the right to
 * grant anything to anyone (User Access Administrator, Role Based Access Control Administrator),
 * by name and by role definition GUID (the same in every tenant).
 */
export const PRIVILEGED_BUILT_IN_ROLES: { readonly [name: string]: string } = {
  'Owner': '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'Contributor': 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
};
