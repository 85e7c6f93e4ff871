const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The values a cron field allows, or undefined for "every value" (`*`, `?`). */
function fieldValues(field: string, min: number, max: number, names: string[] = []): number[] | undefined {
  if (field === '*' || field === '?') return undefined;
  const toNumber = (v: string): number => {
    const i = names.indexOf(v.toUpperCase());
    return i >= 0 ? i + min : Number(v);
  };
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from: number;
    let to: number;
    if (range === '*') {
      from = min; to = max;
    } else if (range.includes('-')) {
      [from, to] = range.split('-').map(toNumber);
    } else {
      from = toNumber(range); to = stepText === undefined ? from : max;
    }
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max || from > to) throw new Error(`bad field ${field}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * How often the day fields' monthly forms run, in months: `L` (last day), `LW` (last weekday), `15W`
 * (weekday nearest the 15th), `FRI#3` / `6#3` (third Friday) and `6L` (last Friday) run every month;
 * a fifth weekday (`FRI#5`) exists only in some months, at most four months apart. Undefined for
 * other fields. AWS takes these forms only as the field's single value; anywhere else they make the
 * expression unreadable.
 */
function monthlyForm(dayOfMonth: string, dayOfWeek: string): number | undefined {
  if (/^(L|LW|([1-9]|[12]\d|3[01])W)$/i.test(dayOfMonth)) return 1;
  const nth = /^([1-7]|[A-Z]{3})(#[1-5]|L)$/i.exec(dayOfWeek);
  if (!nth || !(/^[1-7]$/.test(nth[1]) || DAY_NAMES.includes(nth[1].toUpperCase()))) return undefined;
  return nth[2] === '#5' ? 4 : 1;
}

/** The largest gap between consecutive values of a cycle of `period`. */
function largestGap(values: number[], period: number): number {
  if (values.length === 1) return period;
  let gap = values[0] + period - values[values.length - 1];
  for (let i = 1; i < values.length; i++) gap = Math.max(gap, values[i] - values[i - 1]);
  return gap;
}

/**
 * The longest time, in days, between two runs of an AWS schedule expression (`rate(...)` or the
 * six-field `cron(...)`), or undefined when the expression cannot be read. Calendar effects are
 * approximated: a month is 31 days, a year 366.
 */
export function maxIntervalDays(expression: unknown): number | undefined {
  if (typeof expression !== 'string') return undefined;
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    const perDay = rate[2].startsWith('minute') ? 1440 : rate[2].startsWith('hour') ? 24 : 1;
    return n > 0 ? n / perDay : undefined;
  }
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [, , dayOfMonth, month, dayOfWeek] = fields;
  try {
    const months = fieldValues(month, 1, 12, ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']);
    const monthGap = months ? largestGap(months, 12) : 1;
    const monthly = monthlyForm(dayOfMonth, dayOfWeek);
    // A fifth weekday in chosen months may skip a whole year or more: not read.
    if (monthly !== undefined && monthly > 1 && months && months.length < 12) return undefined;
    // An n-th or last weekday recurs after 4 or 5 weeks: counted, like every month here, as 31 days.
    if (monthly !== undefined || monthGap > 1) return Math.max(monthly ?? 1, monthGap) * 31;
    // `L` alone in day-of-week is the last day of the week, Saturday.
    const weekDays = fieldValues(dayOfWeek.toUpperCase() === 'L' ? '7' : dayOfWeek, 1, 7, DAY_NAMES);
    if (weekDays) return largestGap(weekDays, 7);
    const monthDays = fieldValues(dayOfMonth, 1, 31);
    if (monthDays) return largestGap(monthDays, 31);
    return 1;
  } catch {
    return undefined;
  }
}
