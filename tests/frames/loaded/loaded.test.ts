import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestDoc } from '../../helpers.js';
import { buildPhraseIndex, compareLoaded, createLoadedAnalyzer, decodeSpans, detectLoaded, loadResources, LoadedDataSchema, loadedAnalyzer, trainLoadedModel, DEFAULT_TRAIN_OPTIONS, applyLoadedModel, matchPhrases, type LoadedData } from '../../../src/frames/loaded/index.js';
import { featureHash, tokenFeatureHashes } from '../../../src/frames/loaded/features.js';
import { sigmoid } from '../../../src/frames/loaded/logreg.js';
import { topCues } from '../../../src/frames/loaded/model.js';
import { findPatterns } from '../../../src/frames/loaded/patterns.js';

const dataOf = (f: { data?: Record<string, unknown> }): LoadedData => f.data as unknown as LoadedData;

/** Lexicon and patterns only: their behaviour does not depend on the trained weights. */
const rules = createLoadedAnalyzer(loadResources(), { lexicon: true, patterns: true, model: false });

describe('loadedAnalyzer', () => {
  it('uses the shipped tagger and keeps the lexicon’s neutral alternative inside tagged spans', () => {
    const doc = makeTestDoc('The senator blasted the regime for its muscle-flexing near the border.');
    const found = loadedAnalyzer.run(doc);
    const blasted = found.find((f) => f.start <= doc.text.indexOf('blasted') && doc.text.indexOf('blasted') < f.end)!;
    expect(blasted.label).toBe('Loaded_Language');
    expect(dataOf(blasted).neutral).toContain('criticized');
    expect(found.some((f) => f.rule === 'model')).toBe(true);
    for (const f of found) expect(() => LoadedDataSchema.parse(f.data)).not.toThrow();
  });

  it('finds loaded words with their technique and a neutral alternative', () => {
    const doc = makeTestDoc('The senator blasted the regime for its muscle-flexing near the border.');
    const found = rules.run(doc);
    const byText = new Map(found.map((f) => [f.text, f]));
    expect(byText.get('blasted')?.label).toBe('Loaded_Language');
    expect(dataOf(byText.get('blasted')!).neutral).toBe('criticized');
    expect(byText.get('regime')?.label).toBe('Name_Calling,Labeling');
    expect(dataOf(byText.get('regime')!).neutral).toBe('government');
    expect(dataOf(byText.get('muscle-flexing')!).neutral).toBe('military activity');
    for (const f of found) {
      expect(f.text).toBe(doc.text.slice(f.start, f.end));
      expect(() => LoadedDataSchema.parse(f.data)).not.toThrow();
    }
  });

  it('labels exaggeration, doubt, flag-waving and fear words with PTC technique names', () => {
    const doc = makeTestDoc('An unprecedented catastrophe threatens our nation, and the questionable report helps nobody.');
    const labels = new Map(rules.run(doc).map((f) => [f.text, f.label]));
    expect(labels.get('unprecedented')).toBe('Exaggeration,Minimisation');
    expect(labels.get('catastrophe')).toBe('Appeal_to_fear-prejudice');
    expect(labels.get('our nation')).toBe('Flag-Waving');
    expect(labels.get('questionable')).toBe('Doubt');
  });

  it('names "so-called" labels and "<Name> regime" as name-calling with a neutral form', () => {
    const doc = makeTestDoc('The so-called experts praised the Assad regime.');
    const found = loadedAnalyzer.run(doc);
    const soCalled = found.find((f) => f.rule === 'pattern:so-called')!;
    expect(soCalled.text).toBe('so-called experts');
    expect(dataOf(soCalled).neutral).toBe('experts');
    const regime = found.find((f) => f.rule === 'pattern:name-regime')!;
    expect(regime.text).toBe('Assad regime');
    expect(dataOf(regime).neutral).toBe('Assad government');
  });

  it('flags a scare quote but not an attributed short quote', () => {
    const scare = rules.run(makeTestDoc('Officials keep warning about the ‘threat’ in the region.'));
    expect(scare.some((f) => f.rule === 'pattern:scare-quote' && f.text === '‘threat’')).toBe(true);
    const attributed = rules.run(makeTestDoc('The minister said the drills were “routine” and ended.'));
    expect(attributed.some((f) => f.rule === 'pattern:scare-quote')).toBe(false);
  });

  it('treats a question in the writer’s voice as doubt', () => {
    const found = loadedAnalyzer.run(makeTestDoc('The plan passed. But who really believes it will work?'));
    expect(found.some((f) => f.label === 'Doubt' && f.rule === 'pattern:rhetorical-question')).toBe(true);
  });

  it('is deterministic and returns findings sorted by offset', () => {
    const text = 'Critics slammed the absurd, shameful sham. The dictator ranted.';
    const a = loadedAnalyzer.run(makeTestDoc(text));
    const b = loadedAnalyzer.run(makeTestDoc(text));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (let i = 1; i < a.length; i++) expect(a[i]!.start).toBeGreaterThanOrEqual(a[i - 1]!.start);
  });
});

