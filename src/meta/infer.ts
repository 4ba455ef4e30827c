/**
 * Metadata inferred from the text, each value with its evidence: the matched
 * text and its offsets in the ORIGINAL (the evidence often sits in removed
 * chrome, such as a copyright footer). Every rule returns null rather than
 * guess: no evidence, no value.
 */
import type { Evidence, Removal } from '../doc/types.js';
import type { CleanResult } from '../clean/index.js';
import { chromeLexicon, DATELINE, isHeadlineLike, startsWithDateline, wordCount } from '../clean/index.js';
import { DATE_LINE, findDates, isoFromMatch } from './dates.js';
import { findOutletMentions, hostOf, lookupOutlet } from './registry.js';

export interface Inferred {
  value: string;
  evidence: Evidence;
}

/** Block rules whose removed text is the publishing site's own chrome (menus, footers, banners). */
const SITE_CHROME_RULES = new Set([
  'copyright-line',
  'legal-links',
  'url-line',
  'mailing-list',
  'subscribe-call',
  'share-link',
  'share-bar',
  'cookie-notice',
  'app-name',
  'app-download',
  'branded-section-label',
  'section-label',
  'breadcrumb-home',
  'joined-menu-words',
  'breadcrumb-trail',
]);

/** Chrome rules whose text may carry the page's own publication date. */
const DATE_CHROME_RULES = new Set(['date-line', 'updated-label', 'icon-names', 'byline']);

/** Kept blocks of the clean text as original spans (the map has one segment per kept block). */
function keptBlocks(original: string, clean: CleanResult): Array<{ text: string; start: number; end: number }> {
  return clean.map.map((seg) => ({ text: original.slice(seg.orig, seg.orig + seg.length), start: seg.orig, end: seg.orig + seg.length }));
}

function evidence(text: string, start: number, rule: string): Evidence {
  return { text, start, end: start + text.length, rule };
}

// ── outlet and original source ───────────────────────────────────────────

const CORPORATE_SUFFIX = /(?:,?\s+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|Corp\.?|Corporation|Co\.|plc|PLC|GmbH|S\.A\.|AG|LLP))+$/u;
/** "© 2019 The Washington Times, LLC." / "© Autonomous Nonprofit Organization “TV-Novosti”, 2005–2024." → the holder. */
const COPYRIGHT_HOLDER = /(?:©|\(c\)|copyright)\s*(?:©\s*|\(c\)\s*|copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)(?:,?\s*\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:\.\s|\.$|\s+all rights reserved|$)/iu;

/** The copyright holder named by a copyright line, or null. */
export function copyrightHolder(line: string): string | null {
  const m = COPYRIGHT_HOLDER.exec(line);
  if (!m) return null;
  const holder = m[1]!.replace(CORPORATE_SUFFIX, '').replace(/[.,;:\s]+$/u, '').trim();
  return holder.length >= 2 && /\p{L}/u.test(holder) ? holder : null;
}

