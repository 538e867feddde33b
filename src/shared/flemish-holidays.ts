/** Adds `days` to a calendar date ('YYYY-MM-DD'), in the calendar alone (no time zone involved). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The days off of the Flemish public service in `year`: the ten legal public holidays, 2 January, the
 * Flemish holiday (11 July) and 26 December. Sorted.
 */
export function flemishHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '01-02', '05-01', '07-11', '07-21', '08-15', '11-01', '11-11', '12-25', '12-26'];
  return [
    ...fixed.map((md) => `${year}-${md}`),
    addDays(easter, 1), // Easter Monday
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // Whit Monday
  ].sort();
}
