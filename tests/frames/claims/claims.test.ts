import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestDoc } from '../../helpers.js';
import type { Doc } from '../../../src/doc/types.js';
import { mentionsAnalyzer } from '../../../src/frames/naming/index.js';
import { ClaimsComparisonSchema, claimsAlign, claimsAnalyzer, compareClaims, dice, extractFacts, setDenseSlotLimit, splitClaims, type Claim } from '../../../src/frames/claims/index.js';

const wire = makeTestDoc(
  'North Korea condemned the joint military drills held by the US, Japan and South Korea on Sunday. ' +
    'Six warships took part in the three-day exercise near Jeju island. ' +
    'The foreign ministry statement was carried by the state news agency KCNA.',
  { id: 'w', outlet: 'Wire' },
);
const rt = makeTestDoc(
  'Pyongyang has condemned the joint military drills held by the US, Japan and South Korea, according to KCNA on Sunday. ' +
    'Eight warships took part in the three-day exercise near Jeju island. ' +
    'Washington is building an Asian version of NATO, the ministry added.',
  { id: 'r', outlet: 'RT' },
);
const third = makeTestDoc(
  'North Korea condemned the joint military drills of the US, Japan and South Korea on Sunday, calling them dangerous. ' +
    'Who benefits from the tension? ' +
    'Menu Home Subscribe to our newsletter for more.',
  { id: 't', outlet: 'Local' },
);

describe('claims', () => {
  it('splits checkable sentences and skips questions and boilerplate', () => {
    const texts = splitClaims(third).map((c) => c.text);
    expect(texts).toEqual(['North Korea condemned the joint military drills of the US, Japan and South Korea on Sunday, calling them dangerous.']);
  });

  it('extracts counted numbers and dates', () => {
    const doc = makeTestDoc('The exercise ran from June 27 and 29 with 1,200 troops and 6% more ships in 2024.');
    const { numbers, dates } = extractFacts(doc, 0, doc.tokens.length);
    expect(dates.map((d) => d.value)).toEqual(['06-27', '06-29', '2024']);
    expect(numbers.map((n) => [n.value, n.unit])).toEqual([
      [1200, 'troop'],
      [6, 'percent'],
    ]);
  });

  it('treats words named like object properties as plain words', () => {
    const doc = makeTestDoc('The constructor said 5 constructor units and toString valueOf were shipped.');
    const { numbers } = extractFacts(doc, 0, doc.tokens.length);
    expect(numbers.map((n) => [n.value, n.unit])).toEqual([[5, 'constructor']]);
  });

  it('splits only the sentences holding a semicolon and a space', () => {
    const doc = makeTestDoc(
      'The ministry said six ships sailed from the port on Monday. ' +
        'Officials confirmed the drills would last three days; the navy sent two more destroyers to the area. ' +
        'The statement was read on state television by a presenter.',
    );
    expect(splitClaims(doc).map((c) => c.text)).toEqual([
      'The ministry said six ships sailed from the port on Monday.',
      'Officials confirmed the drills would last three days;',
      'the navy sent two more destroyers to the area.',
      'The statement was read on state television by a presenter.',
    ]);
  });

  it('finds the same actors from the mentions layer as from detecting mentions afresh', () => {
    const doc = makeTestDoc(wire.text, { id: 'w2', outlet: 'Wire' });
    const fresh = JSON.stringify(claimsAnalyzer.run(doc));
    doc.layers.mentions = mentionsAnalyzer.run(doc);
    expect(JSON.stringify(claimsAnalyzer.run(doc))).toBe(fresh);
  });

  it('writes a claims layer', () => {
    expect(claimsAnalyzer.run(wire).map((f) => f.text)).toHaveLength(3);
  });
});

