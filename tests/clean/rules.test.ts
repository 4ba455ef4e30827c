import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchoredSource, BLOCK_RULES, matchBlockRule } from '../../src/clean/rules.js';

describe('BLOCK_RULES', () => {
  it('gives every rule a unique name, a reason, a comment and an example', () => {
    const names = BLOCK_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of BLOCK_RULES) {
      expect(r.name).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(r.comment.length).toBeGreaterThan(10);
      expect(r.example.length).toBeGreaterThan(0);
      expect(r.example.length).toBeLessThanOrEqual(r.maxChars);
    }
  });

  for (const rule of BLOCK_RULES) {
    it(`matchBlockRule(example) fires ${rule.name} on "${rule.example.slice(0, 50)}"`, () => {
      expect(matchBlockRule(rule.example)?.name).toBe(rule.name);
    });
  }
});

describe('matchBlockRule on chrome from other sites', () => {
  const cases: Array<[string, string]> = [
    ['Home > World > Asia', 'breadcrumb-home'],
    ['Most read', 'section-label'],
    ['BBC Podcasts', 'branded-section-label'],
    ['EN | RU | DE', 'language-switcher'],
    ['We use cookies to improve your experience. By continuing you agree to our cookie policy.', 'cookie-notice'],
    ['Reject all', 'cookie-button'],
    ['Get the BBC app on the App Store', 'app-download'],
    ['Donate now', 'donation-appeal'],
    ['Sponsored content', 'advertisement-marker'],
    ['Story continues below advertisement', 'advertisement-marker'],
    ['Sign up for our daily newsletter', 'mailing-list'],
    ['Facebook Twitter WhatsApp Email', 'share-bar'],
    ['By Kim Tong-Hyung, Associated Press', 'byline'],
    ['Source: Xinhua', 'agency-credit-line'],
    ['Photo: KCNA', 'file-photo-caption'],
    ['Soldiers parade in Kim Il Sung Square. © KCNA via Reuters', 'copyright-photo-credit'],
    ['Copyright © 2024 Example Media Group. All rights reserved.', 'copyright-line'],
    ['Published: June 30, 2024', 'date-line'],
    ['2024-06-30T10:41:00Z', 'date-line'],
    ['Monday, 1 July 2024, 09:15 GMT', 'date-line'],
    ['https://www.rt.com/news/600210-north-korea-asian-nato/', 'url-line'],
    ['1:02:33', 'player-time'],
    ['See also: North Korea fires missiles', 'read-more-marker'],
    ['Tags: North Korea, KCNA', 'tag-list'],
    ['(Reporting by Josh Smith; Editing by Ed Davies)', 'contributor-line'],
    ['3 hours ago', 'relative-time'],
  ];
  for (const [text, rule] of cases) {
    it(`fires ${rule} on "${text}"`, () => {
      expect(matchBlockRule(text)?.name).toBe(rule);
    });
  }
});

describe('matchBlockRule on story sentences', () => {
  // Each sentence shares a word or shape with a rule and must stay.
  const story = [
    'By Friday, the ministry said it would respond to the drills.',
    "North Korea's state news agency KCNA reported the launch.",
    'More than 100 people attended the rally in Pyongyang.',
    'Copyright infringement lawsuits against the broadcaster have risen this year.',
    'The app would be available next month, the company said.',
    'Home prices rose by 5 percent last year.',
    'Он заявил, что «это провокация» и пообещал ответ.',
    'Watch out for further missile tests, officials warned.',
    'The photos showed soldiers crossing a bridge near the border.',
    'Pyongyang, March 14 (KCNA) -- The U.S. and Japanese reactionaries have supplemented the plan.',
    'Read the full statement, the ministry urged reporters on Sunday.',
    'Updated figures showed that exports fell sharply in the second quarter.',
    'The exercise took place between June 27 and 29.',
    'Source countries for the weapons included Russia and Iran, the report said.',
  ];
  for (const text of story) {
    it(`keeps "${text.slice(0, 60)}"`, () => {
      expect(matchBlockRule(text)?.name ?? null).toBeNull();
    });
  }
});

/**
 * lorem-ipsum is tried only on blocks holding one of its words (a literal search instead of the
 * pattern at every position): short blocks through their lower-cased copy, long ones through a
 * case-insensitive literal pattern. Every alternative in any letter case must still match.
 */
