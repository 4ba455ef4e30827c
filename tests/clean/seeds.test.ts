/**
 * The five bundled seeds (raw saved pages): per seed, must-keep story text and
 * must-drop chrome, in the manner of trafilatura's realworld_tests.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText, type CleanResult } from '../../src/clean/index.js';

function seed(prefix: string): { original: string; result: CleanResult } {
  const names: Record<string, string> = {
    '000': '000_1059f36819f99a03.txt',
    '001': '001_25f2c3e4e1f9c047.txt',
    '002': '002_c109a28eec74ea5f.txt',
    '003': '003_d4c057accb7cf467.txt',
    '004': '004_d6f0f952484ad524.txt',
  };
  const original = readFileSync(new URL(`../../data/sample/${names[prefix]!}`, import.meta.url), 'utf8');
  return { original, result: cleanText(original) };
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The first 40 characters of every paragraph the story has (title and standfirst included), in order. */
const STORY_PARAGRAPHS: Record<string, string[]> = {
  '000': [
    'North Korea has continued to accuse the ',
    'The North Korean state media outlet KCNA',
    'The spokesperson said the recent agreeme',
    '“The reality clearly shows that the real',
    '“The prevailing situation more urgently ',
    'The comments also came as the leaders of',
    'Reuters reports that the US Air Force F-',
    'Military drills were scaled down since 2',
    'South Korean President Yoon Suk-yeol has',
    'The US Forces Korea also issued a statem',
  ],
  '001': [
    "'Asian Version Of NATO': North Korea Con",
    'North Korea strongly criticized joint mi',
    'They are part of an annual agreement aim',
    'According to North Korea, the cooperatio',
    'North Korea has always seen joint milita',
    'At the same time, tensions between North',
    'Meanwhile, South Korea is worried about ',
    'North Korea’s criticism of joint militar',
  ],
  '002': [
    'West forging ‘Asian version of NATO’ – N',
    'A joint defense pledge by the US, Japan ',
    'The US, Japan and South Korea are forgin',
    'In a statement on Sunday cited by the st',
    'The exercise, which took place between J',
    'The North Korean Foreign Ministry claime',
    'According to Pyongyang, the Freedom Edge',
    '”This means that the US-Japan-ROK [South',
    'North Korea has long protested against U',
    'NATO Secretary General Jens Stoltenberg ',
  ],
  '003': [
    'Moves of U.S. and Japan to Tighten Their',
    'Pyongyang, March 14 (KCNA) -- The U.S. a',
    'Many countries in Asia and the rest of t',
    'Japan and the U.S. have boosted their mi',
    'The U.S.-Japan joint strategic target is',
    'It is the U.S. strategic goal to occupy ',
    'This move seriously jeopardizes peace an',
    'It is an exercise of a legitimate right ',
  ],
  '004': [
    'North Korea Promises Stronger Retaliatio',
    'North Korea has expressed strong critici',
    'A representative for North Korea’s milit',
    'The statement specifically mentioned US ',
    'The North Korean armed forces have empha',
    'They have expressed their commitment to ',
    'The official designation of North Korea ',
    'During Austin’s visit, South Korea and t',
    'South Korea’s defense ministry argued th',
    'North Korea has consistently accused the',
    'This week, the Pentagon announced its ap',
    'The US Defense Security Cooperation Agen',
    'Secretary Austin’s visit to South Korea ',
    'In these consecutive visits, both top US',
    'Despite denials of arms deals, North Kor',
    'South Korean Foreign Minister Park Jin a',
    'Diplomatic attempts are being made to mo',
    'The statements and actions of all partie',
  ],
};