describe('claim comparison', () => {
  const result = compareClaims([wire, rt, third]);

  it('labels claims shared across outlets or unique to one', () => {
    ClaimsComparisonSchema.parse(result);
    const clusterOf = (doc: typeof wire, i: number) => result.clusters.find((c) => c.id === result.claims.find((x) => x.id === `${doc.id}#${i}`)!.clusterId)!;
    expect(clusterOf(wire, 1)).toMatchObject({ label: 'shared', outlets: ['Local', 'RT', 'Wire'] });
    expect(clusterOf(wire, 2)).toMatchObject({ label: 'shared', outlets: ['RT', 'Wire'] });
    expect(clusterOf(rt, 3)).toMatchObject({ label: 'unique', outlets: ['RT'] });
  });

  it('lists what each outlet omits and what only it reports', () => {
    const local = result.omissions.find((o) => o.outlet === 'Local')!;
    const rtOm = result.omissions.find((o) => o.outlet === 'RT')!;
    const warships = result.claims.find((c) => c.id === 'w#2')!.clusterId;
    expect(local.missingClusterIds).toContain(warships);
    expect(local.notes).toContain(`${warships}: reported by 2 of 3 outlets, absent from Local`);
    expect(rtOm.exclusiveClusterIds).toContain(result.claims.find((c) => c.id === 'r#3')!.clusterId);
  });

  it('flags a number conflict between aligned claims', () => {
    const warships = result.claims.find((c) => c.id === 'w#2')!.clusterId;
    const conflict = result.conflicts.find((c) => c.clusterId === warships && c.kind === 'number');
    expect(conflict?.unit).toBe('warship');
    expect(conflict?.values.map((v) => [v.outlet, v.value])).toEqual([
      ['RT', 8],
      ['Wire', 6],
    ]);
  });

  it('is independent of input order', () => {
    expect(JSON.stringify(compareClaims([third, rt, wire]))).toBe(JSON.stringify(result));
  });
});

/** Clusters as sets of claim ids, by brute force: every claim against every claim of every other article (the rule compareClaims states). */
function bruteForceClusters(docs: readonly Doc[]): string[][] {
  const claims = docs.flatMap(splitClaims);
  const byArticle = new Map<string, Claim[]>();
  for (const c of claims) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  const best = (c: Claim, others: readonly Claim[]): Claim | undefined => {
    let top: Claim | undefined;
    let topD = -1;
    for (const o of others) {
      const d = dice(c.stems, o.stems);
      if (d > topD) [top, topD] = [o, d];
    }
    return top;
  };
  const parent = new Map(claims.map((c) => [c.id, c.id]));
  const root = (id: string): string => (parent.get(id) === id ? id : root(parent.get(id)!));
  for (const a of claims)
    for (const [article, others] of byArticle) {
      if (article === a.articleId) continue;
      const b = best(a, others);
      if (b && best(b, byArticle.get(a.articleId)!) === a && claimsAlign(a, b)) parent.set(root(a.id), root(b.id));
    }
  const groups = new Map<string, string[]>();
  for (const c of claims) groups.set(root(c.id), [...(groups.get(root(c.id)) ?? []), c.id]);
  return [...groups.values()].map((g) => g.sort()).sort();
}

