let brusselsDayFormat: Intl.DateTimeFormat | undefined;
/** Today's answer, kept for one second: every submission asks, and formatting costs tens of microseconds. */
let todayCache = { at: 0, day: '' };

/**
 * Survey days are Brussels days: responses carry a day, never a time. The formatter is built once:
 * building one costs about as much as validating a whole submission.
 */
export const brusselsDay = (date?: Date) => {
  const now = Date.now();
  if (!date && now - todayCache.at < 1000 && now >= todayCache.at) return todayCache.day;
  brusselsDayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
  const day = brusselsDayFormat.format(date ?? now);
  if (!date) todayCache = { at: now, day };
  return day;
};

/** 07:00 in Brussels on that day, roughly (06:00 UTC): when invitations for a future wave go out. */
export const morningOf = (day: string) => new Date(`${day}T06:00:00Z`);

export function addDays(day: string, days: number) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const isValidDay = (day: string) => {
  const date = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};
