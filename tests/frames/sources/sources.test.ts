import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { buildDoc, recordFromText } from '../../../src/pipeline/build-doc.js';
import { QuoteDataSchema, SourcesSummarySchema, attribute, findQuoteSpans, quotesAnalyzer, summarizeSources, type QuoteData } from '../../../src/frames/sources/index.js';

function quotes(text: string, outlet = 'Test') {
  const doc = makeTestDoc(text, { outlet });
  return { doc, found: attribute(doc) };
}

function quoteContaining(text: string, needle: string) {
  const { doc, found } = quotes(text);
  const a = found.find((f) => f.kind !== 'reported' && doc.text.slice(f.start, f.end).includes(needle));
  if (!a) throw new Error(`no quote containing ${needle}`);
  return a;
}

describe('quote spans', () => {
  it('pairs a closing mark used as an opening mark, as in RT’s text', () => {
    const text = '”This means a new bloc,” the ministry stressed.';
    const spans = findQuoteSpans(text, [{ start: 0, end: text.length }]);
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('”This means a new bloc,”');
  });

  it('keeps a quote of several sentences as one span and runs an unclosed quote to the paragraph end', () => {
    const text = '"We will respond. We are ready," he said.\n\n"The drills must stop.\n\n"This is final," the spokesman said.';
    const doc = makeTestDoc(text);
    const spans = findQuoteSpans(doc.text, doc.paragraphs);
    expect(spans.map((s) => doc.text.slice(s.start, s.end))).toEqual(['"We will respond. We are ready,"', '"The drills must stop.', '"This is final,"']);
    expect(spans[1]!.closed).toBe(false);
  });

  it('does not take apostrophes for closing single quotes', () => {
    const text = 'North Korea’s ministry called it an ‘Asian NATO’ in Pyongyang’s statement.';
    const spans = findQuoteSpans(text, [{ start: 0, end: text.length }]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['‘Asian NATO’']);
  });
});

describe('speakers', () => {
  it('resolves a pronoun to the person named in the previous attribution', () => {
    const text = 'Defense analyst John Kim said the drills were routine. "They happen every year," he said.';
    const a = quoteContaining(text, 'every year');
    expect(a.speaker).toBe('John Kim');
    expect(a.resolution).toBe('pronoun');
  });

  it('resolves a role noun to the earlier, more specific phrase with the same head', () => {
    const text =
      'KCNA reported the comments of the North Korean foreign ministry spokesperson on Sunday.\n\n“The reality clearly shows the real purpose,” the spokesperson added.';
    const a = quoteContaining(text, 'reality');
    expect(a.speaker).toBe('North Korean foreign ministry spokesperson');
    expect(a.resolution).toBe('role');
    expect(a.verb).toBe('add');
  });

  it('resolves "the statement" to whoever issued the last attributed words', () => {
    const text = 'The Foreign Ministry of Japan said the test was a violation. This “has crossed the red line,” the statement reads.';
    const a = quoteContaining(text, 'red line');
    expect(a.speaker).toBe('Foreign Ministry of Japan');
    expect(a.resolution).toBe('document');
  });

  it('takes the full name written earlier for a surname alone', () => {
    const text = 'Michael Bloomberg spoke in New York on Tuesday.\n\n“God help us,” Mr. Bloomberg said.';
    expect(quoteContaining(text, 'God').speaker).toBe('Michael Bloomberg');
  });

  it('keeps a name before an appositive and records the appositive', () => {
    const text = 'Josh Earnest, the White House press secretary, told reporters that he was “taken aback by the remarks.”';
    const a = quoteContaining(text, 'taken aback');
    expect(a.speaker).toBe('Josh Earnest');
    expect(a.speakerTitle).toBe('the White House press secretary');
  });
});

