import { describe, expect, it } from 'vitest';
import { buildDoc, recordFromText } from '../../src/pipeline/build-doc.js';
import { analyzeDoc } from '../../src/frames/index.js';
import { composeEntry, coreFromEntry, entryLine, entryTail, membershipPiece } from '../../src/pipeline/entry.js';
import { articleRecord } from '../../src/report/build.js';
import { ArticleSchema } from '../../src/report/schema.js';
import { reportElement } from '../../src/report/stream.js';

// Non-ASCII text throughout: the pieces are cut by byte length, not by character.
const TEXT = 'Pyongyang — Le ministère a dénoncé « l’OTAN asiatique ». The Foreign Ministry said on Sunday that the “Asian NATO” threatens peace. 北朝鮮 🚀';

function doc(): ReturnType<typeof buildDoc> {
  const d = buildDoc(recordFromText('a1', TEXT, { outlet: 'KCNA', published: '2024-06-30' }));
  analyzeDoc(d);
  return d;
}

const expected = (d: ReturnType<typeof doc>, m: Parameters<typeof articleRecord>[1], includeText: boolean, layers = d.layers): string =>
  reportElement(ArticleSchema.parse(articleRecord({ ...d, layers, words: d.tokens.length }, m, includeText)));

describe('spilled article entries', () => {
  it('join to the bytes of the validated report entry, with and without text and membership', () => {
    const d = doc();
    const line = Buffer.from(entryLine(d));
    const membership = { story: 's1', event: 'e1', cohesion: 0.8125 };
    for (const includeText of [true, false]) {
      expect(Buffer.concat(composeEntry(line, membershipPiece(membership), includeText, null)).toString('utf8')).toBe(expected(d, membership, includeText));
      expect(Buffer.concat(composeEntry(line, membershipPiece(null), includeText, null)).toString('utf8')).toBe(expected(d, null, includeText));
    }
  });

  it('take findings made later (deferred framing) in place of the spilled ones', () => {
    const bare = buildDoc(recordFromText('a1', TEXT, { outlet: 'KCNA', published: '2024-06-30' }));
    const line = Buffer.from(entryLine(bare));
    const framed = doc();
    const tail = Buffer.from(entryTail(framed));
    expect(Object.keys(framed.layers).length).toBeGreaterThan(0);
    expect(Buffer.concat(composeEntry(line, membershipPiece(null), true, tail)).toString('utf8')).toBe(expected(framed, null, true));
  });

  it('give back the article a story task needs: text, offsets, sentences, metadata, findings', () => {
    const d = doc();
    const core = coreFromEntry(Buffer.from(entryLine(d)));
    expect(core).toEqual({
      id: d.id,
      source: d.source,
      text: d.text,
      map: d.map,
      removed: d.removed,
      paragraphs: d.paragraphs,
      sentences: d.sentences,
      language: d.language,
      meta: JSON.parse(JSON.stringify(d.meta)),
      extra: d.extra,
      diagnostics: d.diagnostics,
      layers: JSON.parse(JSON.stringify(d.layers)),
      words: d.tokens.length,
    });
  });
});
