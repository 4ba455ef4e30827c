import { describe, expect, it } from 'vitest';
import { findReuse, ReuseClusterSchema } from '../../src/compare/index.js';

const WIRE =
  'The US, Japan and South Korea are forging a military alliance in Asia that bears strong similarities to NATO, the North Korean Foreign Ministry has said, blasting the actions of the three countries as a threat to regional stability and peace.';
const other = (i: number) => `Story number ${i} covers the ${['harvest', 'bridge', 'election', 'storm'][i % 4]} in detail with local voices and figures from ${2000 + i}.`;

describe('findReuse', () => {
  it('findReuse(docs) clusters a passage reprinted by three outlets and ignores unrelated articles', async () => {
    async function* docs() {
      yield { id: 'r1', text: `${other(1)} ${WIRE}`, outlet: 'Wire', published: '2024-06-30' };
      yield { id: 'u1', text: other(2), outlet: 'Local', published: '2024-06-30' };
      yield { id: 'r2', text: `${WIRE.replace('strong', 'striking')} ${other(3)}`, outlet: 'Site B', published: '2024-07-01' };
      yield { id: 'r3', text: `Breaking: ${WIRE}`, outlet: 'Site C', published: '2024-07-02' };
    }
    const clusters = await findReuse(docs());
    expect(clusters).toHaveLength(1);
    const c = ReuseClusterSchema.parse(clusters[0]);
    expect(c.articleCount).toBe(3);
    expect(c.outlets).toEqual(['Site B', 'Site C', 'Wire']);
    expect(c.dateRange).toEqual({ from: '2024-06-30', to: '2024-07-02' });
    expect(c.earliest).toBe('r1');
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('findReuse(docs) reports passage offsets that slice to the passage text', async () => {
    const docs = [
      { id: 'a', text: `${other(5)} ${WIRE}` },
      { id: 'b', text: `${WIRE} ${other(6)}` },
    ];
    const [c] = await findReuse(docs);
    for (const p of c!.passages) expect(docs.find((d) => d.id === p.articleId)!.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('findReuse(docs) gives the same clusters for the same articles in another order', async () => {
    const docs = [
      { id: 'a', text: `${other(5)} ${WIRE}` },
      { id: 'b', text: `${WIRE} ${other(6)}` },
      { id: 'c', text: `Also: ${WIRE}` },
    ];
    expect(await findReuse([...docs].reverse())).toEqual(await findReuse(docs));
  });
});
