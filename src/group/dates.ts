/**
 * Time evidence of an article: dates written in the text (resolved against the
 * publication date when there is one), the article's own date, and the
 * earliest year it can have been written.
 */
import { datedTermPattern, escapeTerm, type Gazetteer } from './entities.js';
import { isSpaceUnit } from '../text/index.js';

export interface DateMention {
  /**
   * `YYYY-MM-DD` (a day), `--MM-DD` (a day whose year is unknown, also emitted
   * beside every full day so year-less mentions can match), `YYYY` (a year) or
   * `wYYYY-MM-DD` (the Monday of a week named relative to the publication date).
   */
  key: string;
  start: number;
  end: number;
}

export interface TimeEvidence {
  mentions: DateMention[];
  /** The article's date: the publication date, else a full date in the first {@link DATELINE_CHARS} characters. */
  anchor: string | null;
  /** The latest year the text names in a past-time context or by a dated term (COVID-19 → 2020); null if none. */
  floorYear: number | null;
}

/** A full date this close to the start is the article's dateline ("March 4, 2009", "Posted Dec 23, 2012"). */
export const DATELINE_CHARS = 400;

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = `(${MONTH_NAMES.join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?`;
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '((?:19|20)\\d{2})';
/** "June 30", "Dec.14", "Jun 11th 2012", "March 4, 2009", "June 27 and 29". */
export const MONTH_DAY = new RegExp(`\\b${MONTH_RE}\\s*${DAY_RE}(?:\\s*(?:and|to|-|–)\\s*(\\d{1,2})(?!\\d))?(?:,?\\s*${YEAR_RE})?(?![\\d:])`, 'gi');
/** "30 Jun, 2024", "27 NOVEMBER, 2005", "16 September 2013". */
const DAY_MONTH = new RegExp(`\\b${DAY_RE}\\s+${MONTH_RE}(?:,?\\s*${YEAR_RE})?\\b`, 'gi');
/** "2024-06-30", also with spaced hyphens ("2013 - 09 - 26": text re-joined from tokens). */
const ISO_DAY = /\b((?:19|20)\d{2}) ?- ?(\d{2}) ?- ?(\d{2})\b/g;
/** "03/14/2013", "27/09/2013", "11/28/05": read only when one part exceeds 12 (no guessing between US and day-first order). */
const SLASH_DAY = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)?\d{2})\b/g;
const YEAR = /\b(?:(since|in|from|during|of|until|by|before|after|late|early|mid)\s+)?((?:19|20)\d{2})s?\b(?![.,]\d)/gi;
const RELATIVE = /\b(?:(?:on|last|this|next)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b|\b(yesterday|today|this morning|tonight|this year|last year|this week|last week)\b/gi;

/** Sticky forms: tried only at the starts the cheap scans below propose (see {@link matchesAt}). */
const YEAR_AT = new RegExp(YEAR.source, 'iy');
const MONTH_DAY_AT = new RegExp(MONTH_DAY.source, 'iy');
/** Runs of ASCII digits (the `\d` of the patterns above, which have no u flag). */
const DIGIT_RUN = /\d+/g;
const RELATIVE_AT = new RegExp(RELATIVE.source, 'iy');
/** The digits of every {@link YEAR} match: a year after a word boundary. */
const YEAR_DIGITS = /\b(?:19|20)\d\d/g;
/** Every {@link RELATIVE} match holds one: a weekday, "yesterday" or "today" ends in "day" before a boundary; the other phrases are literal. */
const RELATIVE_SCAN = /day\b|tonight|this (?:morning|year|week)|last (?:year|week)/gi;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date's day part, or null when it is not a real date. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.floor(t / DAY_MS);
}

/** Memo of {@link isoOfDay}: an article's relative dates fall on a few days near its publication. */
const isoMemo = new Map<number, string>();

export function isoOfDay(day: number): string {
  let iso = isoMemo.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoMemo.size >= 4096) isoMemo.clear();
    isoMemo.set(day, iso);
  }
  return iso;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDay(y: number, m: number, d: number): boolean {
  return dayNumber(`${y}-${pad(m)}-${pad(d)}`) !== null;
}

