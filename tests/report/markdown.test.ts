import { describe, expect, it } from 'vitest';
import { mdText } from '../../src/report/markdown.js';

describe('mdText', () => {
  it('turns links, images and HTML from article text into inert text', () => {
    expect(mdText('[x](javascript:alert(1)) ![i](http://x/y.png) <b>b</b>')).toBe('\\[x\\](javascript:alert(1)) \\!\\[i\\](http://x/y.png) &lt;b&gt;b&lt;/b&gt;');
  });

  it('keeps table cells on one line and shows bidi overrides', () => {
    expect(mdText('a | b\nc \u202Ed')).toBe('a \\| b c \\[U+202E\\]d');
  });

  it('writes an em dash for a missing value', () => {
    expect(mdText(null)).toBe('—');
  });
});
