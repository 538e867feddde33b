/** Survey days are Brussels days (`brusselsDay` in src/shared): responses carry a day, never a time. */

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