describe('reporting verbs and kinds', () => {
  it('separates evaluative from neutral reporting verbs', () => {
    expect(quoteContaining('“The plan is dangerous,” the minister claimed.', 'dangerous').verbClass).toBe('evaluative');
    expect(quoteContaining('“The plan is ready,” the minister said.', 'ready').verbClass).toBe('neutral');
  });

  it('finds "according to" attributions for a partial quote', () => {
    const text = 'The drill was designed to “promote interoperability and peace,” according to the US Navy.';
    const a = quoteContaining(text, 'interoperability');
    expect(a).toMatchObject({ kind: 'partial', speaker: 'US Navy', verb: 'according to', verbClass: 'neutral', sourceType: 'military' });
  });

  it('attributes a partial quote that is itself the verb to the phrase before it', () => {
    const text = 'In a statement, the Foreign Ministry “strongly denounced” the drills.';
    const a = quoteContaining(text, 'denounced');
    expect(a).toMatchObject({ kind: 'partial', speaker: 'Foreign Ministry', verb: 'denounce', verbClass: 'evaluative', sourceType: 'government' });
  });

  it('finds reported speech with an accusation and its speaker', () => {
    const { doc, found } = quotes('The DPRK accused the participating countries of provocative military actions.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'reported', speaker: 'DPRK', verb: 'accuse', verbClass: 'evaluative', sourceType: 'government' });
    expect(doc.text.slice(found[0]!.cueSpan!.start, found[0]!.cueSpan!.end)).toBe('accused');
  });

  it('does not take a passive "is accused of" as its subject speaking', () => {
    expect(quotes('North Korea is accused of breaking international arms agreements.').found).toHaveLength(0);
  });

  it('marks unnamed officials and sources as anonymous', () => {
    const { found } = quotes('Officials said the talks would resume next week. A source told reporters the deal was close.');
    expect(found.map((f) => f.sourceType)).toEqual(['anonymous', 'anonymous']);
  });

  it('marks state media as a source type', () => {
    const { found } = quotes('The state-run Korean Central News Agency reported that the launch succeeded.');
    expect(found[0]).toMatchObject({ kind: 'reported', sourceType: 'state-media' });
  });
});

describe('quotes layer and summary', () => {
  it('builds findings whose data fit the schema and whose text is the covered slice', () => {
    const doc = makeTestDoc('“We stand ready,” the ministry said.', { outlet: 'A' });
    const findings = quotesAnalyzer.run(doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.text).toBe(doc.text.slice(findings[0]!.start, findings[0]!.end));
    expect(() => QuoteDataSchema.parse(findings[0]!.data)).not.toThrow();
  });

  it('summarizes voices and the quoted share per outlet, independent of input order', () => {
    const a = makeTestDoc('“We stand ready,” the ministry said. Officials said more drills were planned.', { id: 'a', outlet: 'A' });
    const b = makeTestDoc('The report said nothing about the talks at all.', { id: 'b', outlet: 'B' });
    const s1 = summarizeSources([a, b]);
    const s2 = summarizeSources([b, a]);
    expect(JSON.stringify(s1)).toBe(JSON.stringify(s2));
    SourcesSummarySchema.parse(s1);
    const outletA = s1.outlets.find((o) => o.outlet === 'A')!;
    expect(outletA.quotes).toEqual({ direct: 1, partial: 0, reported: 1 });
    expect(outletA.quotedShare).toBeCloseTo('We stand ready,'.length / a.text.length, 6);
    expect(outletA.voices.map((v) => v.speaker)).toContain('ministry');
  });

  it('counts the characters inside one opening and one closing mark, and lists verbs and source types sorted', () => {
    const doc = makeTestDoc('x', { id: 'q', outlet: 'Q' });
    const quote = (text: string, verb: string | null, sourceType: QuoteData['sourceType']) => ({
      analyzer: 'quotes',
      rule: 'test',
      start: 0,
      end: text.length,
      text,
      data: { kind: 'direct', speaker: 'Kim', resolution: 'name', verb, verbClass: verb ? 'neutral' : null, sourceType } satisfies QuoteData,
    });
    doc.layers.quotes = [quote('"Hi"', 'said', 'government'), quote('“Yes.”', 'added', 'expert'), quote('"', 'said', 'government'), quote('ab”', null, 'anonymous'), quote('«a', null, 'government')];
    const outlet = summarizeSources([doc]).outlets[0]!;
    expect(outlet.voices[0]!.quotedChars).toBe(2 + 4 + 0 + 2 + 1);
    expect(outlet.voices[0]!.verbs).toEqual({ added: 1, said: 2 });
    expect(Object.keys(outlet.voices[0]!.verbs)).toEqual(['added', 'said']);
    expect(Object.keys(outlet.bySourceType)).toEqual(['anonymous', 'expert', 'government']);
  });
});

describe('bundled sample', () => {
  const read = (name: string) => readFileSync(new URL(`../../../data/sample/${name}`, import.meta.url), 'utf8');

  it('attributes the 30 June statement’s quotes to the North Korean Foreign Ministry in the RT article (002)', () => {
    const doc = buildDoc(recordFromText('002', read('002_c109a28eec74ea5f.txt'), { outlet: 'RT' }));
    const found = quotesAnalyzer.run(doc).map((f) => ({ text: f.text, ...(f.data as QuoteData) }));
    const statement = ['strongly denounced', 'world domination', 'has already crossed the red-line', 'full-fledged appearance of Asian version'];
    for (const needle of statement) {
      const q = found.find((f) => f.kind !== 'reported' && f.text.includes(needle));
      expect(q, needle).toBeDefined();
      expect(q!.speaker, needle).toBe('North Korean Foreign Ministry');
      expect(q!.sourceType).toBe('government');
    }
    const navy = found.find((f) => f.text.includes('promote trilateral interoperability'));
    expect(navy?.speaker).toBe('US Navy');
  });

  it('attributes the statement in the other outlet (001) to North Korea', () => {
    const doc = buildDoc(recordFromText('001', read('001_25f2c3e4e1f9c047.txt'), { outlet: 'Other' }));
    const found = attribute(doc);
    const calling = found.find((f) => f.kind === 'partial' && doc.text.slice(f.start, f.end).includes('Asian version of NATO'));
    expect(calling?.speaker).toBe('North Korea');
    expect(found.some((f) => f.kind === 'reported' && f.verb === 'accuse' && f.speaker === 'DPRK')).toBe(true);
  });
});
