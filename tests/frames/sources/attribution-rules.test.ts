import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { attribute } from '../../../src/frames/sources/index.js';

function quoteContaining(text: string, needle: string) {
  const doc = makeTestDoc(text);
  const a = attribute(doc).find((f) => f.kind !== 'reported' && doc.text.slice(f.start, f.end).includes(needle));
  if (!a) throw new Error(`no quote containing ${needle}`);
  return { doc, a };
}

describe('attribution across clauses', () => {
  it('reads a party code after the name and records party and chamber with their evidence', () => {
    const { doc, a } = quoteContaining('"I deeply respect the president," Sen. Richard Blumenthal (D-Conn.) said ahead of the vote.', 'deeply');
    expect(a.speaker).toBe('Richard Blumenthal');
    expect(a.speakerGroup).toMatchObject({ party: 'Democratic', chamber: 'Senate' });
    expect(a.speakerGroup!.evidence.map((s) => doc.text.slice(s.start, s.end))).toEqual(['Sen.', 'D-Conn.']);
  });

  it('joins two subjects linked by "and" before the verb', () => {
    const { a } = quoteContaining('"He is unfit," Majority Leader Jeff McCabe (D) and Assistant Leader Sara Gideon (D) said.', 'unfit');
    expect(a.speaker).toBe('Majority Leader Jeff McCabe and Assistant Leader Sara Gideon');
  });

  it('takes the phrase before ", who said" as the speaker of a relative clause', () => {
    const { a } = quoteContaining('The raid drew scrutiny from President Trump, who said "coyotes are treated better."', 'coyotes');
    expect(a.speaker).toBe('President Trump');
    expect(a.speakerTitle).toBeUndefined();
  });

  it('keeps a name suffix and a lower-case surname particle in the subject', () => {
    expect(quoteContaining('Trump Jr. replied, "Off the record I do not know who that is."', 'Off the record').a.speaker).toBe('Trump Jr.');
    expect(quoteContaining('"I am appalled," diGenova, who advised the president for years, said.', 'appalled').a.speaker).toBe('diGenova');
  });

  it('finds the subject before an appositive that ends in a party code', () => {
    const { a } = quoteContaining('Elizabeth Lauten, the communications director for Rep. Stephen Fincher (R-Tenn.), wrote that they should "try showing a little class."', 'class');
    expect(a.speaker).toBe('Elizabeth Lauten');
  });

  it('attributes partial quotes after "went on to say" to the clause subject, and the next quote of the sentence too', () => {
    const text = 'Ms. Lauten posted an apology. She went on to say that the girls were “coming up short” because their parents “don’t respect their positions.”';
    const { doc } = quoteContaining(text, 'coming up');
    const found = attribute(doc).filter((f) => f.kind !== 'reported');
    expect(found.map((f) => [f.speaker, f.rule])).toEqual([
      ['Lauten', 'before-infinitive'],
      ['Lauten', 'continues-previous'],
    ]);
  });

  it('starts a participle clause after the previous quote, not at the sentence start inside it', () => {
    const text = '“Flynn lied, and it destroyed his life,” Trump said, before again claiming that Clinton “lied many times.”';
    expect(quoteContaining(text, 'lied many times').a.speaker).toBe('Trump');
  });

  it('attributes a paragraph introduced by a colon at the end of the previous paragraph', () => {
    const text = 'The Democratic National Committee issued a brief statement after the speech:\n\n“Okay. So here is the new foreign policy. Troops in the Middle East permanently.”';
    expect(quoteContaining(text, 'Okay').a).toMatchObject({ speaker: 'Democratic National Committee', rule: 'colon-intro' });
  });

  it('finds a subject after a leading prepositional phrase for a participle', () => {
    const text = 'Sen. Marco Rubio spoke in New York.\n\nIn Wednesday’s speech the senator also took a swipe at Hillary Clinton, calling her tenure "ineffective at best."';
    expect(quoteContaining(text, 'ineffective').a.speaker).toBe('Marco Rubio');
  });
});