const TLD = 'com|org|net|info|news|tv|media|press|gov|edu|int|io|co|uk|ru|kp|kr|jp|cn|de|fr|ir|tr|qa|ua|us|eu|in|au|ca|hk|tw';
const DOMAIN_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}@.-])(?:https?://)?(?:www\\.)?((?:[\\p{L}\\p{N}-]+\\.)+(?:${TLD}))(?![\\p{L}\\p{N}-])`, 'giu');

export interface SourceInference {
  outlet: Inferred | null;
  /** A copyright holder that is a news agency: the source of republished copy, not the publisher. */
  agencyCopyright: Inferred | null;
}

/**
 * The publishing outlet from the site's own chrome, in order of strength:
 * the copyright holder, a URL line's domain, a domain in site chrome
 * ("Join the GlobalSecurity.org mailing list"), a registered brand in site
 * chrome ("RT Features", "RT News App"). Registered outlets are reported by
 * their registry name; an unregistered holder or domain as written.
 */
export function inferOutlet(removed: readonly Removal[]): SourceInference {
  const chrome = removed.filter((r) => SITE_CHROME_RULES.has(r.rule));
  let agencyCopyright: Inferred | null = null;
  for (const r of chrome) {
    if (r.rule !== 'copyright-line') continue;
    const holder = copyrightHolder(r.text);
    if (!holder) continue;
    const outlet = lookupOutlet(holder);
    const ev = evidence(r.text, r.start, 'copyright-holder');
    // A wire's copyright on a page means republished agency copy: the agency is the source, not the publisher.
    if (outlet?.kind === 'news agency') {
      agencyCopyright ??= { value: outlet.name, evidence: { ...ev, rule: 'agency-copyright' } };
      continue;
    }
    return { outlet: { value: outlet?.name ?? holder, evidence: ev }, agencyCopyright };
  }
  for (const r of chrome) {
    if (r.rule !== 'url-line') continue;
    const url = /(?:https?:\/\/|www\.)\S+/i.exec(r.text);
    const host = url ? hostOf(url[0]) : null;
    if (!url || !host) continue;
    return { outlet: { value: lookupOutlet(host)?.name ?? host, evidence: evidence(url[0], r.start + url.index, 'url-domain') }, agencyCopyright };
  }
  const ignored = new Set(chromeLexicon().nonOutletDomains.entries);
  // Copyright lines were read above; a wire's name there must not come back as the publisher.
  const sansCopyright = chrome.filter((r) => r.rule !== 'copyright-line');
  for (const r of sansCopyright) {
    for (const m of r.text.matchAll(DOMAIN_IN_TEXT)) {
      const host = m[1]!.toLowerCase();
      if ([...ignored].some((d) => host === d || host.endsWith(`.${d}`))) continue;
      const start = r.start + m.index + m[0].indexOf(m[1]!);
      return { outlet: { value: lookupOutlet(host)?.name ?? m[1]!, evidence: evidence(m[1]!, start, 'domain-in-site-chrome') }, agencyCopyright };
    }
  }
  for (const r of sansCopyright) {
    const mention = findOutletMentions(r.text)[0];
    if (!mention) continue;
    return { outlet: { value: mention.outlet.name, evidence: evidence(r.text, r.start, 'brand-in-site-chrome') }, agencyCopyright };
  }
  return { outlet: null, agencyCopyright };
}

/** An agency in a dateline is accepted when registered, or when written as an acronym ("(SANA)"). */
function agencyName(raw: string): string | null {
  const registered = lookupOutlet(raw);
  if (registered) return registered.name;
  return /^\p{Lu}[\p{Lu}\p{N}&/-]{1,11}$/u.test(raw.trim()) ? raw.trim() : null;
}

/** How many kept blocks from the top a dateline may sit in (after a title and a standfirst). */
const DATELINE_BLOCKS = 4;

/**
 * The original source of a republished story: the agency in a dateline
 * ("Pyongyang, March 14 (KCNA) --", "MOSCOW, June 1 (TASS) -", "(Reuters) -"),
 * else an agency credit line ("Korean Central News Agency of DPRK via Korea
 * News Service (KNS)", "Source: Xinhua"). Registered agencies by registry name.
 */
export function inferOriginalSource(original: string, clean: CleanResult): Inferred | null {
  for (const b of keptBlocks(original, clean).slice(0, DATELINE_BLOCKS)) {
    const m = DATELINE.exec(b.text);
    const raw = m?.[2] ?? m?.[3];
    if (!m || !raw) continue;
    const name = agencyName(raw);
    if (!name) continue;
    // Evidence: the dateline up to the agency's closing parenthesis, without the dash.
    const close = m[0].lastIndexOf(')');
    return { value: name, evidence: evidence(b.text.slice(0, close + 1), b.start, 'dateline-agency') };
  }
  for (const r of clean.removed) {
    if (r.rule !== 'agency-credit-line') continue;
    const first = r.text.replace(/^source:\s*/i, '').split(/\s+via\s+/i)[0]!.trim();
    const outlet = lookupOutlet(first);
    if (outlet) return { value: outlet.name, evidence: evidence(r.text, r.start, 'agency-credit-line') };
  }
  return null;
}

// ── publication date ─────────────────────────────────────────────────────

const UPDATED_LABEL = /^(?:updated|last updated|modified)\b/i;

/**
 * The publication date, ISO `YYYY-MM-DD`: a date line of the page ("30 Jun,
 * 2024 10:41", "Published: June 30, 2024"; an "Updated" line only when no
 * other), else a dateline with a year, else a date with a year inside other
 * page-meta chrome (" date 2024-06-30" in an icon strip, a byline's date).
 * A dateline without a year and dates inside story sentences give nothing.
 */
export function inferPublished(original: string, clean: CleanResult): Inferred | null {
  const lines = clean.removed.filter((r) => r.rule === 'date-line' || r.rule === 'updated-label');
  const ordered = [...lines.filter((r) => !UPDATED_LABEL.test(r.text)), ...lines.filter((r) => UPDATED_LABEL.test(r.text))];
  for (const r of ordered) {
    const m = DATE_LINE.exec(r.text) ?? null;
    const iso = m ? isoFromMatch(m) : (findDates(r.text)[0]?.iso ?? null);
    if (iso) return { value: iso, evidence: evidence(r.text, r.start, UPDATED_LABEL.test(r.text) ? 'updated-line' : 'date-line') };
  }
  for (const b of keptBlocks(original, clean).slice(0, DATELINE_BLOCKS)) {
    const m = DATELINE.exec(b.text);
    const date = m?.[1];
    if (!m || !date) continue;
    const found = findDates(date)[0];
    if (found) return { value: found.iso, evidence: evidence(m[0].trimEnd(), b.start, 'dateline-with-year') };
  }
  for (const r of clean.removed) {
    if (!DATE_CHROME_RULES.has(r.rule)) continue;
    const found = findDates(r.text)[0];
    if (found) return { value: found.iso, evidence: evidence(r.text.slice(found.start, found.end), r.start + found.start, 'date-in-page-meta') };
  }
  return null;
}

// ── title and URL ────────────────────────────────────────────────────────

/** A title is at most this many words: longer head lines are standfirsts or lede sentences. */
const MAX_TITLE_WORDS = 18;

/**
 * The title: the first kept block when it looks like a headline (short, no
 * final period, not a dateline) and more text follows it. Whitespace is
 * collapsed in the value (saved pages carry no-break spaces); the evidence is
 * the exact original slice.
 */
export function inferTitle(original: string, clean: CleanResult): Inferred | null {
  const blocks = keptBlocks(original, clean);
  const first = blocks[0];
  if (!first || blocks.length < 2) return null;
  if (!isHeadlineLike(first.text) || startsWithDateline(first.text) || wordCount(first.text) > MAX_TITLE_WORDS) return null;
  return { value: first.text.replace(/[\s\u00A0]+/gu, ' ').trim(), evidence: evidence(first.text, first.start, 'first-block-headline') };
}

/** The canonical URL: a URL line of the page (removed as page meta). */
export function inferUrl(clean: CleanResult): Inferred | null {
  for (const r of clean.removed) {
    if (r.rule !== 'url-line') continue;
    const m = /(?:https?:\/\/|www\.)\S+/i.exec(r.text);
    if (m) return { value: m[0], evidence: evidence(m[0], r.start + m.index, 'url-line') };
  }
  return null;
}
