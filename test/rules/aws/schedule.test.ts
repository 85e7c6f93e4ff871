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

describe('maxIntervalDays: AWS monthly forms and names containing L or W', () => {
  test('an n-th or last weekday of the month runs monthly, not weekly (31 days, like every month here)', () => {
    for (const expression of ['cron(0 4 ? * 6#3 *)', 'cron(0 4 ? * SUN#1 *)', 'cron(0 4 ? * fri#4 *)', 'cron(0 4 ? * 6L *)', 'cron(0 4 ? * MONL *)']) {
      expect([expression, maxIntervalDays(expression)]).toEqual([expression, 31]);
    }
    // Only in the chosen months: the month gap still counts.
    expect(maxIntervalDays('cron(0 6 ? 1,4,7,10 MON#1 *)')).toBe(93);
  });

  test('a fifth weekday exists only in some months: up to four months apart, unreadable in chosen months', () => {
    expect(maxIntervalDays('cron(0 4 ? * FRI#5 *)')).toBe(124);
    expect(maxIntervalDays('cron(0 4 ? 1,4,7,10 FRI#5 *)')).toBeUndefined();
  });

  test('day and month names containing L or W are read (WED, JUL), as L alone (Saturday) in day-of-week', () => {
    expect(maxIntervalDays('cron(0 4 ? * WED *)')).toBe(7);
    expect(maxIntervalDays('cron(0 4 ? * MON,WED *)')).toBe(5);
    expect(maxIntervalDays('cron(0 4 ? * L *)')).toBe(7);
    expect(maxIntervalDays('cron(0 4 1 JUL ? *)')).toBe(372);
    expect(maxIntervalDays('cron(0 4 1 JAN,JUL ? *)')).toBe(186);
  });

  test('L, LW and nW in day-of-month run once a month', () => {
    expect(maxIntervalDays('cron(0 4 L * ? *)')).toBe(31);
    expect(maxIntervalDays('cron(0 4 LW * ? *)')).toBe(31);
    expect(maxIntervalDays('cron(0 4 1W * ? *)')).toBe(31);
    expect(maxIntervalDays('cron(0 4 L 1,7 ? *)')).toBe(186);
  });

  test.each([
    ['cron(0 4 ? * 6#6 *)'], ['cron(0 4 ? * 8#1 *)'], ['cron(0 4 ? * FOO#1 *)'], ['cron(0 4 ? * MON#1,FRI *)'], ['cron(0 4 ? * LW *)'],
    ['cron(0 4 32W * ? *)'], ['cron(0 4 1W,15W * ? *)'], ['cron(0 4 L-3 * ? *)'], ['cron(0 4 W * ? *)'], ['cron(0 4 ? * # *)'],
  ])('cannot read %j', (expression) => {
    expect(maxIntervalDays(expression)).toBeUndefined();
  });
});
