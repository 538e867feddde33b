import type { OpeningHours } from '../../../db/schema';

export { easterSunday, flemishHolidays } from '../../../../shared/flemish-holidays';

type Schedule = { opening_hours: OpeningHours; holidays: string[] };

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday (1 = Monday), date and HH:MM of `now` in `timeZone`, via Intl (summer time without a date library). */
export function localParts(now: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: WEEKDAYS.indexOf(get('weekday')) + 1,
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

export function isOpen(queue: Schedule, now = new Date()): boolean {
  const { weekday, date, time } = localParts(now, queue.opening_hours.timeZone);
  if (queue.holidays.includes(date)) return false;
  return (queue.opening_hours.days[String(weekday)] ?? []).some(([from, to]) => time >= from && time < to);
}

/** The instant at which the wall clock in `timeZone` shows `date` `time` (the later one in an ambiguous hour). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, h, min);
  // Two corrections by the zone's offset at the guess settle on the right side of a summer-time change.
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const local = localParts(new Date(guess), timeZone);
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    const [lh, lmin] = local.time.split(':').map(Number) as [number, number];
    guess += wanted - Date.UTC(ly, lm - 1, ld, lh, lmin);
  }
  return new Date(guess);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * When the queue next opens after `now` (null while it is open, or when it never opens in the coming year:
 * no hours at all, or every day a closure).
 */
export function nextOpening(queue: Schedule, now = new Date()): Date | null {
  if (isOpen(queue, now)) return null;
  const zone = queue.opening_hours.timeZone;
  const today = localParts(now, zone);
  for (let offset = 0; offset <= 366; offset++) {
    const date = addDays(today.date, offset);
    if (queue.holidays.includes(date)) continue;
    const weekday = ((today.weekday - 1 + offset) % 7) + 1;
    const starts = (queue.opening_hours.days[String(weekday)] ?? [])
      .map(([from]) => from)
      .filter((from) => offset > 0 || from > today.time)
      .sort();
    if (starts[0]) return zonedInstant(date, starts[0], zone);
  }
  return null;
}

/**
 * The instant `minutes` of opening time after `from`: only minutes in the queue's weekly hours count, closures
 * skipped (reply deadlines of e-mail tickets are kept in working time). Null when the queue does not open often
 * enough in the coming year to reach it.
 */
export function addOpenMinutes(queue: Schedule, from: Date, minutes: number): Date | null {
  const zone = queue.opening_hours.timeZone;
  const today = localParts(from, zone);
  let left = minutes * 60_000;
  for (let offset = 0; offset <= 366; offset++) {
    const date = addDays(today.date, offset);
    if (queue.holidays.includes(date)) continue;
    const weekday = ((today.weekday - 1 + offset) % 7) + 1;
    const ranges = [...(queue.opening_hours.days[String(weekday)] ?? [])].sort(([a], [b]) =>
      a.localeCompare(b),
    );
    for (const [open, close] of ranges) {
      const start = Math.max(zonedInstant(date, open, zone).getTime(), from.getTime());
      const end = zonedInstant(date, close, zone).getTime();
      if (end <= start) continue;
      if (end - start >= left) return new Date(start + left);
      left -= end - start;
    }
  }
  return null;
}
