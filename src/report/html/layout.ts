/**
 * The page shell: head with the CSP, the one stylesheet and the one script,
 * a navigation column, and the sections in reading order.
 */
import { escapeHtml, isolate } from '../escape.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';

export interface NavItem {
  href: string;
  label: string;
  note?: string;
}

export interface NavGroup {
  title: string;
  items: NavItem[];
  more?: string;
}

export function pageHtml(o: { title: string; csp: string; nav: NavGroup[]; body: string; lang?: string }): string {
  const nav = o.nav
    .map((g) => `<h2>${escapeHtml(g.title)}</h2><ol>${g.items.map((i) => `<li><a href="${escapeHtml(i.href)}">${isolate(i.label)}${i.note ? ` <span class="n">${escapeHtml(i.note)}</span>` : ''}</a></li>`).join('')}</ol>${g.more ? `<p class="note">${escapeHtml(g.more)}</p>` : ''}`)
    .join('');
  return `<!doctype html>
<html lang="${escapeHtml(o.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(o.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(o.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<div class="wrap">
<nav class="toc" aria-label="Contents">${nav}</nav>
<main id="main">
${o.body}
</main>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** 12,345 → "12,345" without locale data (output must not depend on the machine). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