describe('matchBlockRule on placeholder Latin', () => {
  const phrases = ['Lorem Ipsum', 'DOLOR SIT AMET', 'olor sit amet', 'Consectetur Adipiscing', 'adipiscing ELIT', 'Sed do Eiusmod', 'habitasse PLATEA', 'Pellentesque'];
  const filler = ' The council met on Tuesday and the mayor said the budget would be published next month, after the public hearings in every district of the city.';
  for (const phrase of phrases) {
    it(`fires lorem-ipsum on "${phrase}" in a short block and in a long paragraph`, () => {
      expect(matchBlockRule(`Author bio. ${phrase}, nisi ut aliquip`)?.name).toBe('lorem-ipsum');
      const long = `${filler.repeat(3)} ${phrase} ut labore${filler.repeat(2)}`;
      expect(long.length).toBeGreaterThan(250);
      expect(matchBlockRule(long)?.name).toBe('lorem-ipsum');
    });
  }

  it('does not fire on words that only contain the literals ("platear" is no word boundary)', () => {
    expect(matchBlockRule(`${'The council met on Tuesday and the mayor spoke. '.repeat(6)}Platears and ipsums.`)).toBeNull();
  });
});

describe('matchBlockRule by length', () => {
  it('gives the first rule in order whose cap admits the block and whose pattern matches, for blocks around every cap', () => {
    const reference = (text: string): string | null => {
      for (const rule of BLOCK_RULES) {
        if (text.length > rule.maxChars) continue;
        if (typeof rule.match === 'function' ? rule.match(text) : rule.match.test(text)) return rule.name;
      }
      return null;
    };
    const caps = [...new Set(BLOCK_RULES.map((r) => r.maxChars))];
    fc.assert(
      fc.property(fc.constantFrom(...BLOCK_RULES.map((r) => r.example)), fc.constantFrom(...caps), fc.integer({ min: -2, max: 2 }), fc.constantFrom(' ', 'x', '.', 'icon '), (example, cap, delta, pad) => {
        let text = example;
        while (text.length < cap + delta) text += pad;
        text = text.slice(0, Math.max(example.length, cap + delta));
        expect(matchBlockRule(text)?.name ?? null).toBe(reference(text));
        expect(matchBlockRule(example)?.name ?? null).toBe(reference(example));
      }),
      { numRuns: 500 },
    );
  });
});

describe('long blocks', () => {
  it('matches icon strips and lorem ipsum past 500 characters, in any letter case, and no story paragraph of that length', () => {
    const story = 'The council met on Tuesday to discuss the budget, and members said the plan would be revised before the vote next month. '.repeat(6);
    expect(story.length).toBeGreaterThan(500);
    expect(matchBlockRule(story)).toBeNull();
    expect(matchBlockRule(`${story} Lorem IPSUM dolor.`)?.name).toBe('lorem-ipsum');
    expect(matchBlockRule(`${story} PELLENTESQUE habitant.`)?.name).toBe('lorem-ipsum');
    const icons = Array.from({ length: 120 }, (_, i) => `w${i}ICON`).join(' ');
    expect(icons.length).toBeGreaterThan(500);
    expect(matchBlockRule(icons)?.name).toBe('icon-names');
  });
});

/** The plain matcher: every rule in order, its length cap and its pattern, no literal conditions, no combined patterns. */
function plainMatch(text: string): string | null {
  for (const rule of BLOCK_RULES) {
    if (text.length > rule.maxChars) continue;
    if (typeof rule.match === 'function' ? rule.match(text) : rule.match.test(text)) return rule.name;
  }
  return null;
}

