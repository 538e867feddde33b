/**
 * The monitor's periods: calendar quarters in Brussels time. A quarter starts at local midnight of 1 January,
 * April, July or October; its end is the next quarter's start (exclusive).
 */
import type { IndicatorPeriod } from '../../platform/indicators';

const PERIOD_KEY = /^(20\d{2})-Q([1-4])$/;

let hourFormat: Intl.DateTimeFormat | undefined;
let dayFormat: Intl.DateTimeFormat | undefined;

/** The UTC instant of local midnight in Brussels on the first day of `month` (0-based) of `year`. */
function brusselsMidnight(year: number, month: number): Date {
  hourFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  // Noon UTC on that day lies in the same offset as the preceding midnight (changes happen at 02:00/03:00
  // on the last Sunday of March and October, never on a quarter's first day).
  const noon = Date.UTC(year, month, 1, 12);
  const offsetHours = Number(hourFormat.format(noon)) - 12;
  return new Date(Date.UTC(year, month, 1) - offsetHours * 3_600_000);
}

export function isPeriodKey(key: string): boolean {
  return PERIOD_KEY.test(key);
}

/** The quarter with this key (`2026-Q4`). */
export function periodByKey(key: string): IndicatorPeriod {
  const match = PERIOD_KEY.exec(key);
  if (!match) throw new Error(`not a period key: ${key}`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  const start = brusselsMidnight(year, (quarter - 1) * 3);
  const end = quarter === 4 ? brusselsMidnight(year + 1, 0) : brusselsMidnight(year, quarter * 3);
  return { key, start, end };
}

/** The quarter that contains the instant `at`, as counted in Brussels. */
export function periodOf(at: Date): IndicatorPeriod {
  dayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
  const [year, month] = dayFormat.format(at).split('-').map(Number) as [number, number];
  return periodByKey(`${year}-Q${Math.floor((month - 1) / 3) + 1}`);
}

/** The quarter `offset` quarters after (negative: before) the given one. */
export function shiftPeriod(key: string, offset: number): IndicatorPeriod {
  const match = PERIOD_KEY.exec(key);
  if (!match) throw new Error(`not a period key: ${key}`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + offset;
  return periodByKey(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
}

/** The last quarter that has ended at `at`: the one a quarter-end job takes. */
export function lastEndedPeriod(at: Date): IndicatorPeriod {
  return shiftPeriod(periodOf(at).key, -1);
}
