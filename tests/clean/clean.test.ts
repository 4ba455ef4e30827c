import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isData, isTitleCase, STRUCTURAL_RULES, type CleanResult } from '../../src/clean/index.js';
import { splitBlocks } from '../../src/clean/blocks.js';

// A small story used by the fixtures: three prose paragraphs about one event.
const P1 = 'North Korea warned on Sunday that joint military drills by the United States and South Korea would bring a strong response.';
const P2 = 'The foreign ministry said the drills near the peninsula were a rehearsal for invasion and raised tensions in the region.';
const P3 = 'South Korea said the drills were defensive and that it would continue military cooperation with the United States.';

function lines(...parts: string[]): string {
  return parts.join('\n\n');
}

function removedBy(result: CleanResult, rule: string): string[] {
  return result.removed.filter((r) => r.rule === rule).map((r) => r.text);
}

/** The invariants every result must satisfy, whatever the input. */
function checkInvariants(original: string, result: CleanResult): void {
  const owner = new Uint8Array(original.length);
  let cleanPos = 0;
  let origPos = -1;
  for (const seg of result.map) {
    expect(result.text.slice(seg.clean, seg.clean + seg.length)).toBe(original.slice(seg.orig, seg.orig + seg.length));
    expect(seg.clean).toBeGreaterThanOrEqual(cleanPos);
    expect(seg.orig).toBeGreaterThan(origPos);
    cleanPos = seg.clean + seg.length;
    origPos = seg.orig + seg.length - 1;
    for (let i = seg.orig; i < seg.orig + seg.length; i++) owner[i] = 1;
  }
  for (const r of result.removed) {
    expect(r.text).toBe(original.slice(r.start, r.end));
    for (let i = r.start; i < r.end; i++) {
      expect(owner[i]).not.toBe(1);
      owner[i] = 2;
    }
  }
  for (let i = 0; i < original.length; i++) if (!/^(?:\s|\u200B|\u200C|\u200D|\u2060|\uFEFF)$/u.test(original[i]!)) expect(owner[i]).not.toBe(0);
}

