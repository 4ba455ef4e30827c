import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { highlightHtml, segmentize, type HighlightSpan } from '../../src/report/html/segments.js';
import { escapeHtml } from '../../src/report/escape.js';

const spanArb = (max: number): fc.Arbitrary<HighlightSpan> =>
  fc
    .record({ a: fc.integer({ min: -2, max: max + 2 }), b: fc.integer({ min: -2, max: max + 2 }), cls: fc.integer({ min: 0, max: 5 }), mark: fc.boolean(), focus: fc.boolean(), anchor: fc.boolean() })
    .map(({ a, b, cls, mark, focus, anchor }) => ({ start: Math.min(a, b), end: Math.max(a, b), classes: [`s${cls}`], keys: [`k${cls}`], pairs: [`p${cls}`], mark, focus, title: `t<${cls}>"`, ...(anchor ? { anchor: `x${a}-${b}` } : {}) }));

const textAndSpans = (unit: 'grapheme' | 'binary-ascii' | 'binary') =>
  fc.string({ unit, maxLength: 60 }).chain((text) => fc.tuple(fc.constant(text), fc.array(spanArb(text.length), { maxLength: 12 })));

const stripTags = (html: string): string => html.replace(/<[^>]*>/g, '');

describe('highlightHtml', () => {
  it('keeps the text: tags removed, the output is exactly the escaped original, for any overlapping spans', () => {
    fc.assert(
      fc.property(textAndSpans('binary'), ([text, spans]) => {
        expect(stripTags(highlightHtml(text, spans))).toBe(escapeHtml(text));
      }),
      { numRuns: 300 },
    );
  });

  it('parses back to the same text content in an HTML parser (no markup leaks out of the text)', () => {
    fc.assert(
      fc.property(textAndSpans('grapheme'), ([raw, spans]) => {
        const text = raw.replace(/[\r\0]/g, ' ');
        const { document } = parseHTML(`<!doctype html><html><body><div id="t">${highlightHtml(text, spans)}</div></body></html>`);
        const root = document.getElementById('t')!;
        const expected = parseHTML(`<!doctype html><html><body><div id="t">${escapeHtml(text)}</div></body></html>`).document.getElementById('t')!.textContent;
        expect(root.textContent).toBe(expected);
        expect(root.querySelectorAll('script,img,a,iframe').length).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every elementary segment exactly the spans that cover it', () => {
    fc.assert(
      fc.property(textAndSpans('binary-ascii'), ([text, spans]) => {
        const segs = segmentize(text, spans);
        let pos = 0;
        for (const seg of segs) {
          expect(seg.start).toBe(pos);
          expect(seg.end).toBeGreaterThan(seg.start);
          pos = seg.end;
          const expected = spans.flatMap((s, i) => {
            const a = Math.max(0, s.start);
            const b = Math.min(text.length, s.end);
            return a < b && a <= seg.start && seg.end <= b ? [i] : [];
          });
          expect(seg.spans).toEqual(expected);
        }
        expect(pos).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('marks nested and crossing spans without nesting tags across their edges', () => {
    const html = highlightHtml('abcdefgh', [
      { start: 1, end: 5, classes: ['x'], mark: true, title: 'loaded' },
      { start: 3, end: 7, classes: ['y'], pairs: ['p1'], focus: true, badge: '1', anchor: 'here' },
    ]);
    expect(html).toBe(
      'a<mark class="x" title="loaded">bc</mark><span class="anc" id="here"></span><mark class="x y" title="loaded" data-p="p1" data-n="1" tabindex="0">de</mark><span class="y" data-p="p1">fg</span>h',
    );
  });

  it('escapes markup and shows bidi overrides as visible text', () => {
    const text = '<script>alert(1)</script> \u202Eevil';
    const html = highlightHtml(text, [{ start: 0, end: 8, classes: ['q'], title: '"><img src=x onerror=alert(1)>' }]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('[U+202E]');
  });

  it('never splits a surrogate pair between two segments', () => {
    const text = 'a😀b';
    const segs = segmentize(text, [{ start: 2, end: 4 }]);
    for (const s of segs) expect(text.slice(s.start, s.end)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});