describe('trainLoadedModel', () => {
  const ex = (id: string, text: string, word: string | null, corpus: 'ptc' | 'basil' = 'ptc') => {
    const doc = makeTestDoc(text, { id });
    const start = word === null ? -1 : text.indexOf(word);
    return { id, doc, corpus, spans: word === null ? [] : [{ start, end: start + word.length, label: word === 'crooks' ? 'Name_Calling,Labeling' : 'Loaded_Language' }] };
  };
  const toy = [
    ex('a', 'They called the bridge a boondoggle again.', 'boondoggle'),
    ex('b', 'Another boondoggle was funded by the city.', 'boondoggle'),
    ex('c', 'The council approved the budget on Monday.', null),
    ex('d', 'That boondoggle cost the town a fortune.', 'boondoggle'),
    ex('e', 'The mayor opened the new library in spring.', null),
    ex('f', 'Those crooks in the council voted again.', 'crooks'),
    ex('g', 'Voters met the crooks at the town hall.', 'crooks'),
    ex('h', 'The bridge opened to traffic last year.', null),
  ];
  const options = { ...DEFAULT_TRAIN_OPTIONS, l2: 0.1, minFeatureCount: 1 };

  it('learns words seen inside gold spans and tags them, with the name-calling label where it applies', () => {
    const model = trainLoadedModel(toy, options);
    expect(model.trainedOn).toEqual({ ptc: 8, basil: 0 });
    expect(model.heads.span!.threshold).toBeGreaterThan(0);
    const analyzer = createLoadedAnalyzer({ phrases: buildPhraseIndex([]), model });
    const found = analyzer.run(makeTestDoc('The new bridge is a boondoggle, say the crooks.'));
    expect(found.map((f) => [f.text, f.rule, f.label])).toEqual([
      ['boondoggle', 'model', 'Loaded_Language'],
      ['crooks', 'model', 'Name_Calling,Labeling'],
    ]);
    expect(dataOf(found[0]!).cues!.length).toBeGreaterThan(0);
    expect(() => LoadedDataSchema.parse(found[0]!.data)).not.toThrow();
  });

  it('is deterministic and survives a JSON round trip unchanged', () => {
    const a = trainLoadedModel(toy, options);
    const b = trainLoadedModel([...toy].reverse(), options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    const text = 'A boondoggle for the crooks.';
    const run = (m: typeof a) => JSON.stringify(createLoadedAnalyzer({ phrases: buildPhraseIndex([]), model: m }).run(makeTestDoc(text, { id: 'x' })));
    expect(run(copy)).toBe(run(a));
  });

  it('trains a separate BASIL head and uses it under the basil scheme', () => {
    const basil = toy.map((e) => ({ ...e, id: `basil-${e.id}`, corpus: 'basil' as const }));
    const model = trainLoadedModel([...toy, ...basil], options);
    expect(model.trainedOn).toEqual({ ptc: 8, basil: 8 });
    expect(model.heads.basil).toBeDefined();
    const found = detectLoaded(makeTestDoc('What a boondoggle.'), { phrases: buildPhraseIndex([]), model }, { lexicon: false, patterns: false, model: true, scheme: 'basil' });
    expect(found.map((f) => [f.text, dataOf(f).source])).toEqual([['boondoggle', 'tagger:basil']]);
  });
});

describe('applyLoadedModel', () => {
  it('gives the probabilities of the hashed features summed in feature order, and each doc its own lexicon hits', () => {
    const docs = ['Those crooks blasted the boondoggle!', 'The council met on Monday; the regime’s crooks did not.'].map((t, i) => makeTestDoc(t, { id: `r${i}` }));
    const lexicon = buildPhraseIndex([{ name: 't', source: 's', licence: 'MIT', entries: [{ t: 'LL', w: 'blasted' }, { t: 'NC', w: 'crooks' }] }]);
    const model = trainLoadedModel(docs.map((doc, i) => ({ id: `r${i}`, doc, spans: [{ start: doc.text.indexOf('crooks'), end: doc.text.indexOf('crooks') + 6, label: 'Loaded_Language' }] })), { ...DEFAULT_TRAIN_OPTIONS, l2: 0.1, minFeatureCount: 1, innerFolds: 1 }, lexicon);
    const byHash = new Map(Object.entries(model.weights).map(([name, w]) => [featureHash(name), w[0]!]));
    const head = model.heads.span!;
    let hits = 0;
    for (const doc of [...docs, ...docs]) {
      const { keys, off } = tokenFeatureHashes(doc, lexicon);
      const probs = Array.from({ length: doc.tokens.length }, (_, i) => {
        let z = head.bias;
        for (let k = off[i]!; k < off[i + 1]!; k++) z += byHash.get(keys[k]!) ?? 0;
        return sigmoid(z);
      });
      const want = decodeSpans(doc, probs, head.threshold, model.options.maxGap, head.low).map((s) => [s.first, s.last, Math.round(s.score * 1e4) / 1e4]);
      expect(applyLoadedModel(doc, model, lexicon).map((h) => [h.first, h.last, h.score])).toEqual(want);
      hits += want.length;
      expect(matchPhrases(doc, lexicon).map((h) => doc.text.slice(doc.tokens[h.first]!.start, doc.tokens[h.last - 1]!.end))).toEqual(doc.id === 'r0' ? ['crooks', 'blasted'] : ['crooks']);
    }
    expect(hits).toBeGreaterThan(0);
  });
});

describe('topCues', () => {
  it('picks the first three of sorting by weight (largest first), ties by name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 19 }), { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 20, maxLength: 20 }), (touched, ws) => {
        const names = Array.from({ length: 20 }, (_, e) => `f${(e * 7) % 20}`);
        const best = Float64Array.from(ws, (w) => w / 4);
        const sorted = [...touched].sort((a, b) => best[b]! - best[a]! || (names[a]! < names[b]! ? -1 : 1));
        expect(topCues(touched, best, names)).toEqual(sorted.slice(0, 3).map((e) => names[e]!));
      }),
    );
  });
});