/** The year that puts month-day nearest the publication day (a "June 30" in a 2 July article is last June). */
function nearestYear(m: number, d: number, pubDay: number): number | null {
  const py = new Date(pubDay * DAY_MS).getUTCFullYear();
  let best: number | null = null;
  let bestGap = Infinity;
  for (const y of [py - 1, py, py + 1]) {
    const day = dayNumber(`${y}-${pad(m)}-${pad(d)}`);
    if (day === null) continue;
    const gap = Math.abs(day - pubDay);
    if (gap < bestGap) [best, bestGap] = [y, gap];
  }
  return best;
}

/**
 * A date key (`DateMention.key`) as a person reads it: "--06-30" (a day named without a year) is
 * "June 30 of any year", "w2024-06-24" (a week, by its Monday) "week of 2024-06-24"; full dates and
 * years stay as they are.
 */
export function dateKeyText(key: string): string {
  const day = /^--(\d\d)-(\d\d)$/.exec(key);
  if (day) {
    const month = MONTH_NAMES[Number(day[1]) - 1];
    return month ? `${month} ${Number(day[2])} of any year` : key;
  }
  const week = /^w(\d{4}-\d\d-\d\d)$/.exec(key);
  return week ? `week of ${week[1]}` : key;
}

/**
 * Time evidence of one text. Absolute dates are read by three patterns (month
 * day [year], day month [year], ISO); a year-less day is resolved to the year
 * nearest the publication date when that is known; weekdays, "yesterday",
 * "this/last year", "this/last week" are resolved only against a publication
 * date (never against the clock). Bare years are year keys.
 */
