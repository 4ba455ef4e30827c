import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDoc, recordFromText } from '../../src/pipeline/build-doc.js';
import { extractFeatures, groupArticles, groupWithDiagnostics, PinSchema, EventGroupSchema, StoryGroupSchema, MembershipSchema, type ArticleFeatures } from '../../src/group/index.js';
import { borrowDays, figuresConflict } from '../../src/group/group.js';
import { featureKey } from '../../src/group/features.js';
import { stemWord } from '../../src/text/index.js';
import { makeTestDoc } from '../helpers.js';

const feat = (id: string, text: string, published?: string): ArticleFeatures => extractFeatures(makeTestDoc(text, { id, published: published ?? null }));

// Two look-alike events: same topic words, different places, magnitudes and years.
const quakeA = [
  'A magnitude 5.6 earthquake struck Qeshm island off the southern coast of Iran on Sunday, injuring five people and damaging buildings in the town of Dargahan, Iranian media said.',
  'The Qeshm earthquake damaged homes in Dargahan; Iranian media said five people were hurt when the magnitude 5.6 quake hit the island.',
  'Rescue teams reached Dargahan on Qeshm island after the 5.6 earthquake; five people were injured, the Iranian Red Crescent said.',
];
const quakeB = [
  'A magnitude 4.4 earthquake struck Sonoma County near The Geysers on Thursday morning, the U.S. Geological Survey said; no damage was reported in Healdsburg.',
  'The U.S. Geological Survey recorded a 4.4 earthquake near The Geysers in Sonoma County; residents of Healdsburg felt the quake but no damage was reported.',
  'Residents of Healdsburg in Sonoma County were shaken by the magnitude 4.4 earthquake near The Geysers, the Geological Survey said.',
];
const noise = [
  'The city council approved a new budget for public libraries and parks after a long debate on Tuesday evening.',
  'A local bakery won a national prize for its sourdough bread, the owners said at a ceremony in the capital.',
  'Shares of technology companies rose sharply after the central bank kept interest rates unchanged.',
  'The museum opened an exhibition of medieval manuscripts borrowed from monasteries across the region.',
];

function eventsOf(features: readonly ArticleFeatures[], pins: Parameters<typeof groupArticles>[2] = []): string[][] {
  return groupArticles(features, {}, pins).events.map((e) => e.articleIds);
}