describe('matchBlockRule fast path (literal conditions on the lower-cased copy, combined anchored patterns)', () => {
  // Pieces of chrome and story, the letters that fold oddly ("ſ", Kelvin sign, "İ", "Σ"), and rule examples.
  const PIECES = [
    'Home', 'home', ' » ', ' | ', 'Read more', 'See also:', 'Photo: ', 'Credit: ', 'Getty Images', ' / AFP', '© ', 'All Rights Reserved',
    'cookie', 'COOKIES', 'uses cookies', 'cookie policy', 'Download the', ' app', 'App', 'Google Play', 'Donate now', 'support independent journalism',
    'please consider supporting', 'Sign up for our', ' newsletter', 'e-mail alerts', 'daily briefing', 'Source: ', 'news agency', 'wire service',
    'lorem ipsum', 'dolor sit amet', 'ſit amet', 'adipiscing elit', 'Pellentesque', 'platea', 'icon', 'bookmarkicon ', 'FEATURE', 'VIDEO',
    'By Jane Doe', 'Tags: ', 'Subscribe', 'ſubſcribe', 'Follow us on Telegram', '\u212Aelvin', 'İstanbul', 'ΣΟΣ', 'said.', 'said', '?', '!', ':',
    ' ', '  ', '\n', 'The', ' minister', ' said on Sunday', ' 12', '0:00', 'north-korea-news-today-now', 'https://example.com/a', '(Reporting by Jo Li)',
    ...BLOCK_RULES.map((r) => r.example),
  ];
  const block = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));

  it('gives the same rule as the plain matcher on blocks made of chrome and story pieces', () => {
    fc.assert(
      fc.property(block, (text) => {
        expect(matchBlockRule(text)?.name ?? null).toBe(plainMatch(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same rule as the plain matcher on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(matchBlockRule(text)?.name ?? null).toBe(plainMatch(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same rule with the lower-cased copy passed in', () => {
    fc.assert(
      fc.property(block, (text) => {
        expect(matchBlockRule(text, text.toLowerCase())?.name ?? null).toBe(plainMatch(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('anchoredSource(source)', () => {
  it('accepts a pattern whose every top-level alternative starts with ^', () => {
    expect(anchoredSource('^a|^b')).toBe(true);
    expect(anchoredSource('^(?:a|b)c$')).toBe(true);
    expect(anchoredSource('^[|(]x')).toBe(true);
  });

  it('refuses an alternative without ^, an escaped bar or parenthesis counted wrongly, and back-references', () => {
    expect(anchoredSource('^a|b')).toBe(false);
    expect(anchoredSource('a')).toBe(false);
    expect(anchoredSource('^a\\|b|c')).toBe(false);
    expect(anchoredSource('^(a)\\1')).toBe(false);
    expect(anchoredSource('^(?<x>a)\\k<x>')).toBe(false);
    expect(anchoredSource('^a|')).toBe(false);
  });
});

describe('chrome lines found repeated in the 56k bench corpus', () => {
  // Each line recurred in tens to a thousand articles of one outlet after cleaning (CSM's in 1,160 of 1,300).
  const chrome: Array<[string, string]> = [
    ['Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy', 'mailing-list'],
    ['Get all the latest news on coronavirus and more delivered daily to your inbox. Sign up here.', 'mailing-list'],
    ['Let our news meet your inbox. The news and stories that matters, delivered weekday mornings. This site is protected by recaptcha', 'mailing-list'],
    ['Thank you for signing up. For more from The Nation, check out our latest issue', 'mailing-list'],
    ["Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You will receive emails containing news content , updates and promotions from The New York Times. You may opt-out at any time.", 'signup-form'],
    ['Sign up here for POLITICO Huddle A daily play-by-play of congressional news in your inbox. Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time.', 'signup-form'],
    ['COUNTDOWN TO 2020 The race for 2020 starts now. Stay in the know. Follow our presidential election coverage. Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time.', 'signup-form'],
    [`Get The Brief. Sign up to receive the top stories you need to know right now. Choose your country ${'United States of America Afghanistan Albania Algeria American Samoa Andorra Angola Anguilla Antigua and Barbuda Argentina '.repeat(20)}Zimbabwe Please enter a valid email address. Please select your country. I can confirm I have read and accept the Terms Of Use. Please check to proceed. Sign Up Now You may unsubscribe from email communication at any time. See our Privacy Policy for further details. Thank you! For your security, we've sent a confirmation email to the address you entered. Click the link to confirm your subscription and begin receiving our newsletters. If you don't get the confirmation within 10 minutes, please check your spam folder.`, 'newsletter-form'],
    ['The Coronavirus Brief. Everything you need to know about the global spread of COVID-19 Please enter a valid email address. Sign Up Now Check the box if you do not wish to receive promotional offers via email from TIME. You can unsubscribe at any time. By signing up you are agreeing to our Terms of Use and Privacy Policy Thank you! For your security, we\'ve sent a confirmation email to the address you entered. Click the link to confirm your subscription and begin receiving our newsletters. If you don\'t get the confirmation within 10 minutes, please check your spam folder.', 'newsletter-form'],
    ['Support Vox’s explanatory journalism', 'donation-appeal'],
    ['Every day at Vox, we aim to answer your most important questions. Your financial contribution will not constitute a donation, but it will enable our staff to continue to offer free articles, videos, and podcasts. Please consider making a contribution to Vox today.', 'contribution-appeal'],
    ['Newsletter Sign-up', 'section-label'],
    ['Follow @CNNOpinion on Twitter.', 'subscribe-call'],
    ['Follow @politicalticker Follow @KilloughCNN', 'subscribe-call'],
    ['Join us on Facebook/CNNOpinion.', 'subscribe-call'],
    ['Subscribe now for as little as $2 a month!', 'subscribe-call'],
    ['CLICK HERE FOR THE FOX NEWS APP', 'app-download'],
    ['SHARE THIS ARTICLE Share Tweet Post Email', 'share-bar'],
    ['next Image 1 of 2', 'image-widget'],
    ['Slideshow (2 Images)', 'image-widget'],
    ["Don't see the graphic above? Click here.", 'image-widget'],
    ['Advertisement Advertisement', 'advertisement-marker'],
    ['This story has been updated.', 'updated-label'],
    ['**Want FOX News First in your inbox every day? Sign up here.**', 'mailing-list'],
    ['Want more essential commentary and analysis like this delivered straight to your inbox? Sign up for The Week\'s "Today\'s best articles" newsletter here.', 'mailing-list'],
    ['Like us on Facebook.', 'subscribe-call'],
    ['Got a tip from the right or left? Email foxnewsfirst@foxnews.com', 'contact-call'],
    ['Send letters to letters@suntimes.com.', 'contact-call'],
    ['Let us know what you’re thinking at csmpolitics@csmonitor.com.', 'contact-call'],
    ['Click here for complete coronavirus coverage', 'read-more-marker'],
    ['Full coverage: Election 2020', 'read-more-marker'],
    ['Corrections & Amplifications', 'section-label'],
    ['The Associated Press contributed to this report.', 'contributor-line'],
    ["Fox News' Jake Gibson and The Associated Press contributed to this report.", 'contributor-line'],
    ['This article is more than 4 years old', 'relative-time'],
    ['ANALYSIS/OPINION:', 'section-label'],
    ['More On This... Poll shows Romney with commanding lead over Obama among veterans', 'read-more-marker'],
    ['Interested in Impeachment Inquiry? Add Impeachment Inquiry as an interest to stay up to date on the latest Impeachment Inquiry news, video, and analysis from ABC News. Add Interest', 'follow-topic'],
    ['Please include a contact number if you are willing to speak to a BBC journalist. You can also contact us in the following ways:', 'contact-call'],
    ['The opinions expressed by columnists are their own and do not necessarily represent the views of Townhall.com.', 'opinion-disclaimer'],
    ['Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher that can provide a large audience. For licensing opportunities of our original content, please contact licensing@dailycallernewsfoundation.org.', 'syndication-note'],
    ['NPR transcripts are created on a rush deadline by Verb8tm, Inc., an NPR contractor, and produced using a proprietary transcription process developed with NPR. This text may not be in its final form and may be updated or revised in the future.', 'transcript-note'],
  ];
  for (const [line, rule] of chrome) {
    it(`${rule} removes "${line.slice(0, 50)}"`, () => expect(matchBlockRule(line)?.name).toBe(rule));
  }

  it('keeps story sentences that share their words', () => {
    for (const line of [
      'Romney said, according to a rush transcript, that the 8.2 percent number was unacceptably high.',
      'The senator said he would support the country’s farmers, whatever the cost of the trade war.',
      'Asked whether he would follow the committee on the matter, Schiff said he had no plans to.',
      'The opinion of the court, written by Justice Kennedy, was joined by four other justices.',
      'He said he got a tip from a neighbour and called the police at once.',
      'Officials said the agency contributed to this report on the flooding. It was published on Monday.',
      'The company has been updated on the investigation, a spokesman said.',
      'Voters were asked to choose your country or your party, the candidate said in a speech on Tuesday.',
      'Users who forgot to enter a valid email address were locked out, the company said.',
    ]) {
      expect(matchBlockRule(line)).toBeNull();
    }
  });
});
