/**
 * Property-based fuzzing of cleaning (and the per-article build on top of it): for any text,
 * no exception escapes, the clean→original map is monotonic and exact, every kept character
 * maps back to the same character, removals lie in the original without touching kept text,
 * and every offset the doc holds points inside its text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, type CleanResult } from '../../src/clean/index.js';
import { toClean, toOriginal } from '../../src/doc/offsets.js';
import { META_FIELDS } from '../../src/doc/types.js';
import { buildDoc, recordFromText } from '../../src/pipeline/index.js';

const SEPARATOR = '\n\n';

/** Any UTF-16 code unit, lone surrogates included (what a broken scraper can emit). */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const anyText = fc.oneof(
  fc.string({ maxLength: 400, unit: 'binary' }),
  fc.string({ maxLength: 400, unit: 'grapheme-composite' }),
  fc.string({ maxLength: 200, unit: utf16Unit }),
  fc.string({ maxLength: 200, unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', '\u00a0', '\u200b', '\ufeff', '•', '#', '>', '-', '.', '"', '…', '[', ']') }),
);

/** Lines a saved page or scraper output is made of: story prose, site chrome, markup, junk. */
const CHROME_LINES = [
  'North Korea warned on Sunday that joint military drills by the United States and South Korea would bring a strong response.',
  'The foreign ministry said the drills were a rehearsal for invasion and raised tensions in the region.',
  '"We will respond," a spokesman told reporters in Pyongyang.',
  'Pyongyang, March 14 (KCNA) -- The ministry said the drills raised tensions.',
  'Read more', 'Read more:', 'READ MORE: Seoul Warns Of Retaliation', 'Advertisement', 'ADVERTISEMENT', 'Top stories', 'Related stories',
  'Share this article', 'Subscribe to our newsletter', 'Follow us on Twitter', 'Accept cookies', 'We use cookies to improve your experience.',
  'Download our app', '© 2024 Example Media. All rights reserved.', 'Copyright Reuters 2024', 'About the author', 'Photo: AFP', '0:00', '3:45',
  '• HOME»', '  • World', '## Drills', '> quoted line', '- item', 'Trump Signs Order To Ease Federal Marijuana Rules', 'Canada Signals Delay In US Tariff Deal',
  'north-korea-drills-response-kcna', 'https://example.com/world/asia/north-korea-drills', 'Published: 14 March 2024', 'Updated March 15, 2024 10:00 GMT',
  'Support our journalism: donate today', 'Skip to main content', 'Sign in', '', ' ', '\u00a0\u00a0', '\u200b', '[…]', 'The drills […]', 'Ωμέγα ünïcödé 😀 line',
  'Министерство иностранных дел заявило об угрозе.', '북한이 탄도미사일을 발사했다.', 'أطلقت كوريا الشمالية صاروخين.',
];

const chromeText = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CHROME_LINES) }, { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'grapheme' }) }), { maxLength: 30 }),
    fc.array(fc.constantFrom('\n', '\n\n', '\r\n', '\n \n', '\n\n\n', ' \n', '\u2028'), { minLength: 1, maxLength: 4 }),
  )
  .map(([lines, seps]) => lines.map((line, i) => (i === 0 ? line : `${seps[i % seps.length]}${line}`)).join(''));

function isSpaceLike(ch: string): boolean {
  return /^(?:\s|\u200B|\u200C|\u200D|\u2060|\uFEFF)$/u.test(ch);
}

