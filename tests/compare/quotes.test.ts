import { describe, expect, it } from 'vitest';
import { quoteSpans } from '../../src/compare/index.js';

const quoted = (text: string) => quoteSpans(text).map((s) => text.slice(s.start, s.end));

describe('quoteSpans', () => {
  it('quoteSpans(text) finds straight, curly and guillemet quotes and RT-style reversed marks', () => {
    expect(quoted('He said "we will respond" today.')).toEqual(['"we will respond"']);
    expect(quoted('It was “reckless and provocative” they said.')).toEqual(['“reckless and provocative”']);
    expect(quoted('”This means war,” the ministry stressed.')).toEqual(['”This means war,”']);
    expect(quoted('Он сказал «нет» вчера.')).toEqual(['«нет»']);
  });

  it('quoteSpans(text) takes single quotes as quotation marks but never apostrophes', () => {
    expect(quoted('West forging ‘Asian version of NATO’ – North Korea’s view')).toEqual(['‘Asian version of NATO’']);
    expect(quoted("Korea's drills and the '90s")).toEqual([]);
  });

  it('quoteSpans(text) ends a quote left open at the end of its paragraph', () => {
    expect(quoted('“It goes on\nNext paragraph')).toEqual(['“It goes on']);
  });
});