describe('groupArticles', () => {
  const base = [
    ...quakeA.map((t, i) => feat(`a${i}`, t)),
    ...quakeB.map((t, i) => feat(`b${i}`, t)),
    ...noise.map((t, i) => feat(`n${i}`, t)),
  ];

  it('groupArticles splits two earthquakes of one topic into two events and joins each event\'s wordings', () => {
    const events = eventsOf(base);
    expect(events).toContainEqual(['a0', 'a1', 'a2']);
    expect(events).toContainEqual(['b0', 'b1', 'b2']);
  });

  it('groupArticles keeps two look-alike arrests years apart in different events when published dates are known', () => {
    const text = 'San Diego Chargers receiver Vincent Jackson was arrested on suspicion of drunken driving on state Route 52, the California Highway Patrol said.';
    const g = eventsOf([feat('x1', text, '2009-01-13'), feat('x2', text, '2009-01-14'), feat('y1', text, '2013-01-13'), feat('y2', text, '2013-01-14'), ...noise.map((t, i) => feat(`n${i}`, t))]);
    expect(g).toContainEqual(['x1', 'x2']);
    expect(g).toContainEqual(['y1', 'y2']);
  });

  it('groupArticles does not split an event because one article has no date', () => {
    const g = eventsOf([feat('a0', quakeA[0]!, '2008-06-29'), feat('a1', quakeA[1]!), feat('a2', quakeA[2]!, '2008-06-30'), ...quakeB.map((t, i) => feat(`b${i}`, t)), ...noise.map((t, i) => feat(`n${i}`, t))]);
    expect(g).toContainEqual(['a0', 'a1', 'a2']);
  });

  it('groupArticles honours pins: together joins, apart separates, and the rest is grouped around them', () => {
    const pins = [PinSchema.parse({ kind: 'together', ids: ['a0', 'n0'] }), PinSchema.parse({ kind: 'apart', ids: ['b0', 'b1'] })];
    const g = eventsOf(base, pins);
    const of = (id: string): string[] => g.find((e) => e.includes(id))!;
    expect(of('a0')).toContain('n0');
    expect(of('b0')).not.toContain('b1');
    expect(of('a1')).toContain('a2');
  });

  it('groupArticles joins two articles of one event when they are the whole corpus', () => {
    expect(eventsOf([feat('a0', quakeA[0]!), feat('a1', quakeA[1]!)])).toEqual([['a0', 'a1']]);
  });

  it('groupArticles gives a single article one event and one story with cohesion 1', () => {
    const g = groupArticles([feat('only', quakeA[0]!)]);
    expect(g.events).toHaveLength(1);
    expect(g.stories).toHaveLength(1);
    expect(g.articles).toEqual([{ id: 'only', story: 's0001', event: 'e0001', cohesion: 1 }]);
  });

  it('groupArticles output is byte-identical under input-order shuffle', () => {
    const shuffled = [base[5]!, base[0]!, base[9]!, base[3]!, base[7]!, base[1]!, base[8]!, base[2]!, base[6]!, base[4]!];
    expect(JSON.stringify(groupArticles(shuffled))).toBe(JSON.stringify(groupArticles(base)));
  });

  it('groupArticles treats exact copies as one unit: 600 reprints of one report form one event however the posting lists are capped', () => {
    // 600 copies put every feature in more than maxPostings (200) block lists: without units, no pair would be a candidate.
    const copies = Array.from({ length: 600 }, (_, i) => feat(`c${String(i).padStart(3, '0')}`, quakeA[0]!, '2008-06-29'));
    const d = groupWithDiagnostics([...copies, ...quakeB.map((t, i) => feat(`b${i}`, t)), ...noise.map((t, i) => feat(`n${i}`, t))]);
    const ev = d.grouping.events.find((e) => e.articleIds.includes('c000'))!;
    expect(ev.articleIds).toHaveLength(600);
    expect(d.grouping.articles.find((a) => a.id === 'c123')!.cohesion).toBe(1);
    const first = d.order.indexOf('c000');
    expect(new Set(d.order.map((id, i) => (id.startsWith('c') ? d.duplicateOf[i] : -1)).filter((r) => r !== -1))).toEqual(new Set([first]));
  });

  it('groupArticles keeps copies named in an apart pin out of the duplicate unit, so the pin holds', () => {
    const copies = [feat('k0', quakeA[0]!), feat('k1', quakeA[0]!), feat('k2', quakeA[0]!)];
    const g = eventsOf([...copies, ...noise.map((t, i) => feat(`n${i}`, t))], [PinSchema.parse({ kind: 'apart', ids: ['k0', 'k1'] })]);
    const of = (id: string): string[] => g.find((e) => e.includes(id))!;
    expect(of('k0')).not.toContain('k1');
    expect(of('k2').length).toBeGreaterThan(1);
  });

  it('groupArticles output matches its schemas and ties point at the tied text', () => {
    const docs = [...quakeA.map((t, i) => makeTestDoc(t, { id: `a${i}` })), ...quakeB.map((t, i) => makeTestDoc(t, { id: `b${i}` }))];
    const g = groupArticles(docs.map((d) => extractFeatures(d)));
    for (const e of g.events) EventGroupSchema.parse(e);
    for (const s of g.stories) StoryGroupSchema.parse(s);
    for (const a of g.articles) MembershipSchema.parse(a);
    const ev = g.events.find((e) => e.articleIds.includes('a0'))!;
    expect(ev.ties.length).toBeGreaterThan(0);
    for (const t of ev.ties)
      for (const x of t.evidence) {
        const doc = docs.find((d) => d.id === x.articleId)!;
        expect(doc.text.slice(x.start, x.end).length).toBe(x.end - x.start);
        expect(x.end).toBeGreaterThan(x.start);
      }
    expect(ev.ties.some((t) => t.value === 'qeshm' || t.value === 'dargahan')).toBe(true);
  });
});

