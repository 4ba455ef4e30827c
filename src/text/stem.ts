import { porterEn, porterRu, porterUk } from './natural.js';

const caches = new Map<string, Map<string, string>>();
const MAX_CACHE = 200_000;

/** Porter stem for the language (English, Russian, Ukrainian); other languages keep the normalized form. */
export function stemWord(norm: string, language: string): string {
  const stemmer = language === 'ru' ? porterRu : language === 'uk' ? porterUk : language === 'en' || language === 'und' ? porterEn : null;
  if (!stemmer) return norm;
  let cache = caches.get(language);
  if (!cache) caches.set(language, (cache = new Map()));
  let s = cache.get(norm);
  if (s === undefined) {
    // Porter is defined on letters; keep numbers and mixed tokens as they are.
    s = /^[\p{L}']+$/u.test(norm) ? stemmer.stem(norm) || norm : norm;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(norm, s);
  }
  return s;
}
