import { describe, expect, it } from 'vitest';
import { cleanText, STRUCTURAL_RULES } from '../../src/clean/index.js';
import { findLinkCards } from '../../src/clean/link-cards.js';
import { composeText, toOriginal } from '../../src/doc/offsets.js';
import { buildDoc, recordFromText } from '../../src/pipeline/build-doc.js';
import { tokenize } from '../../src/text/index.js';

// Shaped like The Hill's saved pages (bench corpus): each name link followed by its pop-up card.
const SANDERS_CARD = " Bernie Sanders2020 Democrats push for gun control action at forum Sanders heart procedures shines spotlight on age of top Democrats Sanders uses health scare to promote 'Medicare for All' MORE";
const TRUMP_CARD = " Donald John TrumpSessions says he still supports Trump despite ouster as AG House Republicans voice concerns about White House's impeachment messaging MORE";
const RYAN_CARD = " Paul Davis Ryan Retirees should say 'no thanks' to Romney's Social Security plan California Governor Newsom and family dress as 2020 Democrats for Halloween MORE";
const P2 = 'The senator told reporters on Tuesday that he would stay in the race until the last primary votes were counted in June.';

const cardsOf = (text: string): string[] => findLinkCards(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe('link cards (findLinkCards)', () => {
  it('finds a card glued to its first headline and one that is not', () => {
    expect(cardsOf(`Sen. Bernie Sanders${SANDERS_CARD} (Vt.) has an extraordinary opportunity.`)).toEqual([SANDERS_CARD]);
    expect(cardsOf(`Speaker Paul Ryan${RYAN_CARD} (R-Wis.) said the House will vote.`)).toEqual([RYAN_CARD]);
  });

  it('finds every card of a paragraph, each from the end of its visible name', () => {
    const text = `He ran against Donald Trump${TRUMP_CARD} and Sen. Bernie Sanders${SANDERS_CARD}.`;
    expect(cardsOf(text)).toEqual([TRUMP_CARD, SANDERS_CARD]);
  });

  it('leaves every other "MORE" alone', () => {
    for (const text of [
      'READ MORE',
      'He tweeted: "NATO countries must pay MORE"',
      'It said the prosecutor had not ruled out any suspects, including current and former officials. MORE',
      'He met Donald Trump at Trump Tower and asked for MORE',
      'Tickets for Trump Tower Trump Tower tours sold out. LEARN MORE',
    ]) {
      expect(cardsOf(text)).toEqual([]);
    }
  });
});

describe('cleanText cuts link cards out of kept paragraphs', () => {
  const original = `Sen. Bernie Sanders${SANDERS_CARD} (Vt.) has an extraordinary opportunity to change the course of political history.\n\n${P2}`;

  it('keeps the sentence around the card, records the card as removed and maps back to the original', () => {
    const result = cleanText(original);
    expect(result.text).toBe(`Sen. Bernie Sanders (Vt.) has an extraordinary opportunity to change the course of political history.\n\n${P2}`);
    const cut = result.removed.filter((r) => r.rule === STRUCTURAL_RULES.linkCard.name);
    expect(cut.map((r) => r.text)).toEqual([SANDERS_CARD]);
    expect(cut[0]!.reason).toBe('headline-list');
    // The character right after the name is the one right after the card in the original.
    const after = result.text.indexOf(' (Vt.)');
    expect(toOriginal(result.map, after)).toBe(original.indexOf(' (Vt.)'));
    for (const seg of result.map) expect(result.text.slice(seg.clean, seg.clean + seg.length)).toBe(original.slice(seg.orig, seg.orig + seg.length));
  });

  it('gives the text stage the tokens of the cut text, also when the clean stage scanned the blocks', () => {
    // The menu line above makes the clean stage scan tokens (overlap rules), which it hands on only for whole blocks.
    const doc = buildDoc(recordFromText('hill', `Home | Politics | Opinion\n\n${original}`));
    expect(doc.tokens.map((t) => [t.start, t.end])).toEqual(tokenize(doc.text, doc.sentences, 'en').map((t) => [t.start, t.end]));
    expect(doc.tokens.some((t) => t.norm === 'medicare')).toBe(false);
  });
});

describe('composeText with joined slices', () => {
  it('puts no separator before a joined slice', () => {
    const { text, map } = composeText('ab[cut]cd\nef', [{ start: 0, end: 2 }, { start: 7, end: 9, joined: true }, { start: 10, end: 12 }]);
    expect(text).toBe('abcd\n\nef');
    expect(map).toEqual([
      { clean: 0, orig: 0, length: 2 },
      { clean: 2, orig: 7, length: 2 },
      { clean: 6, orig: 10, length: 2 },
    ]);
  });
});

describe('link cards in odd input', () => {
  it('reads a paragraph of many "MORE"s once and finds the card after them', () => {
    const text = `${'MORE '.repeat(20_000)}He ran against Donald Trump${TRUMP_CARD} again.`;
    expect(cardsOf(text)).toEqual([TRUMP_CARD]);
  });
});

describe('link cards without headlines', () => {
  it('cuts an empty card glued to its "MORE" and keeps the story after it', () => {
    const text = "Aides are worried that campaign manager Brad Parscale Bradley (Brad) James ParscaleMORE is in over his head. Sen. Bernie Sanders" + SANDERS_CARD + ' agreed.';
    expect(cardsOf(text)).toEqual([' Bradley (Brad) James ParscaleMORE', SANDERS_CARD]);
  });

  it('leaves a word that merely ends in MORE', () => {
    expect(cardsOf('The city of BaltiMORE is not a card, and neither is SycaMORE Street.')).toEqual([]);
  });
});

describe('link cards after a name with a suffix', () => {
  it('keeps "Jr." with the visible name', () => {
    const card = " Donald (Don) John TrumpTrump Jr's 'Triggered' debuts at No. 1 on NY Times bestseller list GOP motions to subpoena whistleblower MORE";
    const text = `At that encounter, Donald Trump Jr.${card}, the president's son, spoke first.`;
    expect(cardsOf(text)).toEqual([card]);
  });
});