describe('conflicting figures', () => {
  // Two quakes on one island: the same wording, different magnitudes; the 2005 reports are dated, the 2008 ones not.
  const q2008 = [
    'A magnitude 5.6 earthquake struck Qeshm island off southern Iran, damaging homes in villages near Dargahan, state television said.',
    'State television said the magnitude 5.6 earthquake damaged homes in villages on Qeshm island near Dargahan in southern Iran.',
    'Homes were damaged in villages near Dargahan when a 5.6 earthquake struck Qeshm island off southern Iran, state television said.',
  ];
  const q2005 = [
    'A magnitude 5.9 earthquake struck Qeshm island off southern Iran, damaging homes in villages near Dargahan, state television said.',
    'State television said the magnitude 5.9 earthquake damaged homes in villages on Qeshm island near Dargahan in southern Iran.',
    'Homes were damaged in villages near Dargahan when a 5.9 earthquake struck Qeshm island off southern Iran, state television said.',
  ];
  const corpus = [
    ...q2008.map((t, i) => feat(`x${i}`, t)),
    ...q2005.map((t, i) => feat(`y${i}`, t, `2005-11-2${7 + (i % 2)}`)),
    ...quakeB.map((t, i) => feat(`b${i}`, t)),
    ...noise.map((t, i) => feat(`n${i}`, t)),
  ];

  it('figuresConflict flags two leads whose decimal figures the other article never mentions', () => {
    expect(figuresConflict(feat('p', q2008[0]!), feat('q', q2005[0]!))).toBe(true);
  });

  it('figuresConflict does not flag a pair sharing one figure, or a pair where one lead states none', () => {
    const both = feat('r', 'A magnitude 5.9 earthquake struck Qeshm island; the survey first put it at 5.6.');
    expect(figuresConflict(feat('p', q2008[0]!), both)).toBe(false);
    expect(figuresConflict(feat('p', q2008[0]!), feat('s', 'An earthquake struck Qeshm island off southern Iran.'))).toBe(false);
  });

  it('extractFeatures keeps only the figures of the lead, with offsets pointing at them', () => {
    const text = `${'The quake struck the island and damaged homes. '.repeat(10)}Its magnitude was 5.6.`;
    expect(extractFeatures(makeTestDoc(text, { id: 'late' })).leadFigures).toEqual([]);
    const doc = makeTestDoc('The magnitude 6. 1 quake and a 4.8 aftershock hit the island.', { id: 'lead' });
    const figures = extractFeatures(doc).leadFigures!;
    expect(figures.map((x) => x.value)).toEqual(['6.1', '4.8']);
    expect(figures.map((x) => doc.text.slice(x.start, x.end))).toEqual(['6. 1', '4.8']);
  });

  it('groupArticles keeps look-alike reports with conflicting figures in two events, and merges them with the rule off', () => {
    const on = groupArticles(corpus).events.map((e) => e.articleIds);
    expect(on).toContainEqual(['x0', 'x1', 'x2']);
    expect(on).toContainEqual(['y0', 'y1', 'y2']);
    const off = groupArticles(corpus, { figureConflictFactor: 1 }).events.map((e) => e.articleIds);
    expect(off).toContainEqual(['x0', 'x1', 'x2', 'y0', 'y1', 'y2']);
  });

  it('groupArticles explains the split: each event names the other with both leads\' figures as evidence', () => {
    const g = groupArticles(corpus);
    const x = g.events.find((e) => e.articleIds.includes('x0'))!;
    const y = g.events.find((e) => e.articleIds.includes('y0'))!;
    const c = x.conflicts!.find((k) => k.eventId === y.id)!;
    expect(c.similarity).toBeGreaterThan(0);
    expect(new Set(c.evidence.map((v) => v.value))).toEqual(new Set(['5.6', '5.9']));
    expect(y.conflicts!.some((k) => k.eventId === x.id)).toBe(true);
    for (const e of g.events) EventGroupSchema.parse(e);
    const text = new Map<string, string>([...q2008.map((t, i): [string, string] => [`x${i}`, t]), ...q2005.map((t, i): [string, string] => [`y${i}`, t])]);
    for (const v of c.evidence) expect(text.get(v.articleId)!.slice(v.start, v.end)).toBe(v.value);
  });
});

