import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../helpers.js';
import { compareWording, corpusStats, hasSharedPassage, WordingSchema } from '../../src/compare/index.js';
import { buildDoc, recordFromText } from '../../src/pipeline/build-doc.js';

const STORY =
  'The US, Japan and South Korea are forging a military alliance in Asia that bears strong similarities to NATO, the North Korean Foreign Ministry has said, blasting the actions of the three countries as a threat to regional stability. ' +
  'The exercise, which took place between June 27 and 29, featured a number of warships, including the USS Theodore Roosevelt aircraft carrier, according to the US Navy.';

const FILLER = [
  'Heavy rain flooded the riverside market on Tuesday, and traders moved their stalls to higher ground near the old station.',
  'The city council approved a new budget for school repairs after a long debate about the cost of heating older buildings.',
  'A local football club signed two young players from the regional academy ahead of the autumn season.',
];

describe('compareWording', () => {
  it('compareWording(a, b) labels a verbatim copy wholly derived both ways with one passage of edit similarity 1', () => {
    const a = makeTestDoc(STORY, { id: 'a' });
    const b = makeTestDoc(STORY, { id: 'b' });
    const w = compareWording(a, b, corpusStats([a, b]));
    expect(WordingSchema.parse(w)).toEqual(w);
    expect(w.passages).toHaveLength(1);
    expect(w.passages[0]!.editSimilarity).toBe(1);
    expect(w.derivation.a.label).toBe('wholly');
    expect(w.derivation.b.label).toBe('wholly');
    expect(w.scores.jaccard.value).toBe(1);
    expect(w.scores.containment.a.passages).toEqual([0]);
    expect(w.reuse).toBe('copied-narrative');
  });

  it('compareWording(a, b) finds a copy with a changed word, an inserted clause, curly quotes, hyphenation and "U.S." as one passage with edit similarity below 1', () => {
    const a = makeTestDoc(`Seoul reacted quickly. ${STORY}`, { id: 'a' });
    const edited = STORY.replace('The US, Japan', 'The U.S., Japan')
      .replace('military alliance in Asia', 'military-alliance in Asia, officials in Pyongyang claimed on Sunday,')
      .replace('strong similarities', 'striking similarities')
      .replace('Theodore Roosevelt aircraft carrier', '“Theodore Roosevelt” aircraft carrier');
    const b = makeTestDoc(`${edited} Markets were calm.`, { id: 'b' });
    const w = compareWording(a, b, corpusStats([a, b]));
    expect(w.passages).toHaveLength(1);
    const p = w.passages[0]!;
    expect(p.editSimilarity).toBeLessThan(1);
    expect(p.editSimilarity).toBeGreaterThan(0.7);
    expect(p.text.a.startsWith('The US, Japan')).toBe(true);
    expect(p.text.b.startsWith('The U.S., Japan')).toBe(true);
    expect(p.text.b.endsWith('US Navy')).toBe(true);
    expect(w.derivation.a.label).toBe('wholly');
  });

  it('compareWording(a, b) reports offsets that slice to the passage text on both sides, in the cleaned and the original text', () => {
    const a = buildDoc(recordFromText('a', `Intro line here.\n\n${STORY}\n\nFooter.`));
    const b = buildDoc(recordFromText('b', `${FILLER[0]} ${STORY}`));
    const w = compareWording(a, b, corpusStats([a, b]));
    expect(w.passages.length).toBeGreaterThan(0);
    for (const p of w.passages) {
      expect(a.text.slice(p.a.start, p.a.end)).toBe(p.text.a);
      expect(b.text.slice(p.b.start, p.b.end)).toBe(p.text.b);
      expect(a.original.slice(p.original.a.start, p.original.a.end)).toBe(p.text.a);
      expect(b.original.slice(p.original.b.start, p.original.b.end)).toBe(p.text.b);
    }
  });

  it('compareWording(a, b) finds nothing and labels non-derived when two articles share no wording', () => {
    const a = makeTestDoc(STORY, { id: 'a' });
    const b = makeTestDoc(FILLER.join(' '), { id: 'b' });
    const w = compareWording(a, b, corpusStats([a, b]));
    expect(w.passages).toEqual([]);
    expect(w.derivation.a.label).toBe('non');
    expect(w.derivation.b.label).toBe('non');
    expect(w.reuse).toBe('none');
    expect(w.direction.reason).toBe('no-shared-passages');
  });

  it('compareWording(a, b) does not count a stock phrase common in the corpus as a passage', () => {
    const stock = 'said in a statement carried by the state-run Korean Central News Agency';
    const topics = ['a missile launch', 'the harvest', 'a new bridge', 'a party congress', 'a flood', 'a football match', 'an embassy visit'];
    const docs = topics.map((t, i) => makeTestDoc(`Officials spoke about ${t} on day ${i}. A spokesman ${stock} on Friday. Reporters asked about ${t} and ${FILLER[i % 3]}`, { id: `d${i}` }));
    const w = compareWording(docs[0]!, docs[1]!, corpusStats(docs));
    expect(w.passages).toEqual([]);
    expect(w.derivation.a.label).toBe('non');
    expect(w.scores.containment.a.value).toBeGreaterThan(0);
  });

  it('compareWording(a, b) names the earlier article as the likely source and says why when it cannot', () => {
    const early = makeTestDoc(STORY, { id: 'early', published: '2024-06-30' });
    const late = makeTestDoc(`${STORY} More follows.`, { id: 'late', published: '2024-07-01' });
    const same = makeTestDoc(STORY, { id: 'same', published: '2024-06-30' });
    const undated = makeTestDoc(STORY, { id: 'undated' });
    const stats = corpusStats([early, late, same, undated]);
    const d1 = compareWording(late, early, stats).direction;
    expect(d1).toMatchObject({ source: 'b', sourceId: 'early', reason: 'earlier-date' });
    expect(compareWording(early, same, stats).direction).toMatchObject({ source: null, reason: 'same-date' });
    const d3 = compareWording(early, undated, stats).direction;
    expect(d3).toMatchObject({ source: null, reason: 'missing-date' });
    expect(d3.note).toContain('undated');
  });

  it('compareWording(a, b) gives the same passages whichever article comes first', () => {
    const a = makeTestDoc(`Seoul reacted quickly. ${STORY}`, { id: 'a' });
    const b = makeTestDoc(`${FILLER[1]} ${STORY.replace('strong', 'striking')}`, { id: 'b' });
    const stats = corpusStats([a, b]);
    const ab = compareWording(a, b, stats);
    const ba = compareWording(b, a, stats);
    expect(ba.passages.map((p) => [p.b, p.a])).toEqual(ab.passages.map((p) => [p.a, p.b]));
    expect(ba.scores.jaccard).toEqual(ab.scores.jaccard);
  });

  it('hasSharedPassage(a, b) says whether compareWording(a, b) finds a passage', () => {
    const a = makeTestDoc(STORY + ' ' + FILLER[0], { id: 'a' });
    const b = makeTestDoc(FILLER[1] + ' ' + STORY, { id: 'b' });
    const c = makeTestDoc(FILLER[2]!, { id: 'c' });
    const stats = corpusStats([a, b, c]);
    expect(hasSharedPassage(a, b, stats)).toBe(true);
    expect(compareWording(a, b, stats).passages.length).toBeGreaterThan(0);
    expect(hasSharedPassage(a, c, stats)).toBe(false);
    expect(compareWording(a, c, stats).passages).toHaveLength(0);
  });
});