export function extractDates(text: string, published: string | null, gazetteer?: Gazetteer): TimeEvidence {
  const pubDay = published ? dayNumber(published) : null;
  const mentions: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const pastYears: number[] = [];
  let dateline: string | null = null;

  const addDay = (y: number | null, m: number, d: number, start: number, end: number): void => {
    if (!validDay(y ?? 2000, m, d)) return;
    let year = y;
    if (year === null && pubDay !== null) year = nearestYear(m, d, pubDay);
    if (year !== null) {
      const key = `${year}-${pad(m)}-${pad(d)}`;
      mentions.push({ key, start, end });
      if (y !== null) {
        pastYears.push(y);
        if (dateline === null && start < DATELINE_CHARS) dateline = key;
      }
    }
    mentions.push({ key: `--${pad(m)}-${pad(d)}`, start, end });
  };

  for (const m of monthDayMatches(text)) {
    if (!/^\p{Lu}/u.test(m[1]!)) continue; // "may 5" the verb
    const month = MONTHS[m[1]!.toLowerCase()]!;
    const year = m[4] ? Number(m[4]) : null;
    addDay(year, month, Number(m[2]), m.index, m.index + m[0].length);
    if (m[3]) addDay(year, month, Number(m[3]), m.index, m.index + m[0].length);
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    if (!/^\p{Lu}/u.test(m[2]!) || overlaps(taken, m.index, m.index + m[0].length)) continue;
    addDay(m[3] ? Number(m[3]) : null, MONTHS[m[2]!.toLowerCase()]!, Number(m[1]), m.index, m.index + m[0].length);
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(ISO_DAY)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    addDay(Number(m[1]), Number(m[2]), Number(m[3]), m.index, m.index + m[0].length);
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(SLASH_DAY)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if ((a > 12) === (b > 12)) continue;
    const y = m[3]!.length === 2 ? (Number(m[3]) < 70 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
    addDay(y, a > 12 ? b : a, a > 12 ? a : b, m.index, m.index + m[0].length);
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of yearMatches(text)) {
    const start = m.index + m[0].length - m[2]!.length - (m[0].endsWith('s') ? 1 : 0);
    const end = start + m[2]!.length;
    if (overlaps(taken, start, end)) continue;
    const year = Number(m[2]);
    mentions.push({ key: String(year), start, end });
    const word = m[1]?.toLowerCase();
    if (word === 'since' || word === 'in' || word === 'from' || word === 'during' || word === 'after') pastYears.push(year);
  }
  if (pubDay !== null) {
    const pubYear = new Date(pubDay * DAY_MS).getUTCFullYear();
    const weekday = new Date(pubDay * DAY_MS).getUTCDay();
    const monday = pubDay - ((weekday + 6) % 7);
    for (const m of relativeMatches(text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (overlaps(taken, start, end)) continue;
      if (m[1]) {
        if (!/^\p{Lu}/u.test(m[1])) continue;
        // The most recent such weekday on or before publication (news reports the past).
        const back = (weekday - WEEKDAYS[m[1].toLowerCase()]! + 7) % 7;
        const key = isoOfDay(pubDay - back);
        mentions.push({ key, start, end }, { key: `--${key.slice(5)}`, start, end });
        continue;
      }
      const phrase = m[2]!.toLowerCase();
      if (phrase === 'yesterday') mentions.push({ key: isoOfDay(pubDay - 1), start, end });
      else if (phrase === 'today' || phrase === 'this morning' || phrase === 'tonight') mentions.push({ key: isoOfDay(pubDay), start, end });
      else if (phrase === 'this year') mentions.push({ key: String(pubYear), start, end });
      else if (phrase === 'last year') mentions.push({ key: String(pubYear - 1), start, end });
      else if (phrase === 'this week') mentions.push({ key: `w${isoOfDay(monday)}`, start, end });
      else mentions.push({ key: `w${isoOfDay(monday - 7)}`, start, end });
    }
  }
  let floor = -Infinity;
  for (const y of pastYears) if (y > floor) floor = y;
  if (gazetteer) {
    // Only terms dated after the floor so far can raise it (the floor is the maximum). One scan for any
    // of them first (each term's pattern matches only where the bare term does): most texts name none.
    const { terms, gate } = termsAfter(gazetteer.datedTerms, floor);
    if (terms.length > 0 && gate.test(text)) {
      for (const { pattern, floor: year } of terms) if (pattern.test(text) && year > floor) floor = year;
    }
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const anchor = pubDay !== null ? isoOfDay(pubDay) : dateline;
  const floorYear = floor === -Infinity ? null : floor;
  return { mentions, anchor, floorYear };
}

/**
 * What `text.matchAll(global)` yields, for the sticky form of the same pattern tried at candidate starts only:
 * exact when every match start is among `starts` (matchAll takes the leftmost match at or after the end of
 * the previous one; none of these patterns matches the empty string).
 */
function matchesAt(text: string, sticky: RegExp, starts: number[]): RegExpExecArray[] {
  starts.sort((a, b) => a - b);
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (let k = 0; k < starts.length; k++) {
    const p = starts[k]!;
    if (p < from || (k > 0 && p === starts[k - 1])) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m) {
      out.push(m);
      from = p + m[0].length;
    }
  }
  return out;
}

/** ASCII letter: the only units an ASCII word matches under the `i` flag without `u`. */
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Start of the ASCII word that ends right before whitespace ending at `at` (where "since 2017", "on Sunday" would begin), or -1. */
function wordBefore(text: string, at: number): number {
  let e = at;
  while (e > 0 && isSpaceUnit(text.charCodeAt(e - 1))) e--;
  if (e === at) return -1;
  let r = e;
  while (r > 0 && isAsciiLetter(text.charCodeAt(r - 1))) r--;
  return r < e ? r : -1;
}

/**
 * `text.matchAll(YEAR)`: a match starts at its year (after a word boundary) or at the word before it
 * ("since 2017"), and a word boundary never falls inside an ASCII word, so those two starts of every
 * year found by a cheap scan are all the starts there are.
 */
function yearMatches(text: string): RegExpExecArray[] {
  const starts: number[] = [];
  YEAR_DIGITS.lastIndex = 0;
  for (let m = YEAR_DIGITS.exec(text); m; m = YEAR_DIGITS.exec(text)) {
    const w = wordBefore(text, m.index);
    if (w >= 0) starts.push(w);
    starts.push(m.index);
  }
  return matchesAt(text, YEAR_AT, starts);
}

/**
 * `text.matchAll(MONTH_DAY)`: a match is a month name (ASCII letters after a word boundary) then an
 * optional "." and white space, then a digit. So it starts at the start of the run of ASCII letters
 * that ends right before a digit run, or before "." or white space followed by one: each digit run
 * proposes that run's start. (Tried at every position of the text, the pattern was the costliest of
 * the date patterns; digit runs are few.)
 */
export function monthDayMatches(text: string): RegExpExecArray[] {
  const starts: number[] = [];
  // Digit runs found by the regex engine: a loop over every unit in script cost more than the pattern.
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    let e = m.index;
    while (e > 0 && isSpaceUnit(text.charCodeAt(e - 1))) e--;
    if (e > 0 && text.charCodeAt(e - 1) === 46) e--;
    let r = e;
    while (r > 0 && isAsciiLetter(text.charCodeAt(r - 1))) r--;
    if (r < e) starts.push(r);
  }
  return matchesAt(text, MONTH_DAY_AT, starts);
}

/**
 * `text.matchAll(RELATIVE)`: a weekday, "yesterday" or "today" is the ASCII word ending in a scanned
 * "day" (or the word before it: "last Sunday"); the other phrases start where scanned.
 */
function relativeMatches(text: string): RegExpExecArray[] {
  const starts: number[] = [];
  RELATIVE_SCAN.lastIndex = 0;
  for (let m = RELATIVE_SCAN.exec(text); m; m = RELATIVE_SCAN.exec(text)) {
    if (m[0].length !== 3) {
      starts.push(m.index);
      continue;
    }
    let s = m.index;
    while (s > 0 && isAsciiLetter(text.charCodeAt(s - 1))) s--;
    const w = wordBefore(text, s);
    if (w >= 0) starts.push(w);
    starts.push(s);
  }
  return matchesAt(text, RELATIVE_AT, starts);
}

type DatedTerms = Gazetteer['datedTerms'];

/** Per list of dated terms: the terms dated after a year, with their gate ({@link anyTermOf}), by that year's rank among the floors. */
const termsByFloor = new WeakMap<DatedTerms, { floors: number[]; subsets: Array<{ terms: DatedTerms; gate: RegExp }> }>();

/**
 * The dated terms whose floor is after `year` (in list order) and a pattern matching wherever one of
 * them does. A year already named in a past-time context sets the floor at least that high, and
 * lower floors cannot raise it: "isis" (2013), the gate's most common false hit ("crisis"), is then
 * not scanned for in a text that names a later year.
 */
function termsAfter(terms: DatedTerms, year: number): { terms: DatedTerms; gate: RegExp } {
  let known = termsByFloor.get(terms);
  if (!known) {
    const floors = [...new Set(terms.map((t) => t.floor))].sort((a, b) => a - b);
    const subsets = [-Infinity, ...floors].map((f) => {
      const after = terms.filter((t) => t.floor > f);
      return { terms: after, gate: anyTermOf(terms, after) };
    });
    known = { floors, subsets };
    termsByFloor.set(terms, known);
  }
  // The number of floors at or before `year`: subset r holds the terms after the r-th lowest floor.
  let r = 0;
  while (r < known.floors.length && known.floors[r]! <= year) r++;
  return known.subsets[r]!;
}

/**
 * The terms as one alternation with their patterns' flags (`iu`), without the word-boundary checks:
 * it matches wherever one of the patterns does. A list whose patterns are not the shipped form
 * ({@link datedTermPattern}) gets an always-matching test, so each pattern is run as written.
 */
function anyTermOf(all: DatedTerms, terms: DatedTerms): RegExp {
  const shipped = all.every(({ term, pattern }) => {
    const p = datedTermPattern(term);
    return pattern.source === p.source && pattern.flags === p.flags;
  });
  return !shipped ? /(?:)/ : terms.length ? new RegExp(terms.map((t) => escapeTerm(t.term)).join('|'), 'iu') : /(?!)/;
}

function overlaps(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}
