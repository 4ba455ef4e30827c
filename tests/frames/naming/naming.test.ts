import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import fc from 'fast-check';
import { NamingTableSchema, detectMentions, mentionsAnalyzer, mergeUnknown, nameKindShares, namingTable } from '../../../src/frames/naming/index.js';
import { distance } from '../../../src/text/index.js';

describe('mentions', () => {
  it('matches aliases of one actor with their kinds', () => {
    const doc = makeTestDoc('The DPRK fired a missile. Pyongyang said North Korea would not stop, the isolated nation warned.');
    const ms = detectMentions(doc).filter((m) => m.actorId === 'north-korea');
    expect(ms.map((m) => [doc.text.slice(m.start, m.end), m.kind])).toEqual([
      ['DPRK', 'official'],
      ['Pyongyang', 'metonym'],
      ['North Korea', 'common'],
      ['the isolated nation', 'descriptive'],
    ]);
  });

  it('never reads the pronoun "us" as the United States', () => {
    const doc = makeTestDoc('They told us the US and the U.S. Navy were ready.');
    const us = detectMentions(doc).filter((m) => m.actorId === 'united-states');
    expect(us.map((m) => doc.text.slice(m.start, m.end))).toEqual(['US', 'U.S.']);
  });

  it('links a descriptive phrase the table lacks to the country named just before it', () => {
    const doc = makeTestDoc('North Korea launched a satellite on Monday. The reclusive country said it would launch more.');
    const m = detectMentions(doc).find((x) => x.via === 'coreference' || x.name === 'the reclusive state');
    expect(m).toBeDefined();
    expect(m!.actorId).toBe('north-korea');
    expect(doc.text.slice(m!.start, m!.end)).toBe('The reclusive country');
  });

  it('maps a close spelling variant to the table name with Jaro-Winkler', () => {
    const doc = makeTestDoc('Officials of the Democratic Peoples Republic of Korea met on Friday.');
    const m = detectMentions(doc).find((x) => x.actorId === 'north-korea');
    expect(m?.via).toBe('variant');
  });

  it('finds capitalized names of actors the table lacks, but not in title-case headlines', () => {
    const doc = makeTestDoc('Joint Drills Anger Neighbours In The Region\n\nThe drills were named after Freedom Edge by the planners.');
    const unknown = detectMentions(doc).filter((m) => m.type === 'unknown').map((m) => m.name);
    expect(unknown).toEqual(['Freedom Edge']);
  });

  it('writes findings whose text is the covered slice', () => {
    const doc = makeTestDoc('Seoul and Tokyo met.');
    const f = mentionsAnalyzer.run(doc);
    expect(f.map((x) => [x.text, (x.data as { actorId: string }).actorId])).toEqual([
      ['Seoul', 'south-korea'],
      ['Tokyo', 'japan'],
    ]);
  });
});

describe('naming table', () => {
  const a = makeTestDoc('The DPRK condemned the drills. The DPRK said the drills were a rehearsal for invasion.', { id: 'a', outlet: 'KCNA' });
  const b = makeTestDoc('North Korea condemned the drills, and Pyongyang warned of consequences.', { id: 'b', outlet: 'Wire' });
  const c = makeTestDoc('Pyongyang, the hermit kingdom, has long protested against the exercises.', { id: 'c', outlet: 'RT' });

  it('groups DPRK, North Korea and Pyongyang as one actor across outlets with counts and evidence', () => {
    const table = namingTable([a, b, c]);
    NamingTableSchema.parse(table);
    const nk = table.actors.find((x) => x.actorId === 'north-korea')!;
    expect(Object.keys(nk.byOutlet)).toEqual(['KCNA', 'RT', 'Wire']);
    expect(nk.byOutlet.KCNA).toEqual([{ name: 'DPRK', count: 2, kind: 'official', evidence: [{ articleId: 'a', start: 4, end: 8 }, { articleId: 'a', start: 35, end: 39 }] }]);
    expect(nk.byOutlet.Wire!.map((u) => u.name)).toEqual(['North Korea', 'Pyongyang']);
    expect(nk.byOutlet.RT!.map((u) => [u.name, u.kind])).toEqual([
      ['Pyongyang', 'metonym'],
      ['the hermit kingdom', 'descriptive'],
    ]);
  });

  it('is independent of input order and reports kind shares', () => {
    expect(JSON.stringify(namingTable([c, a, b]))).toBe(JSON.stringify(namingTable([a, b, c])));
    const shares = nameKindShares(namingTable([a, b, c]), 'north-korea');
    expect(shares.RT).toEqual({ metonym: 0.5, descriptive: 0.5 });
  });

  it('merges an unknown surname with the full name across outlets', () => {
    const x = makeTestDoc('Analyst Peter Hayes spoke. Peter Hayes said more.', { id: 'x', outlet: 'A' });
    const y = makeTestDoc('The drills worried experts, and Hayes called them risky.', { id: 'y', outlet: 'B' });
    const t = namingTable([x, y]);
    const hayes = t.actors.find((r) => r.actorId === 'x:peter hayes');
    expect(hayes?.byOutlet.B?.[0]?.name).toBe('Hayes');
  });
});