describe('claim alignment against brute force', () => {
  // Few words, so many claims tie and overlap partly: the cases where pruning could go wrong.
  const words = ['drills', 'warships', 'korea', 'japan', 'ministry', 'exercise', 'island', 'statement', 'navy', 'missile', 'border', 'talks'];
  const sentence = fc.array(fc.constantFrom(...words), { minLength: 6, maxLength: 10 }).map((ws) => `The ${ws.join(' ')} ended.`);
  const article = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' '));

  it('clusters claims exactly as comparing every claim with every other', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 2, maxLength: 4 }), (texts) => {
        const docs = texts.map((t, i) => makeTestDoc(t, { id: `a${i}`, outlet: `O${i % 3}` }));
        const result = compareClaims(docs);
        const clusters = result.clusters.map((c) => [...c.claimIds].sort()).sort();
        expect(clusters).toEqual(bruteForceClusters(docs));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('gives the same comparison from the claims layers as from splitting the articles afresh', () => {
    const docs = [wire, rt, third].map((d) => makeTestDoc(d.text, { id: d.id, outlet: d.meta.outlet?.value ?? null }));
    const fresh = JSON.stringify(compareClaims(docs));
    for (const d of docs) {
      d.layers.mentions = mentionsAnalyzer.run(d);
      d.layers.claims = claimsAnalyzer.run(d);
    }
    expect(docs.every((d) => (d.layers.claims ?? []).length > 0)).toBe(true);
    expect(JSON.stringify(compareClaims(docs))).toBe(fresh);
    expect(JSON.stringify(compareClaims(docs))).toBe(fresh);
  });

  it('gives the same claims, facts and comparison for token arrays without the tokenizer’s form ids', () => {
    // A copied token array has no form ids (tokenForms is null): every fact is then looked up by its strings.
    const docs = [wire, rt, third].map((d) => makeTestDoc(d.text, { id: d.id, outlet: d.meta.outlet?.value ?? null }));
    const copies = docs.map((d): Doc => ({ ...d, tokens: [...d.tokens], layers: {} }));
    for (const d of [...docs, ...copies]) {
      d.layers.mentions = mentionsAnalyzer.run(d);
      d.layers.claims = claimsAnalyzer.run(d);
    }
    docs.forEach((d, i) => {
      expect(copies[i]!.layers.claims).toEqual(d.layers.claims);
      expect(extractFacts(copies[i]!, 0, d.tokens.length)).toEqual(extractFacts(d, 0, d.tokens.length));
    });
    expect(JSON.stringify(compareClaims(copies))).toBe(JSON.stringify(compareClaims(docs)));
  });

  it('aligns claims of every article pair up to the cap, and past it of neighbouring articles only (in id order)', () => {
    const docs = [wire, rt, third].map((d) => makeTestDoc(d.text, { id: d.id, outlet: d.meta.outlet?.value ?? null }));
    expect(JSON.stringify(compareClaims(docs, 3))).toBe(JSON.stringify(compareClaims(docs)));
    // One pair allowed for three articles: r–t and t–w are aligned, r–w is not.
    const banded = compareClaims(docs, 1);
    expect(banded.clusters.filter((c) => c.articleIds.includes('r') && c.articleIds.includes('w')).every((c) => c.articleIds.includes('t'))).toBe(true);
    expect(JSON.stringify(banded)).not.toBe(JSON.stringify(compareClaims(docs)));
    expect(banded.aligned).toEqual({ articles: 3, band: 1 });
    expect(compareClaims(docs).aligned).toBeUndefined();
    expect(() => ClaimsComparisonSchema.parse(banded)).not.toThrow();
    // A claim every article repeats still forms one cluster, through the chain of neighbours.
    const copies = Array.from({ length: 12 }, (_, i) => makeTestDoc(wire.text, { id: `c${String(i).padStart(2, '0')}`, outlet: `Outlet ${i % 4}` }));
    const chained = compareClaims(copies, 12);
    expect(chained.clusters).toHaveLength(3);
    expect(chained.clusters.every((c) => c.articleIds.length === 12)).toBe(true);
  });

  it('gives the same comparison with best matches kept in a Map as in the flat scratch table', () => {
    const docs = [wire, rt, third].map((d) => makeTestDoc(d.text, { id: d.id, outlet: d.meta.outlet?.value ?? null }));
    const flat = JSON.stringify(compareClaims(docs));
    const prev = setDenseSlotLimit(0);
    try {
      expect(JSON.stringify(compareClaims(docs))).toBe(flat);
    } finally {
      setDenseSlotLimit(prev);
    }
    // And the scratch table is clean again after a comparison: the same result once more.
    expect(JSON.stringify(compareClaims(docs))).toBe(flat);
  });
});