/** Whole sentences that must survive: first and last story sentence and one from the middle. */
const MUST_KEEP: Record<string, string[]> = {
  '000': [
    'North Korea has continued to accuse the United States of trying to establish a military alliance similar to NATO as of late.',
    'Military drills were scaled down since 2018 due to efforts by Seoul to engage diplomatically with Pyongyang and also because of the COVID-19 pandemic.',
    'The US Forces Korea also issued a statement saying that this was the first public deployment of a fifth-generation fighter jet to South Korea since 2017.',
  ],
  '001': [
    'North Korea strongly criticized joint military exercises involving South Korea, Japan, and the United States, calling them an “Asian version of NATO” and warning of serious consequences.',
    'Pyongyang sent balloons filled with trash towards South Korea in response to Seoul’s balloons carrying pro-South messages.',
    'North Korea’s criticism of joint military exercises involving the US, South Korea, and Japan highlights continuing tensions in Korea, influenced by regional politics and military actions.',
  ],
  '002': [
    'A joint defense pledge by the US, Japan and South Korea poses a threat to regional stability, Pyongyang says',
    'The US, Japan and South Korea are forging a military alliance in Asia that bears strong similarities to NATO, the North Korean Foreign Ministry has said, blasting the actions of the three countries as a threat to regional stability.',
    '”This means that the US-Japan-ROK [South Korea] relations have taken on the full-fledged appearance of Asian version [of] NATO,” the ministry stressed.',
    'In 2021, the US, UK, and Australia established a security partnership called AUKUS which saw Washington and London commit to assisting Australia in acquiring nuclear-powered submarines.',
  ],
  '003': [
    'Pyongyang, March 14 (KCNA) -- The U.S. and Japanese reactionaries have systematically supplemented and rounded off the joint military operation plan',
    'This move seriously jeopardizes peace and security in the Korean Peninsula and Northeast Asia.',
    "The Japanese militarists' moves to reinvade Northeast Asia in collusion with the U.S. while straining the situation there would only precipitate their second defeat.",
  ],
  '004': [
    'North Korea has expressed strong criticism and vowed to take “offensive” measures in response to what it perceives as military threats from the United States and its allies, following the recent visit of top US defense officials to South Korea, as reported by state media.',
    'South Korea’s defense ministry argued that the revision was necessary due to the rapid advancements in North Korea’s missile and nuclear programs.',
    'The statements and actions of all parties involved will continue to be closely monitored on the global stage.',
  ],
};

/** Chrome named in the seeds; none of it may remain in the cleaned text. */
const MUST_DROP: Record<string, string[]> = {
  '000': [
    'U.S. Initiates $11.1 Billion Arms Sale to Taiwan',
    'Trump Administration Plans Major Increase in Denaturalization',
    'Canada Signals Delay in US Tariff Deal',
    'Venezuela Seeks UN Security Council Meeting',
    'Barham Salih Elected',
    'Honduras Election Recount Delayed',
    'Republicans Raise National Security Concerns Over Intel',
  ],
  '001': ['HOME»', '[…]', 'Advertisement', '•', '+'],
  '002': [
    'bookmark-bicon',
    'chevron downicon',
    'date 2024-06-30',
    'Moscow issues warning over US spy drones',
    '30 Jun, 2024 10:41',
    'HomeWorld News',
    'FILE PHOTO',
    'Getty Images',
    'US wants to deploy previously banned missiles',
    'Read more',
    'Top stories',
    'RT Features',
    'It all came from the West',
    'The mother of Rus towns',
    'Iran’s enemies expected unrest',
    'FEATURE',
    'Podcasts',
    'Ramzy Ezzeldin Ramzy',
    'Technocapitalism',
    '0:00',
    '28:59',
    '27:56',
    'العربية',
    'RT News App',
    'TV-Novosti',
    'All rights reserved',
    'This website uses cookies',
    'Accept cookies',
  ],
  '003': ['UNITED24', 'charitable donation', 'Weapons of Mass Destruction (WMD)', 'via Korea News Service (KNS)', 'Join the GlobalSecurity.org mailing list'],
  '004': [
    'Read Next',
    'Tragic Attack on Canadian Family',
    'US-South Korea Missile Deal Amid Peninsula Tensions',
    'north-korea-stronger-retaliation-response-threats-says-kcna',
    'Fentanyl Exports',
    'About the author',
    'olor sit amet',
    'Author description',
    'Leave a Comment',
  ],
};

/** Titles that stay, once, as the first paragraph. */
const TITLES: Record<string, string | null> = {
  '000': null,
  '001': "'Asian Version Of NATO': North Korea Condemns Joint Miltary Drills\u00A0In\u00A0The\u00A0Region",
  '002': 'West forging ‘Asian version of NATO’ – North Korea',
  '003': 'Moves of U.S. and Japan to Tighten Their Military Alliance under Fire',
  '004': 'North Korea Promises Stronger Retaliation in Response to US ‘Threats,’ Says KCNA',
};

