import { englishStopwords } from './natural.js';

const EN = new Set(englishStopwords);
// News function words natural's list lacks: reporting glue that says nothing about an event.
for (const w of ['also', 'said', 'says', 'would', 'could', 'us', 'mr', 'mrs', 'ms', 'one', 'two', 'new', 'year', 'years', 'last', 'week', 'told', 'according', 'since', 'including', 'however', 'among', 'many', 'much', 'may', 'might', 'must', 'shall', 'will', 'just', 'like', 'even', 'still', 'well']) EN.add(w);

/** True for English function words (natural's list plus news glue words). */
export function isStopword(norm: string): boolean {
  return EN.has(norm);
}
