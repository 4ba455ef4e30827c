import { describe, expect, it } from 'vitest';
import { distinctCodes, findCodes, normalizeCode } from '../../src/group/subjects.js';
import { codeKey, companyCodes } from '../../src/group/features.js';
import { extractFeatures, groupArticles, EventGroupSchema, type ArticleFeatures } from '../../src/group/index.js';
import { subjectsConflict } from '../../src/group/group.js';
import { makeTestDoc } from '../helpers.js';

// Reuters dividend notices of 26 February 1987 (bench corpus): the company is named in the title only.
const notices = [
  { title: 'OWENS AND MINOR INC <OBOD> RAISES QTLY DIVIDEND', text: 'RICHMOND, Va. Feb 26 - Qtly div eight cts vs 7.5 cts prior  Pay March 31  Record March 13' },
  { title: 'EMHART CORP <EMH> QTLY DIVIDEND', text: 'FARMINGTON, Conn., Feb 26 - Qtly div 35 cts vs 35 cts prior  Payable March 31  Record March nine' },
  { title: 'TULTEX CORP <TTX> SETS QUARTERLY DIVIDEND', text: 'MARTINSVILLE, Va., Feb 26 - Qtly div eight cts vs eight cts prior  Pay April one  Record March 13' },
  { title: 'COMBUSTION ENGINEERING INC <CSP> REGULAR DIV', text: 'STAMFORD, Conn., Feb 26 - Qtly div 25 cts vs 25 cts prior  Pay April 30  Record April 16' },
];
const noise = [
  'The city council approved a new budget for public libraries and parks after a long debate on Tuesday evening.',
  'A local bakery won a national prize for its sourdough bread, the owners said at a ceremony in the capital.',
  'The museum opened an exhibition of medieval manuscripts borrowed from monasteries across the region.',
  'Farmers in the valley expect a late harvest after weeks of rain delayed the planting of corn and wheat.',
];
const feat = (id: string, text: string, title?: string): ArticleFeatures => extractFeatures(makeTestDoc(text, { id, published: '1987-02-26', ...(title ? { title } : {}) }));
const corpus = (titled: boolean): ArticleFeatures[] => [
  ...notices.map((n, i) => feat(`d${i}`, n.text, titled ? n.title : undefined)),
  ...noise.map((t, i) => feat(`n${i}`, t)),
];
const eventWith = (events: ReadonlyArray<{ articleIds: string[] }>, id: string): string[] => events.find((e) => e.articleIds.includes(id))!.articleIds;

describe('company codes', () => {
  it('findCodes reads Reuters brackets, exchange tickers and instrument codes, with offsets of the whole mark', () => {
    const text = 'Ford Motor Co <F> and <Autorama Inc> said; Acme (NYSE: ACM) and Apple (AAPL.O) rose. Nasdaq:XYZW fell.';
    const codes = findCodes(text);
    expect(codes.map((c) => c.value)).toEqual(['F', 'AUTORAMA INC', 'ACM', 'AAPL', 'XYZW']);
    expect(codes.map((c) => text.slice(c.start, c.end))).toEqual(['<F>', '<Autorama Inc>', 'NYSE: ACM', '(AAPL.O)', 'Nasdaq:XYZW']);
  });

  it('findCodes leaves HTML-looking and ordinary text alone', () => {
    expect(findCodes('a <b>bold</b> claim, 3 < 4 > 2, ratio 2:1, at 10:30, in (Washington.)')).toEqual([]);
  });

  it('normalizeCode makes spellings of one bracketed name one code', () => {
    expect(normalizeCode(' Emhart  Corp. ')).toBe('EMHART CORP');
    expect(distinctCodes('<GSW INC> YEAR NET <GSW Inc>').map((c) => c.value)).toEqual(['GSW INC']);
  });

  it('companyCodes keeps title subjects with title offsets, and keys of every code in title and text; nothing without a title code', () => {
    const title = 'CHRYSLER <C> TO BUY AMERICAN MOTORS <AMO>';
    const { subjects, codes } = companyCodes(title, 'Chrysler Corp <C> said it agreed to buy <Jeep Holding>.');
    expect(subjects!.map((s) => title.slice(s.start, s.end))).toEqual(['<C>', '<AMO>']);
    expect(codes).toEqual([codeKey('C'), codeKey('AMO'), codeKey('JEEP HOLDING')].sort((a, b) => a - b));
    expect(companyCodes('CHRYSLER TO BUY AMERICAN MOTORS', 'Chrysler Corp <C> said.')).toEqual({});
    expect(feat('x', 'No code here.')).not.toHaveProperty('subjects');
  });
});

