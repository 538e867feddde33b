import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../db/schema';
import { easterSunday, flemishHolidays, isOpen, nextOpening, zonedInstant } from './opening-hours';

const office: OpeningHours = {
  timeZone: 'Europe/Brussels',
  days: {
    '1': [['09:00', '17:00']],
    '2': [['09:00', '17:00']],
    '3': [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    '4': [['09:00', '17:00']],
    '5': [['09:00', '17:00']],
  },
};

describe('opening hours', () => {
  it('computes Easter and the days off of the Flemish public service', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(flemishHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-03-29', // Easter Monday
      '2027-05-01',
      '2027-05-06', // Ascension
      '2027-05-17', // Whit Monday
      '2027-07-11',
      '2027-07-21',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('finds the next opening in Brussels time, over weekends, closures and summer time', () => {
    const queue = { opening_hours: office, holidays: [] as string[] };
    // Friday 17:22 in Brussels (winter time): closed, back on Monday at 9.00 (08:00 UTC).
    const friday = new Date('2026-12-11T16:22:00Z');
    expect(isOpen(queue, friday)).toBe(false);
    expect(nextOpening(queue, friday)?.toISOString()).toBe('2026-12-14T08:00:00.000Z');
    // Open now: no next opening to announce.
    expect(nextOpening(queue, new Date('2026-12-14T09:00:00Z'))).toBeNull();
    // The lunch break on Wednesday: back at 13.00 the same day.
    expect(nextOpening(queue, new Date('2026-12-16T11:30:00Z'))?.toISOString()).toBe(
      '2026-12-16T12:00:00.000Z',
    );
    // Before opening on a working day: at 9.00 that day.
    expect(nextOpening(queue, new Date('2026-12-15T06:00:00Z'))?.toISOString()).toBe(
      '2026-12-15T08:00:00.000Z',
    );
    // Over Easter 2027 with the seeded closures: the clocks go forward on Sunday and Monday is a holiday.
    const easter = { opening_hours: office, holidays: flemishHolidays(2027) };
    expect(nextOpening(easter, new Date('2027-03-26T17:00:00Z'))?.toISOString()).toBe(
      '2027-03-30T07:00:00.000Z',
    );
    // New Year and 2 January (a Saturday in 2027): back on Monday 4 January.
    expect(nextOpening(easter, new Date('2026-12-31T17:00:00Z'))?.toISOString()).toBe(
      '2027-01-04T08:00:00.000Z',
    );
    // No hours at all: nothing to announce.
    expect(
      nextOpening({ opening_hours: { timeZone: 'Europe/Brussels', days: {} }, holidays: [] }),
    ).toBeNull();
  });

  it('converts a Brussels wall-clock time to an instant on both sides of summer time', () => {
    expect(zonedInstant('2027-01-15', '09:00', 'Europe/Brussels').toISOString()).toBe(
      '2027-01-15T08:00:00.000Z',
    );
    expect(zonedInstant('2027-07-15', '09:00', 'Europe/Brussels').toISOString()).toBe(
      '2027-07-15T07:00:00.000Z',
    );
  });
});
