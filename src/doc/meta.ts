import type { DocMeta, Field } from './types.js';

/** A field with no value and no evidence: framelens says "unknown" rather than guessing. */
export function noField<T = string>(): Field<T> {
  return { value: null, source: 'none' };
}

export function emptyMeta(): DocMeta {
  return { outlet: noField(), originalSource: noField(), title: noField(), published: noField(), url: noField(), language: noField() };
}
