import type { DocMeta, Field } from './types.js';

/** A field with no value and no evidence: framelens says "unknown" rather than guessing. */
export function noField<T = string>(): Field<T> {
  return { value: null, source: 'none' };
}

export function emptyMeta(): DocMeta {
  return { outlet: noField(), originalSource: noField(), title: noField(), published: noField(), url: noField(), language: noField() };
}

/**
 * The outlet label used wherever articles are compared by outlet. An article
 * with no known outlet stands for itself: two unknown outlets are never
 * assumed to be the same one.
 */
export function outletLabel(doc: { id: string; meta: { outlet: { value: string | null } } }): string {
  return doc.meta.outlet.value ?? `unknown outlet (${doc.id})`;
}