describe('pronouns and documents', () => {
  it('does not give "she" to a male last speaker (given name cue)', () => {
    const text = '“They are feeling the heat,” said Senator Chuck Schumer.\n\nNancy Pelosi, who leads the House Democrats, wants a vote.\n\n“We are asking the president to open the government,” she told reporters.';
    expect(quoteContaining(text, 'open the government').a.speaker).toBe('Nancy Pelosi');
  });

  it('uses honorifics as gender cues', () => {
    const text = '“The plan is fine for everyone,” Mr. Gordon said. Ms. Avery was in the room. “The plan will fail in a year,” she said.';
    expect(quoteContaining(text, 'fail in a year').a.speaker).toBe('Avery');
  });

  it('moves "he" to a new clause subject introduced after the last speaker (salience, Lappin & Leass)', () => {
    const text =
      '“This was a crime,” Representative Adam Schiff said on Friday.\n\nMr. Cohen was sentenced in December to three years in prison. He said he acted out of loyalty to Mr. Trump, who he said “led me to choose a path of darkness.”';
    expect(quoteContaining(text, 'path of darkness').a.speaker).toBe('Cohen');
  });

  it('keeps "he" on the last speaker when the other person is only an object', () => {
    const text = '“Mattis was a stabilizing force,” Senator Mark Warner said. He called Mr. Mattis “an island of stability.”';
    expect(quoteContaining(text, 'island').a.speaker).toBe('Senator Mark Warner');
  });

  it('resolves "the ad" to whoever issued the ad introduced earlier', () => {
    const text = 'The Obama campaign said the plan would end Medicare.\n\nThe Romney campaign retorted with an ad of its own Tuesday. The ad says: “You paid into Medicare for years.”';
    expect(quoteContaining(text, 'paid into').a).toMatchObject({ speaker: 'Romney campaign', resolution: 'document' });
  });

  it('carries the title written with the full name to a later surname-only attribution', () => {
    const text = 'Obama campaign spokeswoman Lis Smith described the ad as “dishonest.”\n\n“The savings do not cut a single benefit,” Smith said.';
    const { a } = quoteContaining(text, 'savings');
    expect(a.speaker).toBe('Lis Smith');
    expect(a.speakerTitle).toBe('Obama campaign spokeswoman');
  });

  it('records the party stated before a name ("Republican Sen.")', () => {
    const { a } = quoteContaining('Republican Sen. Rand Paul grilled the secretary. “I think it is inexcusable,” Paul said.', 'inexcusable');
    expect(a.speakerGroup).toMatchObject({ party: 'Republican', chamber: 'Senate' });
  });

  it('describes speaker names sharing a surname from the same mentions, each mention read once (full name, then surname alone)', () => {
    const text = 'Republican Sen. Rand Paul (R-Ky.) grilled the secretary. “I think it is inexcusable,” Sen. Rand Paul said.\n\n“It is a disgrace,” Paul said later.';
    const doc = makeTestDoc(text);
    const found = attribute(doc).filter((f) => f.kind !== 'reported');
    expect(found.map((f) => f.speaker)).toEqual(['Rand Paul', 'Rand Paul']);
    for (const f of found) {
      expect(f.speakerGroup).toMatchObject({ party: 'Republican', chamber: 'Senate' });
      // Evidence from every mention of the person, sorted and without duplicates.
      const ev = f.speakerGroup!.evidence.map((s) => doc.text.slice(s.start, s.end));
      expect(ev).toContain('R-Ky.');
      expect(f.speakerGroup!.evidence).toEqual([...f.speakerGroup!.evidence].sort((x, y) => x.start - y.start || x.end - y.end));
      expect(new Set(f.speakerGroup!.evidence.map((s) => `${s.start}:${s.end}`)).size).toBe(ev.length);
    }
  });

  it('gives the same speakers whatever other article was attributed before (name facts are shared across articles)', () => {
    const a = 'Obama campaign spokeswoman Lis Smith described the ad as “dishonest.”\n\n“The savings do not cut a single benefit,” Smith said.';
    const b = 'The Smith Foundation issued a statement. “We are pleased,” the Smith Foundation said.';
    const alone = attribute(makeTestDoc(a));
    attribute(makeTestDoc(b));
    expect(attribute(makeTestDoc(a))).toEqual(alone);
    expect(alone.map((f) => f.speaker).at(-1)).toBe('Lis Smith');
  });
});

describe('quoted names and word facts', () => {
  function quotes(text: string) {
    const doc = makeTestDoc(text);
    return attribute(doc).map((a) => ({ kind: a.kind, text: doc.text.slice(a.start, a.end), speaker: a.speaker, rule: a.rule }));
  }

  it('skips a quoted title whose words are all capitalized, non-ASCII capitals included', () => {
    expect(quotes('The film “Élan Vital” opened on Friday, the studio said.')).toEqual([]);
  });

  it('keeps a short quote as speech when one word is lower case and longer than three letters (an apostrophe inside it)', () => {
    expect(quotes('The film “Ça ira mon vieux d’ailleurs” opened on Friday.')).toEqual([{ kind: 'partial', text: '“Ça ira mon vieux d’ailleurs”', speaker: null, rule: 'unattributed' }]);
  });

  it('finds "according to" after a partial quote', () => {
    expect(quotes('The plan “is doomed”, according to two officials familiar with it.')).toEqual([{ kind: 'partial', text: '“is doomed”', speaker: 'two officials', rule: 'according-to' }]);
  });

  it('reads the same phrase words again for later quotes without changing them (per-token word facts are cached per doc)', () => {
    const text = '“We will respond,” the foreign ministry spokesperson said. “The talks are over,” the spokesperson said.';
    const first = quotes(text);
    expect(first.map((q) => q.speaker)).toEqual(['foreign ministry spokesperson', 'foreign ministry spokesperson']);
    expect(quotes(text)).toEqual(first);
  });
});
