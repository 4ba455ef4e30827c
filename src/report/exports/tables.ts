/**
 * Research tables from a report: one row type per table, every row with ids
 * and offsets ([start, end) UTF-16 units into the article's cleaned text).
 * The column list below is the single source of the CSV headers, the Parquet
 * types and DATA_DICTIONARY.md. Rows come out in a fixed order.
 */
import type { Report } from '../schema.js';
import { claimsAnalysis } from '../html/model.js';
import { QuoteDataSchema } from '../../frames/sources/index.js';
import { RECURRING_CODE } from '../../group/index.js';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean';
export interface Column {
  name: string;
  type: ColumnType;
  description: string;
}
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export interface Table {
  name: string;
  description: string;
  columns: Column[];
  rows: Row[];
}

const c = (name: string, type: ColumnType, description: string): Column => ({ name, type, description });
const OFFSETS = 'UTF-16 code units into the cleaned text of';

export const TABLE_SPECS: Record<string, { description: string; columns: Column[] }> = {
  articles: {
    description: 'One row per input record, analyzed or skipped.',
    columns: [
      c('article_id', 'string', 'Article id (file name, or the id field of a JSON Lines/CSV record).'),
      c('status', 'string', '"analyzed" or "skipped".'),
      c('skip_code', 'string', 'Stable skip code (E_…) when skipped.'),
      c('skip_reason', 'string', 'Why it was skipped, in words.'),
      c('file', 'string', 'Input file.'),
      c('line', 'integer', '1-based line (JSON Lines) or record (CSV); empty for one-article files.'),
      c('format', 'string', 'Input format (txt, md, jsonl, csv, html).'),
      c('outlet', 'string', 'Outlet name; empty when unknown.'),
      c('outlet_source', 'string', 'Where the outlet came from: given, manifest, page, inferred, none.'),
      c('original_source', 'string', 'Original source of a republished story (e.g. KCNA behind a dateline).'),
      c('title', 'string', 'Title.'),
      c('title_source', 'string', 'Where the title came from.'),
      c('published', 'string', 'Publication date (ISO).'),
      c('published_source', 'string', 'Where the date came from.'),
      c('url', 'string', 'URL as given (never followed).'),
      c('language', 'string', 'Language code.'),
      c('story_id', 'string', 'Story the article belongs to.'),
      c('event_id', 'string', 'Event the article belongs to.'),
      c('cohesion', 'number', 'Mean similarity to the other articles of its event (1 for a single article).'),
      c('words', 'integer', 'Tokens in the cleaned text.'),
      c('chars', 'integer', 'Length of the cleaned text in UTF-16 units; empty when the text was left out.'),
      c('removed_blocks', 'integer', 'Pieces removed by cleaning: boilerplate blocks, list markers, link cards inside paragraphs.'),
      c('recurring_paragraphs', 'integer', 'Paragraphs grouping left out because the outlet repeats them in many articles (diagnostics "group:recurring-paragraph" in report.json, with offsets).'),
    ],
  },
  events: {
    description: 'One row per event (articles about one happening).',
    columns: [
      c('event_id', 'string', 'Event id.'),
      c('story_id', 'string', 'Story the event belongs to.'),
      c('articles', 'integer', 'Number of articles.'),
      c('article_ids', 'string', 'Article ids, space-separated, in event order.'),
      c('outlets', 'string', 'Named outlets, "; "-separated.'),
      c('date_from', 'string', 'Earliest article date.'),
      c('date_to', 'string', 'Latest article date.'),
      c('ties', 'string', 'The strongest features shared by the articles (kind:value), "; "-separated.'),
    ],
  },
  stories: {
    description: 'One row per story (a thread of related events).',
    columns: [
      c('story_id', 'string', 'Story id.'),
      c('events', 'integer', 'Number of events.'),
      c('event_ids', 'string', 'Event ids, space-separated.'),
      c('articles', 'integer', 'Number of articles.'),
      c('outlets', 'string', 'Named outlets, "; "-separated.'),
      c('date_from', 'string', 'Earliest date.'),
      c('date_to', 'string', 'Latest date.'),
    ],
  },
  pairs: {
    description: 'One row per compared article pair within an event.',
    columns: [
      c('pair_id', 'string', 'event_id:article_a:article_b.'),
      c('event_id', 'string', 'Event id.'),
      c('article_a', 'string', 'First article id.'),
      c('article_b', 'string', 'Second article id.'),
      c('outlet_a', 'string', 'Outlet of article_a.'),
      c('outlet_b', 'string', 'Outlet of article_b.'),
      c('similarity', 'number', 'Overall similarity in [0, 1].'),
      c('jaccard', 'number', 'Jaccard of word n-gram shingles (Broder 1997).'),
      c('containment_a', 'number', "Share of a's shingles found in b."),
      c('containment_b', 'number', "Share of b's shingles found in a."),
      c('tfidf_cosine', 'number', 'Cosine of TF-IDF vectors over content words.'),
      c('longest_run', 'integer', 'Longest exact shared run of words.'),
      c('coverage_a', 'number', "Share of a's words inside shared passages."),
      c('coverage_b', 'number', "Share of b's words inside shared passages."),
      c('passages', 'integer', 'Number of shared passages.'),
      c('reuse', 'string', 'none, shared-quotes or copied-narrative.'),
      c('direction_source', 'string', 'Article id of the likely source of the shared wording; empty when unknown.'),
      c('direction_reason', 'string', 'Why: earlier-date, same-date, missing-date, no-shared-passages.'),
      c('derivation_a', 'string', 'How a derives from b: wholly, partially, non (Clough et al. 2002).'),
      c('derivation_b', 'string', 'How b derives from a.'),
    ],
  },
  passages: {
    description: 'One row per shared passage of a compared pair.',
    columns: [
      c('pair_id', 'string', 'Pair id (see pairs).'),
      c('passage_id', 'string', 'Passage id within the pair (p0, p1 …).'),
      c('article_a', 'string', 'First article id.'),
      c('start_a', 'integer', `Start, ${OFFSETS} article_a.`),
      c('end_a', 'integer', `End (exclusive), ${OFFSETS} article_a.`),
      c('article_b', 'string', 'Second article id.'),
      c('start_b', 'integer', `Start, ${OFFSETS} article_b.`),
      c('end_b', 'integer', `End (exclusive), ${OFFSETS} article_b.`),
      c('orig_start_a', 'integer', 'Start in the original (uncleaned) text of article_a.'),
      c('orig_end_a', 'integer', 'End in the original text of article_a.'),
      c('orig_start_b', 'integer', 'Start in the original text of article_b.'),
      c('orig_end_b', 'integer', 'End in the original text of article_b.'),
      c('words_a', 'integer', 'Words of the passage in article_a.'),
      c('words_b', 'integer', 'Words of the passage in article_b.'),
      c('matched_words', 'integer', 'Words matched exactly.'),
      c('longest_run', 'integer', 'Longest exact run of words.'),
      c('edit_similarity', 'number', '1 − token Levenshtein distance / longer side (1 = verbatim).'),
      c('kind', 'string', 'quote (quoted on both sides), mixed (one side), narrative (neither).'),
      c('text_a', 'string', 'Passage text in article_a.'),
      c('text_b', 'string', 'Passage text in article_b.'),
    ],
  },
  quotes: {
    description: 'One row per direct, partial or reported quote.',
    columns: [
      c('article_id', 'string', 'Article id.'),
      c('quote_index', 'integer', 'Order of the quote in its article (0-based).'),
      c('start', 'integer', `Start, ${OFFSETS} the article.`),
      c('end', 'integer', `End (exclusive), ${OFFSETS} the article.`),
      c('kind', 'string', 'direct, partial or reported.'),
      c('speaker', 'string', 'Resolved speaker; empty when not found.'),
      c('speaker_start', 'integer', 'Start of the speaker mention the quote is attributed to.'),
      c('speaker_end', 'integer', 'End of that mention.'),
      c('resolution', 'string', 'How the speaker was found: name, pronoun, role, document, metonym, inherited, unresolved, none.'),
      c('verb', 'string', 'Reporting verb (lemma).'),
      c('verb_class', 'string', 'neutral or evaluative.'),
      c('source_type', 'string', 'Kind of source (government, military, expert …).'),
      c('rule', 'string', 'Detection rule.'),
      c('text', 'string', 'Quote text.'),
    ],
  },
  claims: {
    description: 'One row per checkable statement (claim); cluster columns filled when claims were aligned across the event.',
    columns: [
      c('claim_id', 'string', 'Claim id (article_id#n).'),
      c('event_id', 'string', 'Event id.'),
      c('article_id', 'string', 'Article id.'),
      c('outlet', 'string', 'Outlet as the claims analysis names it.'),
      c('start', 'integer', `Start, ${OFFSETS} the article.`),
      c('end', 'integer', `End (exclusive), ${OFFSETS} the article.`),
      c('cluster_id', 'string', 'Aligned claim cluster within the event.'),
      c('cluster_label', 'string', 'shared (several outlets) or unique (one outlet).'),
      c('cluster_outlets', 'string', 'Outlets reporting the cluster, "; "-separated.'),
      c('text', 'string', 'Claim text.'),
    ],
  },
  spans: {
    description: 'One row per analyzer finding (every layer: mentions, quotes, loaded, hedges, frames, tone, claims …).',
    columns: [
      c('article_id', 'string', 'Article id.'),
      c('layer', 'string', 'Layer (analyzer) name.'),
      c('index', 'integer', 'Order of the finding in its layer (0-based).'),
      c('start', 'integer', `Start, ${OFFSETS} the article.`),
      c('end', 'integer', `End (exclusive), ${OFFSETS} the article.`),
      c('rule', 'string', 'Rule that produced the finding.'),
      c('label', 'string', 'Label (technique, frame, actor …).'),
      c('text', 'string', 'Covered text.'),
      c('data', 'string', "The finding's data as JSON."),
    ],
  },
};

