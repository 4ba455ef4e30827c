import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/clean/index.js';
import { copyrightHolder, inferOriginalSource, inferOutlet, inferPublished, inferTitle, inferUrl } from '../../src/meta/infer.js';

const BODY = [
  'North Korea warned on Sunday that joint military drills by the United States and South Korea would bring a strong response.',
  'The foreign ministry said the drills near the peninsula were a rehearsal for invasion and raised tensions in the region.',
].join('\n\n');

function run(original: string) {
  const clean = cleanText(original);
  return { original, clean };
}

function checkEvidence(original: string, ev: { text: string; start: number; end: number } | undefined): void {
  expect(ev).toBeDefined();
  expect(original.slice(ev!.start, ev!.end)).toBe(ev!.text);
}

describe('copyrightHolder', () => {
  it('copyrightHolder reads the holder of common copyright lines', () => {
    expect(copyrightHolder('© Autonomous Nonprofit Organization “TV-Novosti”, 2005–2024. All rights reserved.')).toBe('Autonomous Nonprofit Organization “TV-Novosti”');
    expect(copyrightHolder('Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.')).toBe('The Washington Times');
    expect(copyrightHolder('© 2024 Example Media Group Ltd. All rights reserved.')).toBe('Example Media Group');
    expect(copyrightHolder('All rights reserved.')).toBeNull();
  });
});

describe('inferOutlet', () => {
  it('inferOutlet takes an unregistered copyright holder as written', () => {
    const { original, clean } = run(`${BODY}\n\nCopyright © 2019 The Washington Times, LLC.`);
    const { outlet } = inferOutlet(clean.removed);
    expect(outlet?.value).toBe('The Washington Times');
    checkEvidence(original, outlet?.evidence);
  });

  it('inferOutlet reads a wire copyright as the original source, not the publisher', () => {
    const { clean } = run(`${BODY}\n\n© Copyright 2019 The Associated Press. All rights reserved.`);
    const { outlet, agencyCopyright } = inferOutlet(clean.removed);
    expect(outlet).toBeNull();
    expect(agencyCopyright?.value).toBe('AP');
  });

  it('inferOutlet reads the domain of a URL line', () => {
    const { original, clean } = run(`https://www.rt.com/news/600210-north-korea-asian-nato/\n\n${BODY}`);
    const { outlet } = inferOutlet(clean.removed);
    expect(outlet).toMatchObject({ value: 'RT', evidence: { rule: 'url-domain' } });
    checkEvidence(original, outlet?.evidence);
  });

  it('inferOutlet reads a registered brand in site chrome', () => {
    const { original, clean } = run(`${BODY}\n\nRT Features\n\nRT News App`);
    const { outlet } = inferOutlet(clean.removed);
    expect(outlet).toMatchObject({ value: 'RT', evidence: { text: 'RT Features', rule: 'brand-in-site-chrome' } });
    checkEvidence(original, outlet?.evidence);
  });

  it('inferOutlet ignores outlets named in story text, teasers and social-network domains', () => {
    const { clean } = run(`Reuters reports that the drills began on Monday, according to the agency.\n\n${BODY}\n\nRead more:\n\nCNN says something else entirely\n\nFollow us on facebook.com`);
    expect(inferOutlet(clean.removed).outlet).toBeNull();
  });
});

