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

describe('maxIntervalDays: steps, ranges, names and bounds', () => {
  test.each([
    ['cron(0 3 */2 * ? *)', 2],
    ['cron(0 3 */1 * ? *)', 1],
    ['cron(0 3 1/10 * ? *)', 10],
    ['cron(0 3 ? * */3 *)', 3],
    ['cron(0 3 ? * 2/2 *)', 3],
    ['cron(0 3 ? * THU,MON *)', 4],
    ['cron(0 3 2,10,20 * ? *)', 13],
    ['cron(0 3 15W * ? *)', 31],
    ['cron(0 3 31 * ? *)', 31],
    ['cron(0 3 ? * 7 *)', 7],
    ['cron(0 3 ? * wed *)', 7],
    ['cron(0 3 ? * MON-WED *)', 5],
    ['cron(0 6 1 jan,jul ? *)', 186],
    ['cron(0 3 1 1/6 ? *)', 186],
    ['cron(0 3 * FEB-DEC ? *)', 62],
    ['cron(0 3 * 1-12 ? *)', 1],
    ['cron( 0 3 * * ? * )', 1],
    [' rate(2  days) ', 2],
    ['rate(14 days)', 14],
    ['rate(1 hour)', 1 / 24],
    ['rate(2 hours)', 2 / 24],
    ['rate(1 minute)', 1 / 1440],
    ['rate(30 minutes)', 30 / 1440],
  ])('%s -> %d days', (expression, days) => {
    expect(maxIntervalDays(expression)).toBe(days);
  });

  test.each([
    ['cron(0 3 */0 * ? *)'], ['cron(0 3 ? * 0 *)'], ['cron(0 3 ? * 8 *)'], ['cron(0 3 32 * ? *)'], ['cron(0 3 1 13 ? *)'],
    ['cron(0 3 1.5 * ? *)'], ['cron(0 3 1-x * ? *)'], ['rate(0 minutes)'], ['rate(0 hours)'],
    ['xrate(1 day)'], ['rate(1 day)x'], ['rate(1 week)'], ['xcron(0 3 * * ? *)'], ['cron()'],
  ])('cannot read %j', (expression) => {
    expect(maxIntervalDays(expression)).toBeUndefined();
  });
});
