/** The few DOM members ingest uses, typed here because the project compiles without the DOM lib. */

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function tagOf(node: DomNode): string {
  return node.nodeName.toLowerCase();
}

/** document.body, without linkedom's getter (it throws on a document with no root element). */
export function bodyOf(doc: DomDocument): DomElement | null {
  const root = doc.documentElement;
  if (!root) return null;
  return Array.from(root.childNodes).find((n): n is DomElement => n.nodeType === ELEMENT_NODE && tagOf(n) === 'body') ?? null;
}

/** Whitespace runs as one space, trimmed (how a browser shows text outside <pre>). */
export function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}
