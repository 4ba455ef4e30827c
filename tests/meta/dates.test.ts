import { describe, expect, it } from 'vitest';
import { DATE_LINE, findDates } from '../../src/meta/dates.js';

describe('DATE_LINE', () => {
  const lines = ['30 Jun, 2024 10:41', 'June 30, 2024', 'Published: June 30, 2024', 'date 2024-06-30', 'Updated 2 Jul 2024, 09:15 GMT', 'Sunday, 30 June 2024', '2024-06-30T10:41:00+03:00', 'Posted on Jun. 30, 2024 at 10:41 a.m.'];
  for (const line of lines) it(`DATE_LINE matches "${line}"`, () => expect(DATE_LINE.test(line)).toBe(true));

  const notLines = ['March 14', 'The drills ended on June 30, 2024.', '2005–2024', 'Pyongyang, March 14 (KCNA)'];
  for (const line of notLines) it(`DATE_LINE does not match "${line}"`, () => expect(DATE_LINE.test(line)).toBe(false));
});

describe('findDates', () => {
  it('findDates returns ISO dates with offsets and skips dates without a year', () => {
    expect(findDates('From March 14 to 30 Jun, 2024 and 2024-07-01.')).toEqual([
      { iso: '2024-06-30', start: 17, end: 29 },
      { iso: '2024-07-01', start: 34, end: 44 },
    ]);
  });

  it('findDates rejects impossible dates', () => {
    expect(findDates('2023-02-29 and 31 April 2024')).toEqual([]);
    expect(findDates('2024-02-29')[0]?.iso).toBe('2024-02-29');
  });
});
