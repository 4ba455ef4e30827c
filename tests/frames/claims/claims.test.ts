import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { ClaimsComparisonSchema, claimsAnalyzer, compareClaims, extractFacts, splitClaims } from '../../../src/frames/claims/index.js';

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
