/**
 * Bad-input catalogue, part 4: articles in other scripts. English-only analyzers may find
 * nothing, but the article is analyzed with what applies and never broken: the language is
 * detected, tokens and sentences cover the text, and every offset points into it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc/types.js';
import { buildReport } from '../../src/report/index.js';
import type { Analysis } from '../../src/pipeline/index.js';
import { makeTempDir, run, storyText } from './helpers.js';

const dir = makeTempDir('languages');

const ARTICLES = {
  ru: {
    text: 'Северная Корея в воскресенье запустила две баллистические ракеты в сторону Японского моря, сообщили военные Южной Кореи.\n\nПуск состоялся через несколько дней после совместных учений США и Южной Кореи. Пхеньян назвал учения «репетицией вторжения».\n\nОфициальные лица в Сеуле осудили запуск как провокацию.',
    sentences: 4,
    word: 'ракеты',
  },
  ko: {
    text: '북한이 일요일 동해상으로 탄도미사일 두 발을 발사했다고 합동참모본부가 밝혔다.\n\n이번 발사는 한미 연합훈련이 끝난 지 며칠 만에 이뤄졌다. 북한은 훈련을 "침략 연습"이라고 비난했다.\n\n서울의 당국자들은 이번 발사를 도발로 규정했다.',
    sentences: 4,
    word: '탄도미사일',
  },
  ar: {
    text: 'أطلقت كوريا الشمالية صاروخين باليستيين باتجاه البحر قبالة ساحلها الشرقي يوم الأحد، وفق ما أعلن الجيش الكوري الجنوبي.\n\nوجاء الإطلاق بعد أيام من مناورات مشتركة بين كوريا الجنوبية والولايات المتحدة. ووصفت بيونغ يانغ المناورات بأنها تدريب على الغزو.\n\nوأدان مسؤولون في سيول الإطلاق ووصفوه بأنه استفزاز.',
    sentences: 4,
    word: 'صاروخين',
  },
} as const;

function checkOffsets(doc: Doc): void {
  const n = doc.text.length;
  for (const span of [...doc.paragraphs, ...doc.sentences, ...doc.tokens]) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(n);
    expect(span.start).toBeLessThan(span.end);
  }
  for (const findings of Object.values(doc.layers)) {
    for (const f of findings) {
      expect(f.start >= 0 && f.end <= n && f.start <= f.end, `${f.analyzer} ${f.rule} [${f.start}, ${f.end})`).toBe(true);
      expect(f.text).toBe(doc.text.slice(f.start, f.end));
    }
  }
}

describe('articles in Russian, Korean and Arabic', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    for (const [lang, a] of Object.entries(ARTICLES)) dir.write(`mixed/${lang}.txt`, a.text);
    dir.write('mixed/control.txt', storyText(1));
    analysis = await run([dir.path('mixed')]);
  });

  it('all three and the English control article are analyzed', () => {
    expect(analysis.skips).toEqual([]);
    expect(analysis.docs.map((d) => d.id).sort()).toEqual(['ar', 'control', 'ko', 'ru']);
  });

  for (const [lang, expected] of Object.entries(ARTICLES)) {
    it(`${lang} article: language detected, text kept whole, tokens and sentences inside the text`, () => {
      const doc = analysis.docs.find((d) => d.id === lang)!;
      expect(doc.language).toBe(lang);
      expect(doc.meta.language).toMatchObject({ value: lang, source: 'inferred' });
      expect(doc.text).toBe(expected.text);
      expect(doc.removed).toEqual([]);
      expect(doc.paragraphs).toHaveLength(3);
      expect(doc.sentences).toHaveLength(expected.sentences);
      const words = doc.tokens.filter((t) => t.kind === 'word').map((t) => doc.text.slice(t.start, t.end));
      expect(words).toContain(expected.word);
      // Every letter of the text is inside some word token: nothing of the script is dropped.
      const covered = new Set(doc.tokens.flatMap((t) => Array.from({ length: t.end - t.start }, (_, k) => t.start + k)));
      for (let i = 0; i < doc.text.length; i++) if (/\p{L}/u.test(doc.text[i]!)) expect(covered.has(i), `${lang} letter at ${i}`).toBe(true);
      checkOffsets(doc);
    });
  }

  it('the report for the mixed run validates and names each language', () => {
    const report = buildReport(analysis);
    expect(Object.fromEntries(report.articles.map((a) => [a.id, a.language]))).toEqual({ ar: 'ar', control: 'en', ko: 'ko', ru: 'ru' });
  });
});
