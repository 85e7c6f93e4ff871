import { maxIntervalDays } from '../../../lib/rules/aws/private/schedule';

describe('maxIntervalDays', () => {
  test.each([
    ['cron(0 3 * * ? *)', 1],
    ['cron(0 */6 * * ? *)', 1],
    ['cron(0 4 ? * SUN *)', 7],
    ['cron(0 4 ? * 1 *)', 7],
    ['cron(0 4 ? * MON-FRI *)', 3],
    ['cron(0 4 ? * MON,THU *)', 4],
    ['cron(0 5 1 * ? *)', 31],
    ['cron(0 6 1 1,4,7,10 ? *)', 93],
    ['cron(0 6 1 1 ? *)', 372],
    ['rate(12 hours)', 0.5],
    ['rate(1 day)', 1],
    ['rate(7 days)', 7],
  ])('%s -> %d days', (expression, days) => {
    expect(maxIntervalDays(expression)).toBe(days);
  });

  test.each([['cron(0 3 * *)'], ['cron(0 3 * * ? * *)'], ['at(2026-01-01T00:00:00)'], ['rate(0 days)'], ['cron(0 4 ? * FUNDAY *)'], [{ Ref: 'Schedule' }], [undefined]])(
    'cannot read %j', (expression) => {
      expect(maxIntervalDays(expression)).toBeUndefined();
    });
});
