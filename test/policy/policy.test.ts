import { CONTROLS, controlsOfDocument, DataProtectionPolicy, RestoreTestFrequency } from '../../lib';

describe('DataProtectionPolicy', () => {
  test('defaults are the strictest promise across the five documents', () => {
    const p = new DataProtectionPolicy();
    expect(p.toJson()).toEqual({
      name: 'Strictest common policy',
      uptimePercent: 99.95,
      minTlsVersion: '1.2',
      regionCount: 2,
      availabilityZonesPerRegion: 3,
      databaseBackupRetentionDays: 45,
      fileBackupRetentionDays: 60,
      crossRegionBackupCopy: true,
      restoreTestSchedules: ['daily', 'weekly', 'quarterly'],
      logRetentionDays: 365,
      allowedPublicPorts: [443],
      backupKeyBits: 4096,
      minPasswordLength: 8,
      dataEndOfLifeDays: null,
      allowedRegions: null,
      controls: CONTROLS.map((c) => c.id),
    });
  });

  test('every prop is exposed as a readonly property of the same name', () => {
    const p = new DataProtectionPolicy({
      uptimePercent: 99.9, minTlsVersion: '1.3', regionCount: 3, availabilityZonesPerRegion: 2,
      databaseBackupRetentionDays: 50, fileBackupRetentionDays: 70, crossRegionBackupCopy: false,
      restoreTestSchedules: [RestoreTestFrequency.WEEKLY], logRetentionDays: 400, allowedPublicPorts: [443, 8443],
      backupKeyBits: 3072, minPasswordLength: 12, dataEndOfLifeDays: 730, allowedRegions: ['eu-west-1', 'eu-central-1', 'eu-north-1'],
      controls: ['DP.ENC.2'],
    });
    expect(p.uptimePercent).toBe(99.9);
    expect(p.minTlsVersion).toBe('1.3');
    expect(p.regionCount).toBe(3);
    expect(p.availabilityZonesPerRegion).toBe(2);
    expect(p.databaseBackupRetentionDays).toBe(50);
    expect(p.fileBackupRetentionDays).toBe(70);
    expect(p.crossRegionBackupCopy).toBe(false);
    expect(p.restoreTestSchedules).toEqual(['weekly']);
    expect(p.logRetentionDays).toBe(400);
    expect(p.allowedPublicPorts).toEqual([443, 8443]);
    expect(p.backupKeyBits).toBe(3072);
    expect(p.minPasswordLength).toBe(12);
    expect(p.dataEndOfLifeDays).toBe(730);
    expect(p.allowedRegions).toEqual(['eu-west-1', 'eu-central-1', 'eu-north-1']);
    expect(p.promises('DP.ENC.2')).toBe(true);
    expect(p.promises('DP.ENC.3')).toBe(false);
  });

  test('lists are copied and frozen: the policy cannot drift after construction', () => {
    const ports = [443];
    const p = new DataProtectionPolicy({ allowedPublicPorts: ports });
    ports.push(22);
    expect(p.allowedPublicPorts).toEqual([443]);
    expect(() => (p.allowedPublicPorts as number[]).push(80)).toThrow();
  });

  test.each([
    ['uptimePercent', { uptimePercent: 100 }, /uptimePercent: 100 \(allowed: a number greater than 0 and less than 100\)/],
    ['uptimePercent', { uptimePercent: 0 }, /uptimePercent: 0/],
    ['uptimePercent', { uptimePercent: NaN }, /uptimePercent/],
    ['minTlsVersion', { minTlsVersion: '1.1' }, /minTlsVersion: "1.1" \(allowed: '1.2' or '1.3'\)/],
    ['regionCount', { regionCount: 0 }, /regionCount: 0/],
    ['availabilityZonesPerRegion', { availabilityZonesPerRegion: 7 }, /availabilityZonesPerRegion: 7 \(allowed: a whole number from 1 to 6\)/],
    ['databaseBackupRetentionDays', { databaseBackupRetentionDays: -1 }, /databaseBackupRetentionDays: -1 \(allowed: a whole number of days greater than 0\)/],
    ['fileBackupRetentionDays', { fileBackupRetentionDays: 0 }, /fileBackupRetentionDays: 0/],
    ['fileBackupRetentionDays', { fileBackupRetentionDays: 1.5 }, /fileBackupRetentionDays: 1.5/],
    ['logRetentionDays', { logRetentionDays: 0 }, /logRetentionDays: 0/],
    ['dataEndOfLifeDays', { dataEndOfLifeDays: -30 }, /dataEndOfLifeDays: -30/],
    ['restoreTestSchedules', { restoreTestSchedules: [] }, /restoreTestSchedules: \[\]/],
    ['restoreTestSchedules', { restoreTestSchedules: ['hourly' as RestoreTestFrequency] }, /restoreTestSchedules: \["hourly"\] \(allowed: a non-empty list without duplicates of 'daily', 'weekly', 'quarterly'\)/],
    ['allowedPublicPorts', { allowedPublicPorts: [] }, /allowedPublicPorts: \[\]/],
    ['allowedPublicPorts', { allowedPublicPorts: [443, 70000] }, /allowedPublicPorts: \[443,70000\] \(allowed: .*1 to 65535\)/],
    ['allowedPublicPorts', { allowedPublicPorts: [0] }, /allowedPublicPorts: \[0\]/],
    ['backupKeyBits', { backupKeyBits: 1024 }, /backupKeyBits: 1024 \(allowed: 2048, 3072, 4096\)/],
    ['minPasswordLength', { minPasswordLength: 4 }, /minPasswordLength: 4 \(allowed: a whole number from 6 to 99\)/],
    ['allowedRegions', { allowedRegions: [] }, /allowedRegions: \[\]/],
    ['allowedRegions', { allowedRegions: ['eu-west-1'] }, /allowedRegions: \["eu-west-1"\] \(allowed: at least regionCount \(2\) regions\)/],
    ['controls', { controls: ['DP.ENC.99'] }, /controls: \["DP.ENC.99"\]/],
    ['controls', { controls: [] }, /controls: \[\]/],
  ])('rejects a bad %s with the field, value and what is allowed', (_field, props, message) => {
    expect(() => new DataProtectionPolicy(props)).toThrow(message);
  });

  test('one error names every bad field', () => {
    let message = '';
    try {
      new DataProtectionPolicy({ uptimePercent: 101, minTlsVersion: '1.0', backupKeyBits: 1000, allowedPublicPorts: [] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid DataProtectionPolicy:/);
    for (const field of ['uptimePercent: 101', 'minTlsVersion: "1.0"', 'backupKeyBits: 1000', 'allowedPublicPorts: []']) {
      expect(message).toContain(field);
    }
    expect(message.split('\n  - ')).toHaveLength(5);
  });
});

describe('presets', () => {
  test('Situm (000): 99.9% uptime, 45/60-day backups, RSA-4096, European regions', () => {
    const p = DataProtectionPolicy.situm();
    expect(p).toMatchObject({
      uptimePercent: 99.9, databaseBackupRetentionDays: 45, fileBackupRetentionDays: 60, backupKeyBits: 4096,
      minPasswordLength: 8, regionCount: 1, crossRegionBackupCopy: true,
      restoreTestSchedules: ['daily', 'weekly', 'quarterly'],
    });
    expect(p.allowedRegions).toContain('westeurope');
    expect(p.controls).toEqual(controlsOfDocument('000'));
  });

  test('Sitasys (001): two regions with three AZs each', () => {
    const p = DataProtectionPolicy.sitasys();
    expect(p).toMatchObject({ regionCount: 2, availabilityZonesPerRegion: 3, allowedPublicPorts: [443] });
    expect(p.promises('DP.NET.3')).toBe(true);
    expect(p.promises('DP.BAK.1')).toBe(false);
  });

  test('Styku (003) promises 99.95% and multiple AZs; 004 tests restores daily and quarterly', () => {
    expect(DataProtectionPolicy.styku()).toMatchObject({ uptimePercent: 99.95, availabilityZonesPerRegion: 2 });
    expect(DataProtectionPolicy.organizationSaas().restoreTestSchedules).toEqual(['daily', 'quarterly']);
    expect(DataProtectionPolicy.teamBench().controls).toEqual(controlsOfDocument('002'));
  });

  test('presets take overrides and still validate them', () => {
    expect(DataProtectionPolicy.teamBench({ logRetentionDays: 400 }).logRetentionDays).toBe(400);
    expect(() => DataProtectionPolicy.situm({ uptimePercent: 120 })).toThrow(/uptimePercent: 120/);
  });
});