describe('cleanText structural rules', () => {
  it('cleanText keeps a clean story whole, joined by blank lines', () => {
    const original = `${P1}\n${P2}\n\n   ${P3}   \n`;
    const result = cleanText(original);
    expect(result.text).toBe(lines(P1, P2, P3));
    expect(result.removed).toEqual([]);
  });

  it('cleanText returns empty text for empty or blank input', () => {
    expect(cleanText('')).toEqual({ text: '', map: [], removed: [] });
    expect(cleanText(' \n\t\n')).toEqual({ text: '', map: [], removed: [] });
  });

  it('headline-run drops three or more unrelated Title Case lines in the middle of a story', () => {
    const list = ['Stock Markets Rally After Central Bank Decision', 'Famous Actor Opens New Restaurant In Paris', 'Heavy Rain Floods Highways Across Texas'];
    const result = cleanText(lines(P1, ...list, P2, P3));
    expect(removedBy(result, STRUCTURAL_RULES.headlineRun.name)).toEqual(list);
    expect(result.text).toBe(lines(P1, P2, P3));
  });

  it('headline-run keeps two unrelated lines and a run of related intertitles', () => {
    const intertitles = ['Drills Near The Peninsula', 'South Korea Responds', 'Military Cooperation Continues'];
    const result = cleanText(lines(P1, intertitles[0]!, P2, intertitles[1]!, intertitles[2]!, P3));
    expect(result.text).toBe(lines(P1, intertitles[0]!, P2, intertitles[1]!, intertitles[2]!, P3));
  });

  it('list-after-label drops the headlines listed under a bare "Read more:" label', () => {
    const result = cleanText(lines(P1, P2, 'Read more:', 'North Korea fires missiles into the sea', 'Seoul and Washington sign new deal', P3));
    const teasers = result.removed.filter((r) => r.reason === 'teaser' || r.reason === 'headline-list').map((r) => r.text);
    expect(teasers).toEqual(['Read more:', 'North Korea fires missiles into the sea', 'Seoul and Washington sign new deal']);
    expect(removedBy(result, STRUCTURAL_RULES.listAfterLabel.name)).toEqual(['Seoul and Washington sign new deal']);
    expect(result.text).toBe(lines(P1, P2, P3));
  });

  it('read-more-neighbour drops the teased headline on both sides of a bare "Read more"', () => {
    const teaser = 'US wants to deploy previously banned missiles in Asia-Pacific – Moscow';
    const result = cleanText(lines(P1, teaser, 'Read more', teaser, P2, P3));
    expect(removedBy(result, STRUCTURAL_RULES.readMoreNeighbour.name)).toEqual([teaser, teaser]);
    expect(result.text).toBe(lines(P1, P2, P3));
  });

  it('read-more-neighbour keeps an intertitle next to a "SEE ALSO: <headline>" line', () => {
    const result = cleanText(lines(P1, 'DRILLS RESUME IN APRIL', 'SEE ALSO: Another story about something else', P2, P3));
    expect(result.text).toBe(lines(P1, 'DRILLS RESUME IN APRIL', P2, P3));
  });

  it('between-chrome drops a related-story card between a "Read Next:" line and a URL slug', () => {
    const result = cleanText(lines(P1, 'Read Next: An Unrelated Story', 'US-South Korea Missile Deal Amid Peninsula Tensions', 'us-south-korea-missile-deal-tensions', P2, P3));
    expect(removedBy(result, STRUCTURAL_RULES.chromeSandwich.name)).toEqual(['US-South Korea Missile Deal Amid Peninsula Tensions']);
  });

  it('unrelated-head-line drops a section name above the title and keeps title and standfirst', () => {
    const title = 'North Korea Warns Of Strong Response To Drills';
    const standfirst = 'The foreign ministry says the drills are a rehearsal for invasion';
    const result = cleanText(lines('Weapons of Mass Destruction (WMD)', title, standfirst, P1, P2, P3));
    expect(removedBy(result, STRUCTURAL_RULES.unrelatedHeadLine.name)).toEqual(['Weapons of Mass Destruction (WMD)']);
    expect(result.text).toBe(lines(title, standfirst, P1, P2, P3));
  });

  it('unrelated-head-line keeps a dateline paragraph and a table row at the head', () => {
    const result = cleanText(lines('TORONTO, March 3 - Shr eight cts vs five cts', 'Net 1.2 mln vs 0.8 mln', P1, P2));
    expect(result.text).toBe(lines('TORONTO, March 3 - Shr eight cts vs five cts', 'Net 1.2 mln vs 0.8 mln', P1, P2));
  });

  it('tail-short-line drops an unrelated headline after the story but keeps quoted speech', () => {
    const quote = '“Tell me,” he demanded of the room, “why is my son in prison?”';
    const result = cleanText(lines(P1, P2, P3, quote, 'Technocapitalism'));
    expect(removedBy(result, STRUCTURAL_RULES.tailShortLine.name)).toEqual(['Technocapitalism']);
    expect(result.text).toContain(quote);
  });

  it('author-box-text drops the bio under "About the author"', () => {
    const result = cleanText(lines(P1, P2, P3, 'About the author', 'Jane covers cars, boats and aviation for our weekend magazine'));
    expect(removedBy(result, STRUCTURAL_RULES.authorBoxText.name)).toEqual(['Jane covers cars, boats and aviation for our weekend magazine']);
  });

  it('breadcrumb-bullets drops the bulleted trail after "• HOME»" and keeps the title once', () => {
    const title = 'North Korea Condemns Joint Drills';
    const result = cleanText(`+\n  • HOME»\n  • ${title}\n\n${title}\n\n${P1}\n\n${P2}`);
    expect(removedBy(result, STRUCTURAL_RULES.breadcrumbBullets.name)).toEqual([`• ${title}`]);
    expect(result.text).toBe(lines(title, P1, P2));
  });

  it('same-as-earlier-block drops a repeated lede and keeps the first copy', () => {
    const result = cleanText(lines(P1, P2, P1, P3));
    expect(removedBy(result, STRUCTURAL_RULES.sameAsEarlier.name)).toEqual([P1]);
    expect(result.text).toBe(lines(P1, P2, P3));
    expect(result.map[2]!.orig).toBe(lines(P1, P2, P1).length + 2);
  });

  it('same-as-earlier-block keeps short repeated table rows', () => {
    const result = cleanText(lines(P1, 'Pay April 15', P2, 'Pay April 15', P3));
    expect(result.text).toBe(lines(P1, 'Pay April 15', P2, 'Pay April 15', P3));
  });

  it('excerpt-of-body drops a "[…]" teaser that repeats the opening of the story', () => {
    const excerpt = `${P1} The foreign ministry said the drills near the peninsula were [\u2026]`;
    const result = cleanText(lines(excerpt, P1, P2, P3));
    expect(removedBy(result, STRUCTURAL_RULES.excerptOfBody.name)).toEqual([excerpt]);
    expect(result.text).toBe(lines(P1, P2, P3));
  });

  it('contained-in-longer-block drops a pull quote that repeats a sentence of a paragraph', () => {
    const pull = 'the drills near the peninsula were a rehearsal for invasion';
    const result = cleanText(lines(P1, P2, pull, P3));
    expect(removedBy(result, STRUCTURAL_RULES.containedInLonger.name)).toEqual([pull]);
  });

  it('contained-in-longer-block finds a block at the end of a longer one and keeps one that only shares its opening', () => {
    const tail = 'officials said the drills were defensive and that it would continue military cooperation with the united states.';
    const sharesOpening = 'South Korea said the drills were defensive and would end next month, according to the defence ministry statement.';
    const result = cleanText(lines(P1, P2, P3, tail, sharesOpening));
    expect(removedBy(result, STRUCTURAL_RULES.containedInLonger.name)).toEqual([]);
    const inside = 'said the drills were defensive and that it would continue military cooperation with the United States.';
    const again = cleanText(lines(P1, P2, P3, inside, sharesOpening));
    expect(removedBy(again, STRUCTURAL_RULES.containedInLonger.name)).toEqual([inside]);
  });

  it('leading-bullet records the marker of a kept list item as markup', () => {
    const original = lines(P1, '• The drills involved aircraft carriers and destroyers from three countries.', P2);
    const result = cleanText(original);
    expect(removedBy(result, STRUCTURAL_RULES.leadingBullet.name)).toEqual(['• ']);
    expect(result.text).toContain('\n\nThe drills involved aircraft carriers');
    checkInvariants(original, result);
  });

  it('cleanText removes nothing by overlap when the text has no prose to compare with', () => {
    const original = 'Trump Signs Order On Trade\nCanada Delays Tariff Deal\nBarham Salih Elected To UN Post';
    expect(cleanText(original).text).toBe(lines('Trump Signs Order On Trade', 'Canada Delays Tariff Deal', 'Barham Salih Elected To UN Post'));
  });
});

