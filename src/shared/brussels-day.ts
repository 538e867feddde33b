let brusselsDayFormat: Intl.DateTimeFormat | undefined;
/** Today's answer, kept for one second: survey submissions ask on every request. */
let todayCache = { at: 0, day: '' };

/**
 * The calendar day in Brussels (YYYY-MM-DD), the day the programme's dates are counted in (survey and
 * rating days, closing dates), on the server and in the browser alike. The formatter is built once:
 * building one costs about as much as validating a whole survey submission.
 */
export function brusselsDay(date?: Date): string {
  const now = Date.now();
  if (!date && now - todayCache.at < 1000 && now >= todayCache.at) return todayCache.day;
  brusselsDayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
  const day = brusselsDayFormat.format(date ?? now);
  if (!date) todayCache = { at: now, day };
  return day;
}
