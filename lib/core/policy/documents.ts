/**
 * A published security / data-protection policy whose promises this library turns into controls.
 */
export interface PolicyDocument {
  /** Stable short ID used in the control catalogue (e.g. `000`). */
  readonly id: string;
  /** Whose policy it is. */
  readonly organization: string;
  /** The kind of document. */
  readonly title: string;
  /** The cloud the organization runs on, as far as the document says (`AWS`, `Azure` or `any`). */
  readonly cloud: string;
}

/**
 * The five policy documents the catalogue traces back to (see `../shared/policies/`).
 */
export const POLICY_DOCUMENTS: readonly PolicyDocument[] = [
  { id: '000', organization: 'Situm', title: 'Security and reliability page', cloud: 'Azure' },
  { id: '001', organization: 'Sitasys', title: 'Security policy', cloud: 'AWS' },
  { id: '002', organization: 'TeamBench', title: 'Data protection policy', cloud: 'any' },
  { id: '003', organization: 'Styku', title: 'Data Processing Agreement, Annex 2', cloud: 'any' },
  { id: '004', organization: 'Organization-based SaaS', title: 'Data protection policy', cloud: 'any' },
];
