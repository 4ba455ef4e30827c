/**
 * The one place untrusted text becomes HTML. Article text may hold markup,
 * `javascript:` links and bidirectional overrides; all of it stays text.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Bidi controls (LRE…RLO, LRI…PDI) that could reorder what a reader sees around them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function escapeHtml(text: string): string {
  // An entity would still be decoded into the control; show it as visible text instead.
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!).replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/** Escapes and wraps in an isolating element so right-to-left overrides cannot leak into the page. */
export function isolate(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/** CSV cells that a spreadsheet would run as formulas get a leading apostrophe (OWASP CSV injection). */
export function neutralizeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