describe('decodeSpans', () => {
  it('merges adjacent positive tokens, bridges one function word, and grows over tokens above the low threshold', () => {
    const doc = makeTestDoc('an utter cesspool of filth and lies today');
    const p = [0.3, 0.3, 0.9, 0.1, 0.8, 0.1, 0.1, 0.05];
    expect(decodeSpans(doc, p, 0.5, 1).map((s) => [s.first, s.last])).toEqual([[2, 5]]);
    expect(decodeSpans(doc, p, 0.5, 0).map((s) => [s.first, s.last])).toEqual([[2, 3], [4, 5]]);
    // "utter" joins through the low threshold; "an" is a function word below θ, so it is trimmed.
    expect(decodeSpans(doc, p, 0.5, 1, 0.25).map((s) => [s.first, s.last])).toEqual([[1, 5]]);
  });

  it('does not join tokens across a sentence or a comma', () => {
    const doc = makeTestDoc('Shameful, disgraceful. Awful liars.');
    const spans = decodeSpans(doc, [0.9, 0.9, 0.9, 0.9], 0.5, 1).map((s) => doc.text.slice(doc.tokens[s.first]!.start, doc.tokens[s.last - 1]!.end));
    expect(spans).toEqual(['Shameful', 'disgraceful', 'Awful liars']);
  });
});

describe('compareLoaded', () => {
  it('counts loaded terms per outlet with rates and evidence', () => {
    const docs = [
      makeTestDoc('The regime blasted the report.', { id: 'a1', outlet: 'A' }),
      makeTestDoc('The government criticized the report.', { id: 'b1', outlet: 'B' }),
    ];
    const resources = tinyResources();
    for (const d of docs) d.layers.loaded = detectLoaded(d, resources);
    const cmp = compareLoaded(docs);
    expect(cmp.outlets.map((o) => o.outlet)).toEqual(['A', 'B']);
    const a = cmp.outlets[0]!;
    expect(a.spans).toBe(2);
    expect(a.rate).toBeCloseTo((2 / 5) * 1000, 3);
    expect(a.topTerms.find((t) => t.term === 'blasted')?.evidence[0]).toMatchObject({ doc: 'a1', text: 'blasted' });
    expect(cmp.outlets[1]!.spans).toBe(0);
    expect(cmp.exclusive.A).toContain('regime');
  });
});

function tinyResources() {
  return { phrases: buildPhraseIndex([{ name: 't', source: 's', licence: 'MIT', entries: [{ t: 'LL', w: 'blasted', n: 'criticized' }, { t: 'NC', w: 'regime', n: 'government' }] }]), model: null };
}

describe('findPatterns without scare quotes', () => {
  it('gives the other patterns\' hits unchanged (a caller that drops scare quotes skips looking for them)', () => {
    const texts = [
      'Officials keep warning about the ‘threat’ in the region. Why does the Assad regime care?',
      'The so-called reformers met. Officials keep warning about the ‘threat’ in the region.',
    ];
    for (const text of texts) {
      const doc = makeTestDoc(text);
      const all = findPatterns(doc);
      expect(all.some((p) => p.pattern === 'scare-quote')).toBe(true);
      expect(findPatterns(doc, false)).toEqual(all.filter((p) => p.pattern !== 'scare-quote'));
    }
  });
});