describe('extractFeatures', () => {
  it('extractFeatures counts every occurrence however many distinct features an article holds', () => {
    // 6,000 distinct words, each twice: past the accumulator's first capacity (4,096 entries).
    const letters = (k: number): string => (k < 26 ? '' : letters(Math.floor(k / 26) - 1)) + String.fromCharCode(97 + (k % 26));
    const words = Array.from({ length: 6000 }, (_, k) => `q${letters(k)}z`);
    const f = extractFeatures(makeTestDoc(`${words.join(' ')}. ${words.join(' ')}.`, { id: 'long' }));
    const keys = Array.from(f.keys);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(new Set(keys).size).toBe(keys.length);
    const last = featureKey('term', stemWord(words[5999]!, 'en'));
    expect(f.counts[keys.indexOf(last)]).toBe(2);
    expect(Array.from(f.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * 6000);
  });
  it('extractFeatures joins a decimal split by re-joined tokens ("6. 1") into one number', () => {
    const f = extractFeatures(makeTestDoc('The magnitude 6. 1 quake killed 10 people.', { id: 'q' }));
    const labels = f.labels.split('\n');
    expect(labels).toContain('6.1');
    expect(labels).toContain('10');
    expect(labels).not.toContain('6');
  });
});

describe('the five sample seeds', () => {
  const dir = new URL('../../data/sample/', import.meta.url);
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => buildDoc(recordFromText(f.replace(/\.txt$/, ''), readFileSync(new URL(f, dir), 'utf8'))));
  const g = groupArticles(docs.map((d) => extractFeatures(d)));
  const eventOf = (prefix: string): string => g.articles.find((a) => a.id.startsWith(prefix))!.event;

  it('groupArticles puts the five seeds in one story and 001 with 002 (the 30 June 2024 statement)', () => {
    expect(g.stories).toHaveLength(1);
    expect(eventOf('001')).toBe(eventOf('002'));
  });

  it('groupArticles separates the seeds into four events (000, 001+002, 003, 004)', () => {
    expect(new Set(['000', '001', '003', '004'].map(eventOf)).size).toBe(4);
    expect(g.events).toHaveLength(4);
  });
});

describe('a small collection of one happening', () => {
  // Three outlets' reports of one eruption: the event's words are in all three, so by corpus df none is
  // event-specific, and little is shared by two of them only.
  const reports = [
    'Taal volcano erupted near Manila on Sunday, forcing 8,000 villagers to flee thick ash clouds, officials said. Flights were cancelled at the airport.',
    'The Taal volcano erupted on Sunday near Manila and 8,000 villagers fled from the ash clouds; schools were closed, the provincial governor said.',
    'Ash clouds from the Taal volcano, which erupted near Manila on Sunday, sent 8,000 villagers fleeing, a spokesman for the disaster agency told reporters.',
  ];
  const feats = (dates: Array<string | undefined>): ArticleFeatures[] => reports.map((t, i) => feat(`t${i}`, t, dates[i]));

  it('reports dated within the grace days make one event: words all of them share are that day\'s, not a topic\'s', () => {
    expect(eventsOf(feats(['2020-01-12', '2020-01-13', '2020-01-12']))).toEqual([['t0', 't1', 't2']]);
  });

  it('undated, the same reports may stay apart (a one-topic corpus of several statements looks the same)', () => {
    expect(eventsOf(feats([undefined, undefined, undefined])).length).toBeGreaterThan(1);
  });

  it('one undated report among dated ones leaves the shared words unspecific, as before', () => {
    expect(eventsOf(feats(['2020-01-12', undefined, '2020-01-12'])).length).toBeGreaterThan(1);
  });
});

