/**
 * Terraform's counterpart of a CloudFormation retain policy: `terraform destroy` or a plan that
 * would replace the resource fails instead of deleting data or keys.
 */
export const PREVENT_DESTROY = { preventDestroy: true };