describe('splitBlocks', () => {
  it('splitBlocks merges a line that continues lower-case after a line without final punctuation', () => {
    const original = 'The spokesperson said the recent agreement was a means\nto establish a military alliance.\nA new paragraph starts here.';
    const blocks = splitBlocks(original);
    expect(blocks.map((b) => b.text)).toEqual(['The spokesperson said the recent agreement was a means\nto establish a military alliance.', 'A new paragraph starts here.']);
  });

  it('splitBlocks joins hard-wrapped lines into paragraphs', () => {
    const wrapped = [
      'North Korea warned on Sunday that joint military drills by the United',
      'States and South Korea would bring a strong response from its armed',
      'forces, the state news agency said on Sunday in a statement carried',
      'by the official newspaper of the ruling party and read on television.',
      '',
      'The foreign ministry said the drills near the peninsula were a rehearsal',
      'for invasion and raised tensions in the region, according to the report',
      'carried by the agency on Sunday.',
    ].join('\n');
    const blocks = splitBlocks(wrapped);
    expect(blocks.length).toBe(2);
    expect(blocks[1]!.text.startsWith('The foreign ministry')).toBe(true);
  });

  it('splitBlocks keeps a marker with no words after it on its line as the block text', () => {
    expect(splitBlocks('•\nNext line').map((b) => [b.start, b.bodyStart, b.text])).toEqual([
      [0, 0, '•'],
      [2, 2, 'Next line'],
    ]);
    // A lower-case line continues it, and the marker's white space is then the line break.
    expect(splitBlocks('•\nnext line').map((b) => [b.start, b.bodyStart, b.text])).toEqual([[0, 2, 'next line']]);
    expect(splitBlocks('## \u00A0Title').map((b) => [b.bodyStart, b.text])).toEqual([[4, 'Title']]);
  });

  it('splitBlocks does not continue a paragraph with a bulleted or upper-case line, or across a blank line', () => {
    const texts = (original: string): string[] => splitBlocks(original).map((b) => b.text);
    expect(texts('the minister said\n- and then')).toEqual(['the minister said', 'and then']);
    expect(texts('the minister said\nThen he left')).toEqual(['the minister said', 'Then he left']);
    expect(texts('the minister said\n \nand then')).toEqual(['the minister said', 'and then']);
    expect(texts('the minister said:\nand then')).toEqual(['the minister said:', 'and then']);
    expect(texts('the minister said \r\nand then')).toEqual(['the minister said \r\nand then']);
  });

  it('splitBlocks trims Unicode spaces and splits off a leading bullet', () => {
    const [b] = splitBlocks('\u00A0\u00A0 • HOME»  ');
    expect(b).toEqual({ start: 3, bodyStart: 5, end: 10, text: 'HOME»' });
  });
});