/** The all-pairs scan mergeUnknown replaced, kept as the reference it must agree with. */
function mergeUnknownAllPairs(keys: readonly string[], jw: number): Map<string, string> {
  const sorted = [...keys].sort();
  const parent = new Map(sorted.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const multi = sorted.filter((k) => k.includes(' '));
  for (let i = 0; i < multi.length; i++) {
    for (let j = i + 1; j < multi.length; j++) {
      const a = multi[i]!;
      const b = multi[j]!;
      if (a.endsWith(` ${b}`) || b.endsWith(` ${a}`) || (a[0] === b[0] && distance.JaroWinklerDistance(a, b) >= jw)) union(a, b);
    }
  }
  for (const k of sorted.filter((x) => !x.includes(' '))) {
    const groups = new Set(multi.filter((m) => m.endsWith(` ${k}`)).map(find));
    if (groups.size === 1) union(k, [...groups][0]!);
  }
  const best = new Map<string, string>();
  for (const k of sorted) {
    const r = find(k);
    const cur = best.get(r);
    if (!cur || k.split(' ').length > cur.split(' ').length || (k.split(' ').length === cur.split(' ').length && k.length > cur.length)) best.set(r, k);
  }
  return new Map(sorted.map((k) => [k, best.get(find(k))!]));
}

describe('mergeUnknown', () => {
  it('joins a name with its longer form and a surname with its one group', () => {
    const rep = mergeUnknown(['peter hayes', 'analyst peter hayes', 'hayes', 'kim', 'kim jong un', 'kim yo jong', 'jong un'], 0.94);
    expect(rep.get('peter hayes')).toBe('analyst peter hayes');
    expect(rep.get('hayes')).toBe('analyst peter hayes');
    expect(rep.get('kim')).toBe('kim');
    expect(rep.get('jong un')).toBe('kim jong un');
  });

  it('joins near-identical spellings with the same first letter', () => {
    const rep = mergeUnknown(['volodymyr zelenskyy', 'volodymyr zelensky', 'wolodymyr zelensky'], 0.94);
    expect(rep.get('volodymyr zelenskyy')).toBe(rep.get('volodymyr zelensky'));
    expect(rep.get('wolodymyr zelensky')).toBe('wolodymyr zelensky');
  });

  it('agrees with the all-pairs scan on random keys', () => {
    const word = fc.constantFrom('kim', 'jong', 'un', 'yo', 'peter', 'hayes', 'haynes', 'moon', 'jae', 'in', 'jae-in', 'park', 'parke', 'a', 'b', 'é', '');
    const key = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 30 }), fc.constantFrom(0.8, 0.9, 0.94), (keys, jw) => {
        expect([...mergeUnknown(keys, jw)]).toEqual([...mergeUnknownAllPairs([...new Set(keys)], jw)]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('namingTable across articles', () => {
  it('merges unknown names as mergeUnknown does over all the articles’ keys', () => {
    const x = makeTestDoc('Analyst Peter Hayes spoke. Peter Hayes said more about Kim Jong Un.', { id: 'x', outlet: 'A' });
    const y = makeTestDoc('Hayes called the drills risky. Kim Yo Jong answered.', { id: 'y', outlet: 'B' });
    const z = makeTestDoc('Peter Hayes and Kim Jong Un were named again by Hayes.', { id: 'z', outlet: 'C' });
    const docs = [x, y, z];
    const keys = docs.flatMap((d) => detectMentions(d).filter((m) => m.actorId.startsWith('x:')).map((m) => m.actorId.slice(2)));
    const rep = mergeUnknown(keys, 0.94);
    const table = namingTable(docs, { minUnknownCount: 1 });
    const ids = table.actors.filter((r) => !r.known).map((r) => r.actorId).sort();
    expect(ids).toEqual([...new Set([...rep.values()].map((k) => `x:${k}`))].sort());
  });

  it('lists a name’s evidence by article, then in text order, and counts every mention', () => {
    const a1 = makeTestDoc('Pyongyang warned. North Korea said no. Pyongyang again.', { id: 'a1', outlet: 'A' });
    const a2 = makeTestDoc('North Korea fired. Pyongyang said nothing.', { id: 'a2', outlet: 'A' });
    const nk = namingTable([a2, a1]).actors.find((r) => r.actorId === 'north-korea')!;
    const uses = nk.byOutlet.A!;
    expect(uses.map((u) => [u.name, u.count])).toEqual([
      ['Pyongyang', 3],
      ['North Korea', 2],
    ]);
    expect(uses[0]!.evidence.map((e) => [e.articleId, e.start])).toEqual([
      ['a1', 0],
      ['a1', a1.text.lastIndexOf('Pyongyang')],
      ['a2', a2.text.indexOf('Pyongyang')],
    ]);
  });
});

describe('namingTable cache', () => {
  it('gives the same table from cached mentions as from fresh ones, and reads a replaced layer afresh', () => {
    const a = makeTestDoc('Analyst Peter Hayes said North Korea fired. Peter Hayes added that Pyongyang would not stop.', { id: 'a', outlet: 'One' });
    const b = makeTestDoc('Hayes told the DPRK to stop. North Korea said no.', { id: 'b', outlet: 'Two' });
    for (const d of [a, b]) d.layers.mentions = mentionsAnalyzer.run(d);
    const first = JSON.stringify(namingTable([a, b]));
    expect(JSON.stringify(namingTable([b, a]))).toBe(first);
    const freshA = { ...a, layers: { ...a.layers, mentions: [...a.layers.mentions!] } };
    const freshB = { ...b, layers: { ...b.layers, mentions: [...b.layers.mentions!] } };
    expect(JSON.stringify(namingTable([freshA, freshB]))).toBe(first);
    // A replaced layer: the table follows it, not the cached reading of the old one.
    b.layers.mentions = [];
    const onlyA = namingTable([a, b]);
    expect(onlyA.actors.every((x) => Object.keys(x.byOutlet).every((o) => o === 'One'))).toBe(true);
  });
});
