import { describe, expect, it } from 'vitest';
import { extractEntities, loadGazetteer } from '../../src/group/entities.js';
import fc from 'fast-check';
import { extractDates, MONTH_DAY, monthDayMatches } from '../../src/group/dates.js';
import { extractFeatures } from '../../src/group/features.js';
import { makeTestDoc } from '../helpers.js';

describe('extractEntities', () => {
  it('extractEntities(doc) strips titles, folds surnames and demonyms, and keeps offsets', () => {
    const doc = makeTestDoc('US Defense Secretary Lloyd Austin visited Seoul. Later, Austin met North Korean defectors.');
    const es = extractEntities(doc);
    const keys = es.map((e) => `${e.kind}:${e.key}`);
    expect(keys).toContain('entity:lloyd austin');
    expect(keys.filter((k) => k === 'entity:lloyd austin')).toHaveLength(2);
    expect(keys).toContain('place:north korea');
    expect(keys).toContain('place:united states');
    for (const e of es) expect(doc.text.slice(e.start, e.end).length).toBeGreaterThan(0);
    const austin = es.find((e) => e.key === 'lloyd austin')!;
    expect(doc.text.slice(austin.start, austin.end)).toBe('Lloyd Austin');
  });

  it('gives the same mentions, in text order, for tokens made by the text stage as for copies of them', () => {
    const doc = makeTestDoc('Russian President Vladimir Putin met US envoys in Moscow on Monday. Putin, the North Korean Foreign Ministry and Secretary of State Antony Blinken spoke. June 30 Talks followed.');
    const copied = { ...doc, tokens: doc.tokens.map((t) => ({ ...t })) };
    const es = extractEntities(doc);
    expect(extractEntities(copied)).toEqual(es);
    const sorted = [...es].sort((x, y) => x.start - y.start || x.end - y.end || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
    expect(es).toEqual(sorted);
    const keys = es.map((e) => `${e.kind}:${e.key}`);
    expect(keys).toEqual(expect.arrayContaining(['place:russia', 'entity:vladimir putin', 'place:north korea', 'entity:north korean foreign ministry', 'entity:antony blinken']));
    expect(keys.filter((k) => k === 'entity:vladimir putin')).toHaveLength(2);
  });

  it('takes a lone sentence-initial capital as a name only when the same article capitalizes it mid-sentence', () => {
    const withMid = extractEntities(makeTestDoc('Talks resumed. Officials said Talks would go on.'));
    expect(withMid.map((e) => e.key)).toEqual(['talks', 'talks']);
    // The next article alone: its sentence-initial "Talks" has no mid-sentence evidence of its own.
    expect(extractEntities(makeTestDoc('Talks resumed. Officials said more would follow.')).map((e) => e.key)).toEqual([]);
  });

  it('reads titles from the gazetteer it is given, not from one seen before with the same words', () => {
    const text = 'Ambassador Kim Jong visited the base. Officials welcomed Ambassador Kim Jong.';
    const shipped = extractEntities(makeTestDoc(text)).map((e) => e.key);
    const base = loadGazetteer();
    const other = { ...base, titles: new Set([...base.titles].filter((t) => t !== 'ambassador')) };
    const withoutTitle = extractEntities(makeTestDoc(text), other).map((e) => e.key);
    expect(shipped).toEqual(['kim jong', 'kim jong']);
    expect(withoutTitle).toEqual(['ambassador kim jong', 'ambassador kim jong']);
  });

  it('extractEntities(doc) takes only places from a title-case headline', () => {
    const es = extractEntities(makeTestDoc('North Korea Promises Stronger Retaliation In Response To Threats'));
    expect(es.map((e) => e.key)).toEqual(['north korea']);
  });
});

describe('extractDates', () => {
  it('extractDates(text, published) resolves year-less days and weekdays against the publication date', () => {
    const t = 'In a statement on Sunday, Pyongyang condemned the drills held between June 27 and 29, the first since 2017.';
    const r = extractDates(t, '2024-06-30');
    const keys = r.mentions.map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['2024-06-30', '2024-06-27', '2024-06-29', '--06-27', '2017']));
    expect(r.anchor).toBe('2024-06-30');
    expect(r.floorYear).toBe(2017);
  });

  it('extractDates(text, null) keeps year-less days as month-day keys and takes a dateline as the anchor', () => {
    const r = extractDates('Chargers lineman arrested\non Feb. 04, 2009\nHe was stopped on June 30.', null);
    expect(r.anchor).toBe('2009-02-04');
    expect(r.mentions.map((m) => m.key)).toEqual(expect.arrayContaining(['2009-02-04', '--02-04', '--06-30']));
  });
  it('extractDates reads spaced ISO days and unambiguous slash days, and skips ambiguous ones', () => {
    const keys = extractDates('Published 2013 - 09 - 26. Updated 03/14/2013 and 27/09/2013; filed 05/06/2013.', null).mentions.map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['2013-09-26', '2013-03-14', '2013-09-27']));
    expect(keys).not.toContain('2013-05-06');
    expect(keys).not.toContain('2013-06-05');
  });

  it('extractDates reads a year or weekday with the word before it across any whitespace, and only at word boundaries', () => {
    const t = 'Since\u00a02017 (since 2019) xin 2015, the 1990s, 2019.5 and 2020; on  Sunday, last Monday, a holiday, Yesterday, this week. Brexit!';
    const r = extractDates(t, '2024-06-30');
    expect(r.mentions.map((m) => [m.key, t.slice(m.start, m.end)])).toEqual([
      ['2017', '2017'], ['2019', '2019'], ['2015', '2015'], ['1990', '1990'], ['2020', '2020'],
      ['--06-30', 'on  Sunday'], ['2024-06-30', 'on  Sunday'], ['--06-24', 'last Monday'], ['2024-06-24', 'last Monday'],
      ['2024-06-29', 'Yesterday'], ['w2024-06-24', 'this week'],
    ]);
    // "since" counts (2017, 2019); "xin" is not "in"; Brexit names 2012 at the earliest.
    expect(r.floorYear).toBe(2019);
  });

  it('extractDates takes the latest floor of the dated terms and the years named in a past-time context', () => {
    const g = loadGazetteer();
    // The year named sets the floor above ISIS (2013) and Brexit (2012): terms dated before it change nothing.
    expect(extractDates('ISIS and Brexit, in 2016.', null, g).floorYear).toBe(2016);
    expect(extractDates('ISIS, in 2010.', null, g).floorYear).toBe(2013);
    // A term dated after the year still raises the floor, in any letter case; "crisis" is not "ISIS".
    expect(extractDates('The covid crisis, since 2016.', null, g).floorYear).toBe(2020);
    expect(extractDates('The crisis, since 2011.', null, g).floorYear).toBe(2011);
    expect(extractDates('The crisis.', null, g).floorYear).toBeNull();
    expect(extractDates('AUKUS.', null, g).floorYear).toBe(2021);
  });
});

