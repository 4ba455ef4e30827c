/** Saved web pages (.html, .htm): Readability's main text, one block a paragraph, plus the page's own metadata. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Diagnostic, SkipCode } from '../doc/types.js';
import { blockTexts } from './blocks.js';
import { bodyOf, tagOf, type DomDocument, type DomNode } from './dom.js';
import { pageMetaOf, type PageMeta } from './page-meta.js';

export type Extracted = { ok: true; text: string; pageMeta: PageMeta; diagnostics: Diagnostic[] } | { ok: false; code: SkipCode; reason: string };

/** linkedom takes the first element as the root: a fragment ("<p>…") needs an <html> around it. */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<(head|body|frameset)[\s>]/i.test(html)) return `<html>${html}</html>`;
  return `<html><head></head><body>${html}</body></html>`;
}

function parse(html: string): DomDocument | null {
  const doc = (parseHTML(asDocument(html)) as unknown as { document?: DomDocument }).document;
  return doc?.documentElement ? doc : null;
}

function frameSources(doc: DomDocument): string[] {
  return Array.from(doc.getElementsByTagName('frame'))
    .map((frame) => frame.getAttribute('src')?.trim() ?? '')
    .filter((src) => src !== '');
}

function readabilityText(doc: DomDocument): string {
  // The serializer hands back the content element itself, so it can be walked block by block.
  const article = new Readability(doc as never, { serializer: (node: unknown) => node as DomNode }).parse();
  const content = article?.content;
  return content ? blockTexts(content).join('\n\n') : '';
}

/**
 * Main text of a page. Readability first; when it finds nothing (or throws), the body's blocks
 * (with an info diagnostic saying so). Never throws.
 */
export function extractHtml(html: string, file: string): Extracted {
  let doc: DomDocument | null;
  try {
    doc = parse(html);
  } catch (error) {
    return { ok: false, code: 'E_HTML', reason: `${file}: the page could not be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!doc) return { ok: false, code: 'E_HTML', reason: `${file}: not an HTML page (no root element)` };
  let pageMeta: PageMeta = {};
  const diagnostics: Diagnostic[] = [];
  try {
    pageMeta = pageMetaOf(doc);
  } catch (error) {
    diagnostics.push({ severity: 'warning', code: 'ingest:page-meta', message: `${file}: page metadata not read: ${String(error)}`, file, line: null });
  }
  const frames = frameSources(doc);
  let text = '';
  try {
    // Readability edits the document it reads, so the metadata was taken first.
    text = readabilityText(doc);
  } catch {
    text = '';
  }
  if (text.trim() === '') {
    let body = null;
    try {
      const fresh = parse(html);
      body = fresh ? bodyOf(fresh) : null;
      text = body ? blockTexts(body).join('\n\n') : '';
    } catch {
      text = '';
    }
    if (text.trim() === '') {
      const why = frames.length > 0
        ? `the page is a frameset; its text is in the frame files (${frames.join(', ')})`
        : body
          ? `no text in the body${tagOf(body) === 'body' && body.childNodes.length === 0 ? ' (the body is empty)' : ''}`
          : 'the page has no body';
      return { ok: false, code: 'E_HTML', reason: `${file}: no main text found: ${why}` };
    }
    diagnostics.push({ severity: 'info', code: 'ingest:html-fallback', message: `${file}: Readability found no article; used all text blocks of the body`, file, line: null });
  }
  return { ok: true, text, pageMeta, diagnostics };
}
