/**
 * Company codes: the stock tickers and bracketed company names that wire services write to say whom an
 * item is about. Reuters writes them in angle brackets ("OWENS AND MINOR INC <OBOD> RAISES QTLY
 * DIVIDEND", "<GSW INC> YEAR NET", "Ford Motor Co <F> said"), press releases after the exchange
 * ("(NYSE: XYZ)", "(Nasdaq: XYZ)"), modern Reuters as instrument codes ("(AAPL.O)").
 *
 * A title's codes name the item's subject. Templated notices (dividends, quarterly results) often name
 * their company only there: the body is "Qtly div 25 cts vs 25 cts prior Pay April 30 Record April 16",
 * the same words for every company on the same day. Grouping step 4c reads these codes to keep
 * notices about different companies apart (group.ts `subjectsConflict`).
 *
 * Hand-written: the conventions are a few fixed patterns, and no NLP library knows them.
 */

/** A code in a text: its normalized value and the offsets of the whole match. */
export interface CodeMention {
  value: string;
  start: number;
  end: number;
}

/**
 * `<XYZ>`, `<Autorama Inc>`: an upper-case letter or digit first, no line break, at most 48 characters
 * (an HTML tag left in a text is lower-case or has attributes; `<P>` alone would read as a one-letter
 * ticker, as Ford's `<F>`, which is rare in a title and harmless in a text).
 */
const BRACKETED = /<([A-Z0-9][^<>\n]{0,47})>/g;
/** `(NYSE: XYZ)`, `NASDAQ:XYZ`, `(TSX-V: ABC)`: an exchange, a colon, the symbol. */
const EXCHANGE = /\b(?:NYSE(?: American| Arca| MKT)?|NASDAQ|Nasdaq|AMEX|TSX(?:-V)?|LSE|ASX|OTC(?:QB|QX)?)\s*:\s*([A-Z][A-Z0-9.-]{0,9})\b/g;
/** Reuters instrument codes in parentheses, `(AAPL.O)`, `(VOD.L)`: the symbol before the exchange suffix. */
const INSTRUMENT = /\(([A-Z0-9]{1,6})\.[A-Z]{1,2}\)/g;

/** Upper case, spaces collapsed, a trailing full stop dropped: `<Emhart Corp.>` and `<EMHART CORP>` are one code. */
export function normalizeCode(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toUpperCase();
}

/** Every code in `text` with its offsets (of the whole match), in text order. */
export function findCodes(text: string): CodeMention[] {
  const out: CodeMention[] = [];
  // Most texts have no '<' and no ':' at all.
  if (text.includes('<')) for (const m of text.matchAll(BRACKETED)) push(out, m);
  if (text.includes(':')) for (const m of text.matchAll(EXCHANGE)) push(out, m);
  for (const m of text.matchAll(INSTRUMENT)) push(out, m);
  return out.sort((a, b) => a.start - b.start);
}

function push(out: CodeMention[], m: RegExpExecArray | RegExpMatchArray): void {
  const value = normalizeCode(m[1]!);
  if (value) out.push({ value, start: m.index!, end: m.index! + m[0].length });
}

/** Each code once, at its first mention. */
export function distinctCodes(text: string): CodeMention[] {
  const out: CodeMention[] = [];
  for (const c of findCodes(text)) if (!out.some((x) => x.value === c.value)) out.push(c);
  return out;
}
