import { describe, expect, it } from 'vitest';
import { tieText } from '../../src/report/ties.js';
import { extractDates } from '../../src/group/index.js';

describe('tieText', () => {
  it('spells out a day named without a year and a week', () => {
    expect(tieText({ kind: 'date', value: '--06-30' })).toBe('June 30 of any year');
    expect(tieText({ kind: 'date', value: '--01-05' })).toBe('January 5 of any year');
    expect(tieText({ kind: 'date', value: 'w2024-06-24' })).toBe('week of 2024-06-24');
  });
  it('keeps full dates, years, odd keys and other kinds as they are', () => {
    expect(tieText({ kind: 'date', value: '2024-06-30' })).toBe('2024-06-30');
    expect(tieText({ kind: 'date', value: '2024' })).toBe('2024');
    expect(tieText({ kind: 'date', value: '--13-01' })).toBe('--13-01');
    expect(tieText({ kind: 'term', value: '--06-30' })).toBe('--06-30');
    expect(tieText({ kind: 'entity', value: 'freedom edge' })).toBe('freedom edge');
  });
  it('reads the keys group/ makes: a day without a year and a week from the publication date', () => {
    const keys = extractDates('The drills began on June 30 and went on this week.', '2024-07-03').mentions.map((m) => m.key);
    expect(keys).toContain('--06-30');
    expect(keys).toContain('w2024-07-01');
    expect(keys.map((value) => tieText({ kind: 'date', value }))).toEqual(expect.arrayContaining(['June 30 of any year', 'week of 2024-07-01', '2024-06-30']));
  });
});