describe('borrowed days', () => {
  const pairs = (list: Array<[number, number, number]>): [Int32Array, Int32Array, Float64Array] => [Int32Array.from(list, (p) => p[0]), Int32Array.from(list, (p) => p[1]), Float64Array.from(list, (p) => p[2])];

  it('an undated unit takes the day of its most similar candidate with a declared date, for the time factor', () => {
    const days: Array<number | null> = [null, 100, 900, null, 400];
    // Unit 2's day was read from its text (not declared): it lends nothing, however similar.
    const declared = Uint8Array.from([0, 1, 0, 0, 1]);
    const [a, b, sim] = pairs([[0, 1, 0.3], [0, 2, 0.6], [0, 4, 0.2], [3, 2, 0.5], [3, 4, 0.05]]);
    borrowDays(days, [null, null, null, null, null], declared, a, b, sim, 0.1);
    // Unit 3's only declared partner is below the neighbour floor: it stays undated.
    expect(days).toEqual([100, 100, 900, null, 400]);
  });

  it('an undated report is placed in time as if it had the day of its most similar dated report', () => {
    // The Senate's health-law votes of 2013 and of 2017; the undated report is of the 2017 one.
    const y2013 = [
      'Republicans fell short of the votes they needed to repeal the health care law on Friday, Senate leader Mitch McConnell said, and the party was divided after the vote.',
      'Mitch McConnell said Republicans fell short of the votes they needed on Friday to repeal the health care law; the Senate vote showed the party was divided.',
    ];
    const y2017 = [
      'Senator John McCain cast the deciding vote as the Senate rejected the skinny repeal early on Friday, with a dramatic thumbs-down on the floor.',
      'John McCain, Susan Collins and Lisa Murkowski voted no, and the skinny repeal failed by 51 votes to 49; the White House called it a disappointment.',
    ];
    const report = 'Senator John McCain cast the deciding vote as the Senate rejected the skinny repeal early on Friday with a dramatic thumbs-down; Republicans fell short of the votes they needed to repeal the health care law, Mitch McConnell said.';
    const cohesion = (published?: string): number => {
      const g = groupArticles([feat('a1', y2013[0]!, '2013-09-20'), feat('a2', y2013[1]!, '2013-09-20'), feat('b1', y2017[0]!, '2017-07-28'), feat('b2', y2017[1]!, '2017-07-28'), feat('u', report, published), ...noise.map((t, i) => feat(`n${i}`, t))]);
      expect(g.events.map((e) => e.articleIds)).toContainEqual(['b1', 'b2', 'u']);
      return g.articles.find((a) => a.id === 'u')!.cohesion;
    };
    // Without the borrowed day, the 2013 reports were the undated one's neighbours too: 0.57 against 0.68.
    expect(Math.abs(cohesion() - cohesion('2017-07-28'))).toBeLessThan(0.01);
  });

  it('never lends a day before the unit\'s own floor: the most similar candidate at or after it lends', () => {
    const days: Array<number | null> = [null, 100, 300];
    const [a, b, sim] = pairs([[0, 1, 0.5], [0, 2, 0.3]]);
    borrowDays(days, [200, null, null], Uint8Array.from([0, 1, 1]), a, b, sim, 0.1);
    expect(days).toEqual([300, 100, 300]);
  });
});

describe('one event, one time', () => {
  // Look-alike reports 30 years apart, and an undated one that reads like both.
  const old = 'India may buy a Cray supercomputer from the United States for weather forecasting, officials in New Delhi said, after talks on export controls.';
  const later = 'India may buy a Cray supercomputer from the United States for weather forecasting, officials in New Delhi said; export controls were eased.';
  const undated = 'India may buy a Cray supercomputer from the United States for weather forecasting, officials in New Delhi said.';
  const feats = (): ArticleFeatures[] => [feat('a', old, '1987-03-02'), feat('b', later, '2017-06-26'), feat('c', undated), ...noise.map((t, i) => feat(`n${i}`, t))];

  it('an undated article does not bridge two dated ones further apart than the time window', () => {
    const events = eventsOf(feats());
    expect(events.find((e) => e.includes('a'))).not.toContain('b');
    expect(events.find((e) => e.includes('c'))!.length).toBe(2);
  });
});
