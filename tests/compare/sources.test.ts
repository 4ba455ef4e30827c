import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { commonSources, CommonSourceSchema, compareWording, corpusStats } from '../../src/compare/index.js';

const QUOTE = 'the US-Japan-ROK relations have taken on the full-fledged appearance of an Asian version of NATO and threaten peace in the region';

describe('commonSources', () => {
  it('commonSources(docs, results) reads a quote shared inside quotation marks by two articles as a common source, not copying, and names it', () => {
    const a = makeTestDoc(`Pyongyang condemned the drills on Sunday. The Foreign Ministry said in a statement that “${QUOTE}.” Analysts expect more tests this summer.`, { id: 'a', published: '2024-06-30' });
    const b = makeTestDoc(`Tensions rose again after the naval exercise ended. "${QUOTE}," the Foreign Ministry said. Seoul has not replied to the remarks.`, { id: 'b', published: '2024-07-01' });
    const w = compareWording(a, b, corpusStats([a, b]));
    expect(w.passages).toHaveLength(1);
    expect(w.passages[0]!.kind).toBe('quote');
    expect(w.reuse).toBe('shared-quotes');
    const sources = commonSources([a, b], [w]);
    expect(sources).toHaveLength(1);
    const s = CommonSourceSchema.parse(sources[0]);
    expect(s.name).toBe('Foreign Ministry');
    expect(s.articles.map((x) => x.articleId)).toEqual(['a', 'b']);
    for (const x of s.articles) expect(x.text).toContain('Asian version of NATO');
    for (const e of s.nameEvidence) expect((e.articleId === 'a' ? a : b).text.slice(e.start, e.end)).toBe(e.text);
  });

  it('commonSources(docs, results) finds none when the shared text is narrative (copying)', () => {
    const a = makeTestDoc(`Officials said ${QUOTE}. More to come.`, { id: 'a' });
    const b = makeTestDoc(`Reports said ${QUOTE}. Nothing else.`, { id: 'b' });
    const w = compareWording(a, b, corpusStats([a, b]));
    expect(w.reuse).toBe('copied-narrative');
    expect(commonSources([a, b], [w])).toEqual([]);
  });
});
