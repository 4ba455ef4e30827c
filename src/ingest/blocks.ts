/**
 * An element's text one block a paragraph: p, h1-h6, li, blockquote, pre, figcaption, td… each
 * become their own paragraph (textContent would glue "end of one.Start of next").
 * A single <br> is a line break inside the paragraph; two in a row end it.
 */
import { collapse, ELEMENT_NODE, tagOf, TEXT_NODE, type DomNode } from './dom.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Never text a reader sees. */
const HIDDEN = new Set([
  'audio', 'button', 'canvas', 'embed', 'frame', 'frameset', 'head', 'iframe', 'input', 'map', 'math', 'noscript', 'object',
  'option', 'script', 'select', 'style', 'svg', 'template', 'textarea', 'title', 'video',
]);

/** Stands for a <br> while inline text collects (a private-use character no page text keeps). */
const BR = '\uE000';

export function blockTexts(root: DomNode): string[] {
  const blocks: string[] = [];
  let inline = '';

  const flush = (): void => {
    if (inline === '') return;
    let lines: string[] = [];
    for (const piece of inline.split(BR)) {
      const line = collapse(piece);
      if (line !== '') lines.push(line);
      else if (lines.length > 0) {
        // An empty line between <br>s ends a paragraph.
        blocks.push(lines.join('\n'));
        lines = [];
      }
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
    inline = '';
  };

  // Depth-first with an explicit stack (a page nested thousands deep must not overflow the call
  // stack); a block element's exit is a marker on the stack that flushes its text.
  const stack: Array<DomNode | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT_NODE) {
      inline += (node.textContent ?? '').replaceAll(BR, '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = tagOf(node);
    if (HIDDEN.has(tag)) continue;
    if (tag === 'br') {
      inline += BR;
      continue;
    }
    if (tag === 'pre') {
      flush();
      const text = (node.textContent ?? '').replace(/^\n/, '').trimEnd();
      if (text.trim() !== '') blocks.push(text);
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push(null);
    } else if (tag === 'img') {
      inline += ' ';
      continue;
    }
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  flush();
  return blocks;
}

