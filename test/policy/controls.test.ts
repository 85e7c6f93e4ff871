import { CONTROLS, findControl, POLICY_DOCUMENTS } from '../../lib';

describe('control catalogue', () => {
  test('pins every ID of CONTROLS.md, in order: none lost, none renumbered', () => {
    expect(CONTROLS.map((c) => c.id)).toEqual([
      'DP.ENC.1', 'DP.ENC.2', 'DP.ENC.3', 'DP.ENC.4',
      'DP.BAK.1', 'DP.BAK.2', 'DP.BAK.3', 'DP.BAK.4', 'DP.BAK.5', 'DP.BAK.6', 'DP.BAK.7',
      'DP.AVL.1', 'DP.AVL.2', 'DP.AVL.3', 'DP.AVL.4', 'DP.AVL.5', 'DP.AVL.6', 'DP.AVL.7',
      'DP.NET.1', 'DP.NET.2', 'DP.NET.3', 'DP.NET.4', 'DP.NET.5',
      'DP.LOG.1', 'DP.LOG.2', 'DP.LOG.3', 'DP.LOG.4',
      'DP.MON.1', 'DP.MON.2',
      'DP.IAM.1', 'DP.IAM.2',
      'DP.DAT.1',
    ]);
  });

  test('every control has a title, a commitment and known source documents', () => {
    const docs = new Set(POLICY_DOCUMENTS.map((d) => d.id));
    for (const c of CONTROLS) {
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.commitment.length).toBeGreaterThan(20);
      expect(c.sourceDocuments.length).toBeGreaterThan(0);
      for (const d of c.sourceDocuments) expect(docs.has(d)).toBe(true);
    }
  });

  test('every policy document is the source of at least one control', () => {
    for (const d of POLICY_DOCUMENTS) {
      expect(CONTROLS.some((c) => c.sourceDocuments.includes(d.id))).toBe(true);
    }
  });

  test('findControl', () => {
    expect(findControl('DP.BAK.3')?.title).toBe('Cross-region backup copies');
    expect(findControl('DP.XXX.1')).toBeUndefined();
  });
});
