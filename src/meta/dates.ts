/**
 * Publication-date lines: recognizing a block that is only a date (with an
 * optional label, weekday and time) and parsing it to ISO `YYYY-MM-DD`.
 * Only dates with a year are dates here: "March 14" alone gives nothing.
 */

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan/i, 1], [/^feb/i, 2], [/^mar/i, 3], [/^apr/i, 4], [/^may/i, 5], [/^jun/i, 6],
  [/^jul/i, 7], [/^aug/i, 8], [/^sep/i, 9], [/^oct/i, 10], [/^nov/i, 11], [/^dec/i, 12],
];

export const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ISO = String.raw`(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DAY_MONTH_YEAR = String.raw`(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})\.?,?\s+(\d{4})`;
const MONTH_DAY_YEAR = String.raw`(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`;
const TIME = String.raw`(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC|[A-Z]{2,4}T|[+-]\d{1,2}(?::?\d{2})?)\)?)?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
export const DATE_LABEL = String.raw`(?:published|updated|posted|last updated|first published|modified|date)`;

/** A date with a year, in any of the forms pages print. Groups: ISO (1-3), D M Y (4-6), M D Y (7-9). */
export const DATE_WITH_YEAR = `(?:${ISO}|${DAY_MONTH_YEAR}|${MONTH_DAY_YEAR})`;

/** A whole block that is a date line: "30 Jun, 2024 10:41", "Published: June 30, 2024", "date 2024-06-30". */
export const DATE_LINE = new RegExp(`^(?:${DATE_LABEL}(?:\\s+(?:on|at))?\\s*:?\\s*)?${WEEKDAY}${DATE_WITH_YEAR}${TIME}$`, 'i');

/** Any date with a year inside a longer string (for page-meta and chrome lines). */
export const DATE_ANYWHERE = new RegExp(`(?<![\\w-])${DATE_WITH_YEAR}(?![\\w-])`, 'gi');

function monthNumber(name: string): number | null {
  for (const [re, n] of MONTHS) if (re.test(name)) return n;
  return null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date of a DATE_WITH_YEAR match (groups as listed there), or null for an impossible date. */
export function isoFromMatch(m: RegExpExecArray | RegExpMatchArray): string | null {
  if (m[1] && m[2] && m[3]) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (m[4] && m[5] && m[6]) {
    const month = monthNumber(m[5]);
    return month ? iso(Number(m[6]), month, Number(m[4])) : null;
  }
  if (m[7] && m[8] && m[9]) {
    const month = monthNumber(m[7]);
    return month ? iso(Number(m[9]), month, Number(m[8])) : null;
  }
  return null;
}

/** All dates with a year inside `text`, in order, with offsets relative to `text`. */
export function findDates(text: string): Array<{ iso: string; start: number; end: number }> {
  const out: Array<{ iso: string; start: number; end: number }> = [];
  for (const m of text.matchAll(DATE_ANYWHERE)) {
    const value = isoFromMatch(m);
    if (value) out.push({ iso: value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