describe('conflicting subjects (grouping step 4c)', () => {
  it('subjectsConflict: both titles name codes and neither article names the other\'s', () => {
    const [a, b] = notices.map((n, i) => feat(`d${i}`, n.text, n.title));
    expect(subjectsConflict(a!, b!)).toBe(true);
    const sameCompany = feat('e', 'FARMINGTON, Conn., Feb 26 - Emhart Corp <EMH> said its board met.', 'EMHART <EMH> BOARD MEETS');
    expect(subjectsConflict(b!, sameCompany)).toBe(false);
    const mentions = feat('m', 'RICHMOND, Va. Feb 26 - The payout follows Emhart Corp <EMH>.', 'OWENS AND MINOR <OBOD> PAYOUT');
    expect(subjectsConflict(b!, mentions)).toBe(false);
    expect(subjectsConflict(a!, feat('u', notices[1]!.text))).toBe(false);
  });

  it('keeps one day\'s notices about different companies in different events and stories; without titles (or with the rule off) they are one event', () => {
    const untitled = groupArticles(corpus(false));
    expect(eventWith(untitled.events, 'd0')).toEqual(['d0', 'd1', 'd2', 'd3']);
    expect(eventWith(groupArticles(corpus(true), { subjectConflictFactor: 1 }).events, 'd0')).toEqual(['d0', 'd1', 'd2', 'd3']);
    const titled = groupArticles(corpus(true));
    for (let i = 0; i < 4; i++) expect(eventWith(titled.events, `d${i}`)).toEqual([`d${i}`]);
    expect(new Set(titled.articles.filter((m) => m.id.startsWith('d')).map((m) => m.story)).size).toBe(4);
  });

  it('explains the split: the look-alike event and both titles\' codes, with offsets into the titles', () => {
    const g = groupArticles(corpus(true));
    const e0 = g.events.find((e) => e.articleIds.includes('d0'))!;
    EventGroupSchema.parse(e0);
    expect(e0.conflicts!.length).toBeGreaterThan(0);
    for (const c of e0.conflicts!) {
      expect(c.rule).toBe('subjects');
      for (const v of c.evidence) {
        expect(v.field).toBe('title');
        const title = notices[Number(v.articleId.slice(1))]!.title;
        expect(normalizeCode(title.slice(v.start + 1, v.end - 1))).toBe(v.value);
      }
    }
  });

  it('two copies of one notice text about different companies are not one duplicate unit', () => {
    const same = 'NEW YORK, Feb 26 - Qtly div 25 cts vs 25 cts prior  Pay April 30  Record April 16';
    const g = groupArticles([feat('p', same, 'ALPHA CORP <ALP> QTLY DIV'), feat('q', same, 'BETA INC <BTA> QTLY DIV'), ...noise.map((t, i) => feat(`n${i}`, t))]);
    expect(eventWith(g.events, 'p')).toEqual(['p']);
    const h = groupArticles([feat('p', same, 'ALPHA CORP <ALP> QTLY DIV'), feat('q', same, 'ALPHA CORP <ALP> REGULAR DIV'), ...noise.map((t, i) => feat(`n${i}`, t))]);
    expect(eventWith(h.events, 'p')).toEqual(['p', 'q']);
  });
});