describe('monthDayMatches', () => {
  it('finds the matches text.matchAll(MONTH_DAY) finds, at the same offsets, on random text', () => {
    const pieces = ['June', 'june', 'JUNE', 'Dec', 'Sept', 'Sep', 'May', 'x', '_', 'é', '.', ' ', '\u00a0', '\n', '5', '14', '2009', ',', ':', 'and', '-', 'th', 'Mayo'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const got = monthDayMatches(text).map((m) => [m.index, m[0]]);
        expect(got).toEqual([...text.matchAll(MONTH_DAY)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads "Dec.14", "June30" and "Jan \u00a0 5" but no month inside a longer word', () => {
    const text = 'On Dec.14 and June30, then Jan \u00a0 5; xJune 7 and _May 8 are not dates.';
    expect(monthDayMatches(text).map((m) => m[0])).toEqual(['Dec.14', 'June30', 'Jan \u00a0 5']);
  });
});

describe('extractFeatures', () => {
  it('gives the same features for tokens made by the text stage as for copies of them', () => {
    const doc = makeTestDoc('Seoul, June 30 (Yonhap) -- North Korea fired 2 missiles on Sunday. The missiles flew 600 km, officials said. The officials said North Korea fired them.', { id: 'a', published: '2024-06-30' });
    const copied = { ...doc, tokens: doc.tokens.map((t) => ({ ...t })) };
    expect(extractFeatures(copied)).toEqual(extractFeatures(doc));
  });
});
