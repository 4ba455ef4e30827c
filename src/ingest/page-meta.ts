/** Metadata from a saved page's head, each value with the tag it came from. */
import type { MetaField, RawRecord } from '../doc/types.js';
import { collapse, type DomDocument, type DomElement } from './dom.js';

export type PageMeta = NonNullable<RawRecord['pageMeta']>;

interface MetaTag {
  content: string;
  /** e.g. meta[property="og:title"] */
  evidence: string;
}

/** <meta> tags by lower-cased property/name/itemprop; the first of each wins. */
function metaTags(doc: DomDocument): Map<string, MetaTag> {
  const tags = new Map<string, MetaTag>();
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const content = collapse(meta.getAttribute('content') ?? '');
    if (content === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, { content, evidence: `meta[${attr}="${key}"]` });
    }
  }
  return tags;
}

/** The first element of the tag with a non-empty attribute, preferring ones inside <article>. */
function firstWithAttribute(doc: DomDocument, tag: string, attr: string): DomElement | null {
  for (const scope of [...Array.from(doc.getElementsByTagName('article')), doc]) {
    for (const el of Array.from(scope.getElementsByTagName(tag))) if (el.getAttribute(attr)?.trim()) return el;
  }
  return null;
}

const META_KEYS: Readonly<Record<Exclude<MetaField, 'language'>, readonly string[]>> = {
  title: ['og:title'],
  outlet: ['og:site_name', 'application-name'],
  published: ['article:published_time', 'date', 'pubdate', 'dc.date', 'dc.date.issued', 'dcterms.date'],
  url: ['og:url'],
};

export function pageMetaOf(doc: DomDocument): PageMeta {
  const meta: PageMeta = {};
  const evidence: NonNullable<PageMeta['evidence']> = {};
  const set = (field: MetaField, value: string | null | undefined, from: string): boolean => {
    const clean = collapse(value ?? '');
    if (clean === '' || meta[field] !== undefined) return false;
    meta[field] = clean;
    evidence[field] = from;
    return true;
  };
  const tags = metaTags(doc);
  const fromMeta = (field: MetaField, keys: readonly string[]): boolean => {
    for (const key of keys) {
      const tag = tags.get(key);
      if (tag && set(field, tag.content, tag.evidence)) return true;
    }
    return false;
  };

  if (!fromMeta('title', META_KEYS.title)) {
    const title = doc.getElementsByTagName('title')[0];
    if (title) set('title', title.textContent, '<title>');
  }
  fromMeta('outlet', META_KEYS.outlet);
  if (!fromMeta('published', META_KEYS.published)) {
    const time = firstWithAttribute(doc, 'time', 'datetime');
    if (time) set('published', time.getAttribute('datetime'), '<time datetime>');
  }
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical') && set('url', link.getAttribute('href'), 'link[rel="canonical"]')) break;
  }
  fromMeta('url', META_KEYS.url);
  set('language', doc.documentElement?.getAttribute('lang'), 'html[lang]');
  meta.evidence = evidence;
  return meta;
}