export const TABLE_NAMES = Object.keys(TABLE_SPECS);

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function table(name: string, rows: Row[]): Table {
  const spec = TABLE_SPECS[name]!;
  // Every row carries every column, in spec order.
  const shaped = rows.map((r) => Object.fromEntries(spec.columns.map((col) => [col.name, r[col.name] ?? null])) as Row);
  return { name, description: spec.description, columns: spec.columns, rows: shaped };
}

/** All tables of a report, rows in a fixed order. */
export function exportTables(report: Report): Table[] {
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet]));
  const articles = [...report.articles].sort((a, b) => cmp(a.id, b.id) || cmp(a.source.file, b.source.file) || (a.source.line ?? 0) - (b.source.line ?? 0));
  const tables: Table[] = [];
  tables.push(
    table(
      'articles',
      articles.map((a) => ({
        article_id: a.id,
        status: a.status,
        skip_code: a.code ?? null,
        skip_reason: a.reason ?? null,
        file: a.source.file,
        line: a.source.line,
        format: a.source.format,
        outlet: a.outlet,
        outlet_source: a.meta.outlet?.source ?? null,
        original_source: a.meta.originalSource?.value ?? null,
        title: a.title,
        title_source: a.meta.title?.source ?? null,
        published: a.published,
        published_source: a.meta.published?.source ?? null,
        url: a.url,
        language: a.language,
        story_id: a.story,
        event_id: a.event,
        cohesion: a.cohesion,
        words: a.words,
        chars: a.text?.length ?? null,
        removed_blocks: a.removed.length,
        recurring_paragraphs: a.diagnostics.filter((d) => d.code === RECURRING_CODE).length,
      })),
    ),
  );
  const events = [...report.events].sort((a, b) => cmp(a.id, b.id));
  tables.push(
    table(
      'events',
      events.map((e) => ({
        event_id: e.id,
        story_id: e.storyId,
        articles: e.articleIds.length,
        article_ids: e.articleIds.join(' '),
        outlets: e.outlets.join('; '),
        date_from: e.dateRange?.from ?? null,
        date_to: e.dateRange?.to ?? null,
        ties: e.ties.slice(0, 10).map((t) => `${t.kind}:${t.value}`).join('; '),
      })),
    ),
  );
  tables.push(
    table(
      'stories',
      [...report.stories].sort((a, b) => cmp(a.id, b.id)).map((s) => ({
        story_id: s.id,
        events: s.eventIds.length,
        event_ids: s.eventIds.join(' '),
        articles: s.articleIds.length,
        outlets: s.outlets.join('; '),
        date_from: s.dateRange?.from ?? null,
        date_to: s.dateRange?.to ?? null,
      })),
    ),
  );
  const comps = [...report.comparisons].sort((a, b) => cmp(a.eventId, b.eventId) || cmp(a.a, b.a) || cmp(a.b, b.b));
  const pairId = (x: (typeof comps)[number]): string => `${x.eventId}:${x.a}:${x.b}`;
  tables.push(
    table(
      'pairs',
      comps.map((x) => {
        const w = x.wording;
        return {
          pair_id: pairId(x),
          event_id: x.eventId,
          article_a: x.a,
          article_b: x.b,
          outlet_a: outletOf.get(x.a) ?? null,
          outlet_b: outletOf.get(x.b) ?? null,
          similarity: w.similarity,
          jaccard: w.scores.jaccard.value,
          containment_a: w.scores.containment.a.value,
          containment_b: w.scores.containment.b.value,
          tfidf_cosine: w.scores.tfidfCosine.value,
          longest_run: w.scores.longestRun.value,
          coverage_a: w.scores.coverage.a.value,
          coverage_b: w.scores.coverage.b.value,
          passages: w.passages.length,
          reuse: w.reuse,
          direction_source: w.direction.sourceId,
          direction_reason: w.direction.reason,
          derivation_a: w.derivation.a.label,
          derivation_b: w.derivation.b.label,
        };
      }),
    ),
  );
  tables.push(
    table(
      'passages',
      comps.flatMap((x) =>
        x.wording.passages.map((p) => ({
          pair_id: pairId(x),
          passage_id: p.id,
          article_a: x.a,
          start_a: p.a.start,
          end_a: p.a.end,
          article_b: x.b,
          start_b: p.b.start,
          end_b: p.b.end,
          orig_start_a: p.original.a.start,
          orig_end_a: p.original.a.end,
          orig_start_b: p.original.b.start,
          orig_end_b: p.original.b.end,
          words_a: p.words.a,
          words_b: p.words.b,
          matched_words: p.matchedWords,
          longest_run: p.longestRun,
          edit_similarity: p.editSimilarity,
          kind: p.kind,
          text_a: p.text.a,
          text_b: p.text.b,
        })),
      ),
    ),
  );
  const analyzed = articles.filter((a) => a.status === 'analyzed');
  tables.push(
    table(
      'quotes',
      analyzed.flatMap((a) =>
        (a.layers.quotes ?? []).map((f, i) => {
          const d = QuoteDataSchema.safeParse(f.data);
          const q = d.success ? d.data : null;
          return {
            article_id: a.id,
            quote_index: i,
            start: f.start,
            end: f.end,
            kind: q?.kind ?? f.label ?? null,
            speaker: q?.speaker ?? null,
            speaker_start: q?.speakerSpan?.start ?? null,
            speaker_end: q?.speakerSpan?.end ?? null,
            resolution: q?.resolution ?? null,
            verb: q?.verb ?? null,
            verb_class: q?.verbClass ?? null,
            source_type: q?.sourceType ?? null,
            rule: f.rule,
            text: f.text,
          };
        }),
      ),
    ),
  );
  const claimRows: Row[] = [];
  for (const e of events) {
    const cc = claimsAnalysis(e.analyses);
    if (cc) {
      const clusters = new Map(cc.clusters.map((k) => [k.id, k]));
      for (const cl of cc.claims) {
        const k = clusters.get(cl.clusterId);
        claimRows.push({ claim_id: cl.id, event_id: e.id, article_id: cl.articleId, outlet: cl.outlet, start: cl.start, end: cl.end, cluster_id: cl.clusterId, cluster_label: k?.label ?? null, cluster_outlets: k ? k.outlets.join('; ') : null, text: cl.text });
      }
    } else {
      for (const id of e.articleIds) {
        const a = report.articles.find((x) => x.id === id);
        (a?.layers.claims ?? []).forEach((f, i) => claimRows.push({ claim_id: `${id}#${i + 1}`, event_id: e.id, article_id: id, outlet: a?.outlet ?? null, start: f.start, end: f.end, text: f.text }));
      }
    }
  }
  claimRows.sort((x, y) => cmp(String(x.event_id), String(y.event_id)) || cmp(String(x.article_id), String(y.article_id)) || (x.start as number) - (y.start as number) || cmp(String(x.claim_id), String(y.claim_id)));
  tables.push(table('claims', claimRows));
  tables.push(
    table(
      'spans',
      analyzed.flatMap((a) =>
        Object.keys(a.layers)
          .sort()
          .flatMap((layer) =>
            a.layers[layer]!.map((f, i) => ({ article_id: a.id, layer, index: i, start: f.start, end: f.end, rule: f.rule, label: str(f.label) ?? null, text: f.text, data: f.data === undefined ? null : JSON.stringify(f.data) })),
          ),
      ),
    ),
  );
  return tables;
}