describe('cleanText invariants (property)', () => {
  const pool = [
    P1,
    P2,
    P3,
    'Read more',
    'Advertisement',
    'Top stories',
    'Trump Signs Order To Ease Federal Marijuana Rules',
    'Canada Signals Delay In US Tariff Deal',
    '0:00',
    '© 2024 Example Media. All rights reserved.',
    '  • HOME»',
    'north-korea-drills-response-kcna',
    '',
    '   ',
    '\u00A0\u00A0 Pyongyang, March 14 (KCNA) -- The ministry said the drills raised tensions.',
    'Ωμέγα ünïcödé 😀 line',
  ];
  it('cleanText maps every kept slice exactly and accounts for every non-space character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 20 }), fc.constantFrom('\n', '\n\n', '\r\n'), (parts, sep) => {
        const original = parts.join(sep);
        const result = cleanText(original);
        checkInvariants(original, result);
        expect(cleanText(original)).toEqual(result);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('cleanText survives arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (original) => {
        checkInvariants(original, cleanText(original));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('isTitleCase and isData', () => {
  /** The pattern definitions the character-flag reads stand for. */
  const referenceTitleCase = (text: string): boolean => {
    const words = text.match(/\p{L}{4,}/gu) ?? [];
    if (words.length < 2) return false;
    return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.7;
  };
  const DATA_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.,:/%-]*/gu;
  const referenceData = (text: string): boolean => {
    const tokens = text.match(DATA_TOKEN) ?? [];
    if (tokens.length === 0) return true;
    return tokens.filter((t) => /^\p{N}/u.test(t)).length / tokens.length >= 0.25;
  };
  const PARTS = ['Word', 'word', 'Trump', 'Signs', 'of', 'the', ' ', '-', '.', ',', ':', '/', '%', '12', '3.5%', '٣', 'Ünïcode', 'Ωmega', '𝐀𝐁𝐂𝐃', '\uD835', 'e\u0301té', '—', '(', 'Q4'];
  const line = fc.array(fc.constantFrom(...PARTS), { maxLength: 16 }).map((p) => p.join(''));

  it('agree with the pattern definitions', () => {
    fc.assert(
      fc.property(line, (t) => {
        expect(isTitleCase(t)).toBe(referenceTitleCase(t));
        expect(isData(t)).toBe(referenceData(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleanText without the overlap scan', () => {
  it('keeps the headline right above the prose and all prose when nothing depends on vocabulary overlap', () => {
    const original = lines('Stock Markets Rally After Central Bank Decision', P1, P2, P3);
    const result = cleanText(original);
    expect(result.text).toBe(original);
    expect(result.removed).toEqual([]);
  });

  it('still judges a line above the headline by overlap', () => {
    const result = cleanText(lines('Celebrity Gossip Weekly', 'North Korea Warns Of Strong Response To Drills', P1, P2, P3));
    expect(removedBy(result, STRUCTURAL_RULES.unrelatedHeadLine.name)).toEqual(['Celebrity Gossip Weekly']);
  });
});