/** Every invariant of a cleaning result, for any original. */
function checkClean(original: string, result: CleanResult): void {
  const { text, map, removed } = result;
  // The map: sorted, non-overlapping, inside both texts, each segment an exact slice.
  let cleanEnd = 0;
  let origEnd = 0;
  for (const [k, seg] of map.entries()) {
    expect(seg.length).toBeGreaterThan(0);
    expect(seg.clean).toBe(k === 0 ? 0 : cleanEnd + SEPARATOR.length);
    expect(seg.orig).toBeGreaterThanOrEqual(origEnd);
    expect(seg.orig + seg.length).toBeLessThanOrEqual(original.length);
    expect(text.slice(seg.clean, seg.clean + seg.length)).toBe(original.slice(seg.orig, seg.orig + seg.length));
    if (k > 0) expect(text.slice(cleanEnd, seg.clean)).toBe(SEPARATOR);
    cleanEnd = seg.clean + seg.length;
    origEnd = seg.orig + seg.length;
  }
  expect(text.length).toBe(cleanEnd);
  // Every kept character maps back to the same character, and back again; toOriginal is monotonic.
  let previous = -1;
  const kept = new Uint8Array(original.length);
  for (const seg of map) for (let i = seg.orig; i < seg.orig + seg.length; i++) kept[i] = 1;
  for (let i = 0; i < text.length; i++) {
    const o = toOriginal(map, i);
    expect(o).toBeGreaterThanOrEqual(previous);
    expect(o).toBeLessThanOrEqual(original.length);
    previous = o;
    const clean = toClean(map, o);
    if (clean === i) expect(text[i]).toBe(original[o]);
    else expect(text[i]).toBe(SEPARATOR[0]); // only separator characters map elsewhere
  }
  // Removals: inside the original, exact, sorted, never overlapping each other or kept text.
  let removedEnd = 0;
  for (const r of removed) {
    expect(r.start).toBeGreaterThanOrEqual(removedEnd);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.end).toBeLessThanOrEqual(original.length);
    expect(r.text).toBe(original.slice(r.start, r.end));
    for (let i = r.start; i < r.end; i++) expect(kept[i]).toBe(0);
    removedEnd = r.end;
  }
  // Nothing is lost silently: every visible character is kept or removed with a reason.
  const removedAt = new Uint8Array(original.length);
  for (const r of removed) removedAt.fill(1, r.start, r.end);
  for (let i = 0; i < original.length; i++) {
    if (!kept[i] && !removedAt[i]) expect(isSpaceLike(original[i]!), `character ${JSON.stringify(original[i])} at ${i} neither kept nor removed`).toBe(true);
  }
}

describe('cleanText under fuzzing', () => {
  it('arbitrary unicode strings (lone surrogates included): no exception, exact monotonic map, removals outside kept text', () => {
    fc.assert(fc.property(anyText, (original) => checkClean(original, cleanText(original))), { numRuns: 300, seed: 20240317 });
  });

  it('strings built from chrome-like lines: the same invariants, and cleaning twice gives the same result', () => {
    fc.assert(
      fc.property(chromeText, (original) => {
        const result = cleanText(original);
        checkClean(original, result);
        expect(cleanText(original)).toEqual(result);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('cleaning the cleaned text again keeps every character of it (cleaning is idempotent on its output for prose)', () => {
    const prose = fc.array(fc.constantFrom(...CHROME_LINES.slice(0, 4)), { minLength: 1, maxLength: 6 }).map((ps) => [...new Set(ps)].join('\n\n'));
    fc.assert(
      fc.property(prose, (original) => {
        const once = cleanText(original).text;
        expect(cleanText(once).text).toBe(once);
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});

describe('the per-article build under fuzzing', () => {
  it('any text: paragraphs, sentences, tokens inside the cleaned text, metadata evidence inside the original', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, chromeText), (original) => {
        const doc = buildDoc(recordFromText('fuzz', original));
        const n = doc.text.length;
        for (const span of [...doc.paragraphs, ...doc.sentences, ...doc.tokens]) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.start).toBeLessThanOrEqual(span.end);
          expect(span.end).toBeLessThanOrEqual(n);
        }
        for (const field of [...META_FIELDS.filter((f) => f !== 'language'), 'originalSource'] as const) {
          const ev = doc.meta[field].evidence;
          if (doc.meta[field].source !== 'inferred' || !ev) continue;
          expect(ev.start).toBeGreaterThanOrEqual(0);
          expect(ev.end).toBeLessThanOrEqual(original.length);
          expect(original.slice(ev.start, ev.end), `${field} evidence`).toBe(ev.text);
        }
      }),
      { numRuns: 200, seed: 99 },
    );
  });

  // Regression: the evidence once came from the cleaned text while its offsets named the original.
  it('inferred language evidence is the slice of the original its offsets name', () => {
    const original = 'Skip to main content\nAdvertisement\n\nNorth Korea fired two missiles on Sunday, officials said. The launch followed drills by the United States.';
    const doc = buildDoc(recordFromText('lang', original));
    const ev = doc.meta.language.evidence!;
    expect(original.slice(ev.start, ev.end)).toBe(ev.text);
  });
});