describe('cleanText on the bundled seeds', () => {
  for (const id of Object.keys(STORY_PARAGRAPHS)) {
    describe(`seed ${id}`, () => {
      const { original, result } = seed(id);
      const paragraphs = result.text.split('\n\n');

      it('keeps every story paragraph exactly once, in order', () => {
        const expected = STORY_PARAGRAPHS[id]!;
        for (const start of expected) expect(occurrences(result.text, start), start).toBe(1);
        expect(paragraphs.map((p) => p.slice(0, 40))).toEqual(expected);
      });

      it('keeps the first, a middle and the last story sentence whole', () => {
        for (const sentence of MUST_KEEP[id]!) expect(result.text).toContain(sentence);
      });

      it('drops every named piece of chrome', () => {
        for (const chrome of MUST_DROP[id]!) expect(result.text, chrome).not.toContain(chrome);
        for (const chrome of MUST_DROP[id]!) expect(original, `fixture holds ${chrome}`).toContain(chrome);
      });

      it('keeps the headline once as the first paragraph, or none when the page has none', () => {
        const title = TITLES[id]!;
        if (title === null) expect(paragraphs[0]!.startsWith(STORY_PARAGRAPHS[id]![0]!)).toBe(true);
        else {
          expect(paragraphs[0]).toBe(title);
          expect(occurrences(result.text, title)).toBe(1);
        }
      });

      it('maps every segment back to the identical slice of the original', () => {
        for (const seg of result.map) expect(result.text.slice(seg.clean, seg.clean + seg.length)).toBe(original.slice(seg.orig, seg.orig + seg.length));
      });

      it('accounts for every non-space character of the original as kept or removed, never both', () => {
        const owner = new Array<string>(original.length).fill('');
        for (const seg of result.map) for (let i = seg.orig; i < seg.orig + seg.length; i++) owner[i] = 'kept';
        for (const r of result.removed) {
          expect(r.text).toBe(original.slice(r.start, r.end));
          for (let i = r.start; i < r.end; i++) {
            expect(owner[i], `offset ${i} kept and removed`).not.toBe('kept');
            owner[i] = 'removed';
          }
        }
        for (let i = 0; i < original.length; i++) if (!/\s/u.test(original[i]!)) expect(owner[i], `offset ${i} (${original[i]})`).not.toBe('');
      });

      it('keeps no leading or trailing whitespace inside a kept slice', () => {
        for (const p of paragraphs) expect(p).toBe(p.trim());
      });
    });
  }

  it('records the dateline paragraph of seed 003 as story, starting at the place name', () => {
    const { original, result } = seed('003');
    const i = result.text.indexOf('Pyongyang, March 14 (KCNA)');
    const seg = result.map.find((s) => s.clean === i);
    expect(seg).toBeDefined();
    // The no-break-space indentation before it is not part of the kept slice.
    expect(original.slice(seg!.orig - 6, seg!.orig)).toMatch(/^[\s\u00A0]+$/u);
    expect(original.slice(seg!.orig - 6, seg!.orig)).toContain('\u00A0');
  });

  it('names a reason and a rule for each removal of seed 002', () => {
    const { result } = seed('002');
    const byText = new Map(result.removed.map((r) => [r.text, `${r.reason}/${r.rule}`]));
    expect(byText.get('HomeWorld News')).toBe('navigation/joined-menu-words');
    expect(byText.get('Read more')).toBe('teaser/read-more-marker');
    expect(byText.get('RT News App')).toBe('app-banner/app-name');
    expect(byText.get('Accept cookies')).toBe('cookie-banner/cookie-button');
    expect(byText.get('0:00')).toBe('media-player/player-time');
    expect(byText.get('West forging ‘Asian version of NATO’ – North Korea')).toBe('repeated-paragraph/same-as-earlier-block');
  });

  it('drops the "[…]" teaser excerpt of seed 001 and keeps the full lede', () => {
    const { result } = seed('001');
    const excerpt = result.removed.find((r) => r.text.endsWith('[…]'));
    expect(excerpt?.rule).toBe('excerpt-of-body');
    expect(result.text).toContain('cyber defense training.\n\nThey are part of an annual agreement aimed at showing unity');
  });

  it('is deterministic: the same input gives identical output', () => {
    const a = seed('002').result;
    const b = seed('002').result;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