describe('inferOriginalSource', () => {
  const cases: Array<[string, string, string]> = [
    ['Pyongyang, March 14 (KCNA) -- The U.S. and Japanese reactionaries have supplemented the plan.', 'KCNA', 'Pyongyang, March 14 (KCNA)'],
    ['MOSCOW, June 1 (TASS) - Russia said on Saturday that the talks would continue next week.', 'TASS', 'MOSCOW, June 1 (TASS)'],
    ['SEOUL (Reuters) - North Korea fired two ballistic missiles on Monday, the military said.', 'Reuters', 'SEOUL (Reuters)'],
    ['SEOUL, South Korea (AP) — North Korea fired two ballistic missiles on Monday, the military said.', 'AP', 'SEOUL, South Korea (AP)'],
    ['Beijing, June 30 (Xinhua) -- China urged restraint on the Korean Peninsula on Sunday.', 'Xinhua', 'Beijing, June 30 (Xinhua)'],
    ['DAMASCUS, July 2 (SANA) - The ministry condemned the strikes in a statement on Tuesday.', 'SANA', 'DAMASCUS, July 2 (SANA)'],
  ];
  for (const [paragraph, value, ev] of cases) {
    it(`inferOriginalSource reads ${value} from the dateline "${ev}"`, () => {
      const { original, clean } = run(`${paragraph}\n\n${BODY}`);
      const found = inferOriginalSource(original, clean);
      expect(found).toMatchObject({ value, evidence: { text: ev, rule: 'dateline-agency' } });
      checkEvidence(original, found?.evidence);
    });
  }

  it('inferOriginalSource reads an agency credit line when there is no dateline', () => {
    const { original, clean } = run(`Korean Central News Agency of DPRK via Korea News Service (KNS)\n\n${BODY}`);
    const found = inferOriginalSource(original, clean);
    expect(found).toMatchObject({ value: 'KCNA', evidence: { rule: 'agency-credit-line' } });
    checkEvidence(original, found?.evidence);
  });

  it('inferOriginalSource ignores an aside in parentheses that is no agency', () => {
    const { original, clean } = run(`Kim Jong Un (pictured) - the leader of North Korea - watched the launch on Sunday.\n\n${BODY}`);
    expect(inferOriginalSource(original, clean)).toBeNull();
  });
});

describe('inferPublished', () => {
  it('inferPublished prefers a "Published" line over an "Updated" line', () => {
    const { original, clean } = run(`Updated: July 2, 2024\n\nPublished: June 30, 2024\n\n${BODY}`);
    const found = inferPublished(original, clean);
    expect(found).toMatchObject({ value: '2024-06-30', evidence: { text: 'Published: June 30, 2024', rule: 'date-line' } });
    checkEvidence(original, found?.evidence);
  });

  it('inferPublished reads a dateline that carries a year', () => {
    const { original, clean } = run(`MOSCOW, June 1, 2024 (TASS) - Russia said the talks would continue.\n\n${BODY}`);
    expect(inferPublished(original, clean)).toMatchObject({ value: '2024-06-01', evidence: { rule: 'dateline-with-year' } });
  });

  it('inferPublished gives nothing for a dateline without a year or dates inside story sentences', () => {
    const { original, clean } = run(`Pyongyang, March 14 (KCNA) -- The statement was issued on June 30, 2024 in Pyongyang.\n\n${BODY}`);
    expect(inferPublished(original, clean)).toBeNull();
  });

  it('inferPublished reads the date of an icon strip, with offsets in the original', () => {
    const original = ` date 2024-06-30 icon bookmark-bicon bookmarkicon cameraicon checkicon\n\n${BODY}`;
    const found = inferPublished(original, cleanText(original));
    expect(found).toMatchObject({ value: '2024-06-30', evidence: { text: '2024-06-30', rule: 'date-in-page-meta' } });
    checkEvidence(original, found?.evidence);
  });

  it('inferPublished rejects impossible dates', () => {
    const { original, clean } = run(`Published: 2024-02-30\n\n${BODY}`);
    expect(inferPublished(original, clean)).toBeNull();
  });
});

describe('inferTitle and inferUrl', () => {
  it('inferTitle takes a short first line without a final period', () => {
    const { original, clean } = run(`North Korea Warns Of Strong Response\n\n${BODY}`);
    expect(inferTitle(original, clean)?.value).toBe('North Korea Warns Of Strong Response');
  });

  it('inferTitle refuses a first sentence, a dateline and a lone block', () => {
    expect(inferTitle(BODY, cleanText(BODY))).toBeNull();
    const dateline = `SEOUL (Reuters) - Missiles fired\n\n${BODY}`;
    expect(inferTitle(dateline, cleanText(dateline))).toBeNull();
    expect(inferTitle('Only A Headline', cleanText('Only A Headline'))).toBeNull();
  });

  it('inferUrl reads a canonical URL line', () => {
    const original = `${BODY}\n\nSource URL: https://www.globalsecurity.org/wmd/library/news/dprk/2005/dprk-050314-kcna01.htm`;
    const found = inferUrl(cleanText(original));
    expect(found?.value).toBe('https://www.globalsecurity.org/wmd/library/news/dprk/2005/dprk-050314-kcna01.htm');
    checkEvidence(original, found?.evidence);
  });
});
