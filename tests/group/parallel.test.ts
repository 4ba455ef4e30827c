import { describe, expect, it } from 'vitest';
import { extractFeatures, groupWithDiagnostics, type ArticleFeatures } from '../../src/group/index.js';
import { groupWithHelper } from '../../src/group/group.js';
import { runChunk, type Helper, type Job } from '../../src/group/parallel.js';
import { makeTestDoc } from '../helpers.js';

// A corpus of look-alike reports: 12 happenings (place, figure, day) told in 3 wordings by several outlets, plus unrelated items.
const places = ['Qeshm', 'Sonoma', 'Hokkaido', 'Izmir', 'Lombok', 'Chiapas', 'Anchorage', 'Crete', 'Luzon', 'Kermadec', 'Aceh', 'Valparaiso'];
const wordings = [
  (p: string, m: string) => `A magnitude ${m} earthquake struck near ${p} on Sunday, damaging buildings and injuring several people, officials said.`,
  (p: string, m: string) => `Officials said the magnitude ${m} quake near ${p} damaged buildings; several people were injured when it hit on Sunday.`,
  (p: string, m: string) => `Rescue teams reached ${p} after the ${m} earthquake damaged buildings; several people were hurt, officials said.`,
];
const noise = ['The city council approved a new budget for public libraries and parks.', 'A local bakery won a national prize for its sourdough bread.', 'Shares of technology companies rose after the central bank kept rates unchanged.'];

function corpus(): ArticleFeatures[] {
  const out: ArticleFeatures[] = [];
  places.forEach((p, e) => {
    const m = `${4 + (e % 4)}.${e % 10}`;
    const day = `2024-0${1 + (e % 9)}-1${e % 10}`;
    for (let k = 0; k < 9; k++) out.push(extractFeatures(makeTestDoc(`${wordings[k % 3]!(p, m)} Outlet ${k} reported.`, { id: `e${e}-${k}`, published: day })));
  });
  for (let k = 0; k < 30; k++) out.push(extractFeatures(makeTestDoc(`${noise[k % 3]!} Item ${k}.`, { id: `n${k}` })));
  return out;
}

/** A helper on this thread that runs every job in chunks of 5, last chunk first: a split unlike the main thread's. */
const reversed: Helper & { runs: number } = {
  runs: 0,
  share(job: Job, total: number) {
    for (let from = Math.floor((total - 1) / 5) * 5; from >= 0; from -= 5) {
      runChunk(job, from, Math.min(total, from + 5));
      this.runs++;
    }
  },
  helped() {
    return this.runs;
  },
  close() {},
};

describe('grouping with a helper thread', () => {
  const feats = corpus();
  const single = groupWithDiagnostics(feats, { parallel: 'off' });

  it('groupWithDiagnostics gives the same grouping and candidate pairs with the helper thread as on the main thread alone', () => {
    const shared = groupWithDiagnostics(feats, { parallel: 'on' });
    expect(JSON.stringify(shared.grouping)).toBe(JSON.stringify(single.grouping));
    expect(shared.candidates).toEqual(single.candidates);
    expect(single.helperChunks).toBe(0);
  });

  it('groupWithHelper gives the same grouping whatever the split of the work into chunks', () => {
    const split = groupWithHelper(feats, reversed);
    expect(reversed.runs).toBeGreaterThan(10);
    expect(JSON.stringify(split.grouping)).toBe(JSON.stringify(single.grouping));
    expect(split.candidates).toEqual(single.candidates);
  });

  it('gives the same grouping when chunks run twice, as when a slow helper finishes a chunk the main thread took over', () => {
    const twice: Helper = {
      share(job: Job, total: number) {
        for (let from = 0; from < total; from += 7) {
          runChunk(job, from, Math.min(total, from + 7));
          runChunk(job, Math.max(0, from - 7), Math.min(total, from + 7));
        }
      },
      helped: () => 0,
      close() {},
    };
    const again = groupWithHelper(feats, twice);
    expect(JSON.stringify(again.grouping)).toBe(JSON.stringify(single.grouping));
    expect(again.candidates).toEqual(single.candidates);
  });

  it('the test corpus is grouped into its happenings (the comparison above is not over trivial output)', () => {
    const multi = single.grouping.events.filter((e) => e.articleIds.length > 1);
    expect(multi.length).toBeGreaterThanOrEqual(10);
  });
});

describe('dense feature ids', () => {
  // Pairs of articles sharing 200 features, each with 300 features of its own: so many distinct keys that
  // the numbering's parts overflow their room (a quarter of the occurrences) and are numbered again on one thread.
  const feats: ArticleFeatures[] = [];
  for (let a = 0; a < 160; a++) {
    const keys = new Set<number>();
    for (let k = 0; k < 200; k++) keys.add(((Math.floor(a / 2) * 1000 + k) * 8 + 1) >>> 0);
    for (let k = 0; k < 300; k++) keys.add(((100_000 + a * 1000 + k) * 8) >>> 0);
    const sorted = [...keys].sort((x, y) => x - y);
    feats.push({ id: `a${String(a).padStart(3, '0')}`, outlet: null, published: null, anchor: null, floorYear: null, keys: sorted, counts: sorted.map(() => 1), spans: [], labels: '', words: 500 });
  }

  it('a corpus with more distinct features than the numbering parts have room for is grouped the same with the helper split as on one thread', () => {
    const single = groupWithDiagnostics(feats, { parallel: 'off' });
    const split = groupWithHelper(feats, reversed);
    expect(JSON.stringify(split.grouping)).toBe(JSON.stringify(single.grouping));
    expect(single.grouping.events.map((e) => e.articleIds.length)).toEqual(Array.from({ length: 80 }, () => 2));
  });
});
