/**
 * The clean stage: strips site chrome from the original, keeping every story sentence.
 *
 * Block by block (lines, or paragraphs of hard-wrapped lines), in three passes:
 * 1. named block rules (rules.ts), first match wins;
 * 2. structural rules (STRUCTURAL_RULES below): neighbours of "Read more"
 *    markers, breadcrumb lists, head and tail lines unrelated to the body,
 *    runs of unrelated headline-like lines;
 * 3. duplicates of kept blocks (repeated paragraphs, "[…]" excerpts).
 * Then link cards saved inside kept paragraphs are cut out (link-cards.ts).
 * The cleaned text is the kept blocks (exact slices of the original) joined
 * by "\n\n"; every removed piece is recorded with its reason and rule.
 */
import type { Format, OffsetMap, Removal, RemovalReason, Span } from '../doc/types.js';
import { composeText } from '../doc/offsets.js';
import { splitBlocks, type Block } from './blocks.js';
import { matchBlockRule } from './rules.js';
import { findLinkCards } from './link-cards.js';
import { contentStemIds, flagsAt, LETTER, NUMBER, offerComposedTokens, UPPER, unitsAt, type RangeScan } from '../text/index.js';
import { duplicateForm, EXCERPT_END, endsWithExcerptMarker, isHeadlineLike, isProse, lastFormWords, SIGNATURE_WORDS, signatureWithin, startsWithDateline, wordCountIn, WORDS_COUNTED, hasDoubleQuotes } from './signals.js';

export { BLOCK_RULES, matchBlockRule, type BlockRule } from './rules.js';
export { splitBlocks, type Block } from './blocks.js';
// For the stages and evaluations that read text the way the clean stage does (meta, eval/chrome).
export { DATELINE, isHeadlineLike, normalizeForDuplicates, startsWithDateline, wordCount } from './signals.js';
export { chromeLexicon } from './lexicon.js';

export interface CleanResult {
  /** Kept blocks joined by "\n\n" (see doc/offsets composeText). */
  text: string;
  map: OffsetMap;
  /** Removed pieces, sorted by start offset. */
  removed: Removal[];
}

export interface CleanOptions {
  format?: Format;
}

/** A structural rule: its name, reason and why it holds, documented like the block rules. */
interface StructuralRule {
  name: string;
  reason: RemovalReason;
  comment: string;
}

/**
 * Thresholds on vocabulary overlap (share of a line's content stems that occur
 * in the story's prose). Measured on the seeds: titles and standfirsts score
 * 0.63–0.90, unrelated headlines, section names and podcast titles 0–0.36.
 */
export const OVERLAP_THRESHOLDS = {
  /** Head lines (before the first prose block) below this are site furniture, not title or standfirst. */
  head: 0.4,
  /** Headline-like lines after the last prose block below this are lists of other stories. */
  tail: 0.5,
  /** Runs of three or more headline-like lines below this (each) are lists of other stories. */
  run: 0.4,
} as const;

/** Minimum words for a block to count as a repeat of an earlier one. */
const MIN_REPEAT_WORDS = 4;
/** Minimum length (normalized characters) for a block to count as contained in, or an excerpt of, another. */
const MIN_REPEAT_CHARS = 40;
/** Containment checks scan all kept text per block; beyond this size only exact repeats are checked. */
const MAX_CONTAINMENT_SCAN = 300_000;

export const STRUCTURAL_RULES = {
  breadcrumbBullets: {
    name: 'breadcrumb-bullets',
    reason: 'navigation',
    comment: 'Bulleted items following a bulleted "HOME»" breadcrumb are the rest of the trail (often the page title again).',
  },
  readMoreNeighbour: {
    name: 'read-more-neighbour',
    reason: 'teaser',
    comment: 'A headline-like line next to a bare "Read more" marker (no headline of its own) is the teased story\'s headline.',
  },
  listAfterLabel: {
    name: 'list-after-label',
    reason: 'headline-list',
    comment: 'Headline-like lines after a bare list label ("Read more:", "Also see:", "Top stories", "Podcasts"), up to the next prose paragraph.',
  },
  chromeSandwich: {
    name: 'between-chrome',
    reason: 'teaser',
    comment: 'A headline-like line between two removed lines, one of them a teaser: a related-story card ("Read Next: …", headline, URL slug).',
  },
  authorBoxText: {
    name: 'author-box-text',
    reason: 'byline-box',
    comment: 'Up to three lines after "About the author" that share little vocabulary with the story are the author\'s bio.',
  },
  unrelatedHeadLine: {
    name: 'unrelated-head-line',
    reason: 'navigation',
    comment: 'A line before the first prose paragraph, but not right before it (that one is the headline), sharing little vocabulary with the story: a section name, a ticker or trending headline.',
  },
  headlineRun: {
    name: 'headline-run',
    reason: 'headline-list',
    comment: 'Three or more consecutive Title Case headline-like lines each sharing little vocabulary with the story: a list of other stories.',
  },
  tailShortLine: {
    name: 'tail-short-line',
    reason: 'headline-list',
    comment: 'A headline-like line after the last prose paragraph sharing little vocabulary with the story: another story or show title.',
  },
  sameAsEarlier: {
    name: 'same-as-earlier-block',
    reason: 'repeated-paragraph',
    comment: 'A block equal (after folding quotes, case and spaces) to an earlier kept block: a repeated lede or title.',
  },
  excerptOfBody: {
    name: 'excerpt-of-body',
    reason: 'repeated-paragraph',
    comment: 'A block ending in "[…]" or "…" whose text occurs in the kept story: a teaser excerpt of the article itself.',
  },
  containedInLonger: {
    name: 'contained-in-longer-block',
    reason: 'repeated-paragraph',
    comment: 'A block of 40+ characters found inside another kept block: a pull quote or a repeated sentence.',
  },
  linkCard: {
    name: 'link-card',
    reason: 'headline-list',
    comment: 'Inside a kept block: the pop-up card saved after a name, full name and headlines of other stories up to "MORE" ("Bernie Sanders Bernie Sanders2020 Democrats push for … MORE"; link-cards.ts).',
  },
  leadingBullet: {
    name: 'leading-bullet',
    reason: 'markup',
    comment: 'The list or heading marker in front of a kept block ("• ", "## ", "> ").',
  },
} as const satisfies Record<string, StructuralRule>;

interface Verdict {
  reason: RemovalReason;
  rule: string;
}

interface BlockState {
  block: Block;
  verdict: Verdict | null;
  /** wordCount of the text up to WORDS_COUNTED, counted once (prose, headline and repeat tests all use it, with lower thresholds). */
  words: number;
  prose: boolean;
  headline: boolean;
  /** Vocabulary overlap with the story prose; computed after the block rules, for kept non-prose blocks. */
  overlap: number;
  /** Numbers only, or a table row (a quarter or more of the tokens are numbers): data, never judged by overlap. */
  data: boolean;
  titleCase: boolean;
  /**
   * Opens with a dateline ("TORONTO, March 3 - …"): story text. Null until asked: only headline-like
   * lines and lines at the head are (the pattern is the costliest signal on long paragraphs).
   */
  dateline: boolean | null;
  /** Holds quoted speech in double quotes: story text, not a headline of another story. Only set on headline-like non-prose lines, the only ones asked. */
  quoted: boolean;
  /** Index of the block's range in the overlap rules' token scan (-1: not scanned). */
  range: number;
  /**
   * The duplicate rules' comparison form (normalizeForDuplicates) and the offset of its bigram
   * signature in `signatures`: made for every block up front, in the pass that also counts its words.
   */
  form: string;
  signature: number;
}

/** A bare list label: a "Read more"-style marker with no headline of its own, or a section label. */
const BARE_MARKER = /^(?:read (?:more|next|also|further)(?: from [^:]{1,40})?|see also|also see|also read|related(?: stories| articles| coverage)?|recommended|more on this(?: story)?|more)\s*[:»›>|–—-]?$/i;
const LIST_LABEL_RULES = new Set(['section-label', 'branded-section-label']);

function isBareLabel(state: BlockState): boolean {
  const rule = state.verdict?.rule;
  return (rule === 'read-more-marker' && BARE_MARKER.test(state.block.text)) || (rule !== undefined && LIST_LABEL_RULES.has(rule));
}

/**
 * Title Case: most words of four letters or more start with a capital ("Trump Signs Order to Ease …").
 * A word is a run of four or more letters (code points), as /\p{L}{4,}/gu finds them; read with the
 * text stage's character flags instead of a match array and a test per word.
 */
export function isTitleCase(text: string): boolean {
  let words = 0;
  let caps = 0;
  for (let i = 0; i < text.length; ) {
    const f = flagsAt(text, i);
    if ((f & LETTER) === 0) {
      i += unitsAt(text, i);
      continue;
    }
    let letters = 0;
    let j = i;
    while (j < text.length && (flagsAt(text, j) & LETTER) !== 0) {
      letters++;
      j += unitsAt(text, j);
    }
    if (letters >= 4) {
      words++;
      if ((f & UPPER) !== 0) caps++;
    }
    i = j;
  }
  return words >= 2 && caps / words >= 0.7;
}

/**
 * Numbers only, or a table row: a quarter or more of the tokens start with a number (no tokens: data
 * too). A token is a letter or number followed by letters, numbers and ". , : / % -" (DATA_TOKEN in the
 * tests), read with character flags, like isTitleCase.
 */
export function isData(text: string): boolean {
  let tokens = 0;
  let numbers = 0;
  for (let i = 0; i < text.length; ) {
    const f = flagsAt(text, i);
    i += unitsAt(text, i);
    if ((f & (LETTER | NUMBER)) === 0) continue;
    tokens++;
    if ((f & NUMBER) !== 0) numbers++;
    while (i < text.length && (isTokenPunct(text.charCodeAt(i)) || (flagsAt(text, i) & (LETTER | NUMBER)) !== 0)) i += unitsAt(text, i);
  }
  return tokens === 0 || numbers / tokens >= 0.25;
}

/** . , : / % - : characters a data token continues over. */
function isTokenPunct(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f || c === 0x25 || c === 0x2d;
}

function remove(state: BlockState, rule: StructuralRule): void {
  state.verdict = { reason: rule.reason, rule: rule.name };
}

function kept(states: readonly BlockState[]): BlockState[] {
  return states.filter((s) => s.verdict === null);
}

/**
 * Index of the first block at or after `from` still kept (verdict null), or states.length.
 * `next` holds skip pointers over removed blocks; verdicts only ever go from null to set, so
 * a pointer stays true once written (path compression keeps scans linear on pages of chrome).
 */
function nextKept(states: readonly BlockState[], next: Int32Array, from: number): number {
  let k = from;
  while (k < states.length && states[k]!.verdict !== null) k = Math.max(next[k]!, k + 1);
  for (let j = from; j < k && j < states.length; ) {
    const after = Math.max(next[j]!, j + 1);
    next[j] = k;
    j = after;
  }
  return k;
}

/** Pass 2a: rules that follow from a neighbouring block's verdict. */
function neighbourRules(states: BlockState[]): void {
  const next = new Int32Array(states.length);
  // The end of the last breadcrumb trail scanned: a later "HOME»" inside it finds nothing new.
  let trailEnd = -1;
  for (let i = 0; i < states.length; i++) {
    const rule = states[i]!.verdict?.rule;
    if (rule === 'breadcrumb-home' && states[i]!.block.bodyStart > states[i]!.block.start && i >= trailEnd) {
      let j = i + 1;
      for (; j < states.length; j++) {
        const s = states[j]!;
        // A bulleted item continues the trail; a block without a bullet ends it.
        if (s.block.bodyStart === s.block.start) break;
        if (s.verdict === null && s.headline) remove(s, STRUCTURAL_RULES.breadcrumbBullets);
      }
      trailEnd = j;
    }
    if (rule === 'read-more-marker' && BARE_MARKER.test(states[i]!.block.text)) {
      for (const j of [i - 1, i + 1]) {
        const s = states[j];
        if (s && s.verdict === null && s.headline && !s.prose) remove(s, STRUCTURAL_RULES.readMoreNeighbour);
      }
    }
    if (isBareLabel(states[i]!)) {
      // Removed lines (labels, player times) do not end the list; a line that is not headline-like does.
      for (let j = nextKept(states, next, i + 1); j < states.length; j = nextKept(states, next, j + 1)) {
        const s = states[j]!;
        if (!s.headline || s.prose) break;
        remove(s, STRUCTURAL_RULES.listAfterLabel);
      }
    }
  }
  for (let i = 1; i + 1 < states.length; i++) {
    const [prev, s, next] = [states[i - 1]!, states[i]!, states[i + 1]!];
    if (s.verdict !== null || !s.headline || s.prose || !prev.verdict || !next.verdict) continue;
    if (prev.verdict.reason === 'teaser' || next.verdict.reason === 'teaser') remove(s, STRUCTURAL_RULES.chromeSandwich);
  }
}

/**
 * Marks per content-stem id (see contentStemIds), reused across articles: an id is in the current
 * vocabulary (or the current block's stems) when its mark equals that set's stamp, so a new set
 * costs a new stamp, not a clear.
 */
let vocabularyMarks = new Int32Array(1 << 12);
let blockMarks = new Int32Array(1 << 12);
let vocabularyStamp = 0;
let blockStamp = 0;

/** A fresh vocabulary (of an article whose ids are below idCount). */
function newVocabulary(idCount: number): number {
  if (vocabularyMarks.length < idCount) {
    const size = Math.max(idCount, 2 * vocabularyMarks.length);
    vocabularyMarks = new Int32Array(size);
    blockMarks = new Int32Array(size);
    vocabularyStamp = blockStamp = 0;
  }
  if (vocabularyStamp === 0x7fffffff) {
    vocabularyMarks.fill(0);
    vocabularyStamp = 0;
  }
  return ++vocabularyStamp;
}

/** A fresh set of one block's stems (marks sized by the article's newVocabulary). */
function newBlockSet(): number {
  if (blockStamp === 0x7fffffff) {
    blockMarks.fill(0);
    blockStamp = 0;
  }
  return ++blockStamp;
}

/**
 * Whether any verdict of overlapRules can depend on vocabulary overlap, from what is known before it:
 * an author box, a kept line above the headline (before the line that precedes the first prose block),
 * a headline-like line after the last prose block, or three or more lines that could form a headline
 * run. Each test is that rule's condition without its overlap part, so when all fail no block's
 * verdict changes, whatever the overlaps. Measured on 4,000 web articles: 1,473 of the 2,545 with a
 * non-prose line need no scan (the text stage then tokenizes their text itself, which costs less than
 * the scan and the hand-over).
 */
function overlapDecides(states: readonly BlockState[]): boolean {
  let first = -1;
  let last = -1;
  let nonProse = false;
  for (let i = 0; i < states.length; i++) {
    const s = states[i]!;
    if (s.verdict?.rule === 'about-author') return true;
    if (s.verdict !== null) continue;
    if (!s.prose) nonProse = true;
    else {
      if (first < 0) first = i;
      last = i;
    }
  }
  // Without prose there is no vocabulary to compare with: overlapRules keeps what the block rules kept.
  if (!nonProse || first < 0) return false;
  let runCandidates = 0;
  for (let i = 0; i < states.length; i++) {
    const s = states[i]!;
    if (s.verdict !== null || s.prose) continue;
    if (i < first - 1 && !s.data) return true;
    if (i > last && s.headline && !s.data && !s.quoted) return true;
    if (s.headline && !s.data && !s.quoted && s.titleCase && ++runCandidates >= 3) return true;
  }
  return false;
}

/**
 * Pass 2b: rules on position and vocabulary overlap with the story prose.
 * Overlap of a block = share of its distinct content stems that occur in the kept prose blocks.
 */
function overlapRules(states: BlockState[], original: string): RangeScan | null {
  // Most clean articles are all prose, or have only a headline above the prose: nothing to judge,
  // so skip the tokenizing (the text stage then tokenizes the cleaned text itself).
  if (!overlapDecides(states)) return null;
  // Only kept blocks are ever judged or compared with: one scan of their ranges of the original.
  const judged = kept(states);
  const ranges: number[] = [];
  for (const s of judged) ranges.push(s.block.bodyStart, s.block.end);
  const { ids, offsets, idCount, scan } = contentStemIds(original, ranges, 'en');
  judged.forEach((s, r) => (s.range = r));
  const vocabulary = newVocabulary(idCount);
  let vocabularySize = 0;
  for (let r = 0; r < judged.length; r++) {
    if (!judged[r]!.prose) continue;
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const id = ids[k]!;
      if (vocabularyMarks[id] !== vocabulary) {
        vocabularyMarks[id] = vocabulary;
        vocabularySize++;
      }
    }
  }
  if (vocabularySize === 0) return scan; // no prose: nothing to compare with, keep what the block rules kept
  for (let r = 0; r < judged.length; r++) {
    const s = judged[r]!;
    if (s.prose) continue;
    const own = newBlockSet();
    let size = 0;
    let hit = 0;
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const id = ids[k]!;
      if (blockMarks[id] === own) continue;
      blockMarks[id] = own;
      size++;
      if (vocabularyMarks[id] === vocabulary) hit++;
    }
    // The share of the block's distinct stems in the vocabulary, as signals.overlap computes it on sets.
    s.overlap = size === 0 ? 0 : hit / size;
  }

  for (let i = 0; i < states.length; i++) {
    if (states[i]!.verdict?.rule !== 'about-author') continue;
    for (let j = i + 1; j < Math.min(states.length, i + 4); j++) {
      const s = states[j]!;
      if (s.verdict === null && s.overlap < OVERLAP_THRESHOLDS.run) remove(s, STRUCTURAL_RULES.authorBoxText);
    }
  }

  const first = states.findIndex((s) => s.verdict === null && s.prose);
  let last = -1;
  for (let i = states.length - 1; i >= 0; i--) {
    if (states[i]!.verdict === null && states[i]!.prose) {
      last = i;
      break;
    }
  }
  // The line right before the first prose paragraph is the story's own headline: headlines often
  // share few words with the body ("In Chess Game With Iran, Trump Has Only Bad Options"), so
  // vocabulary alone must not remove it. Lines further up, past other chrome, are judged as before.
  for (let i = 0; i < first - 1; i++) {
    const s = states[i]!;
    if (s.verdict === null && !s.data && !(s.dateline ??= startsWithDateline(s.block.text)) && s.overlap < OVERLAP_THRESHOLDS.head) remove(s, STRUCTURAL_RULES.unrelatedHeadLine);
  }

  // Runs of unrelated headline-like lines; removed blocks do not break a run (labels sit between items).
  let run: BlockState[] = [];
  const flush = (): void => {
    if (run.length >= 3) for (const s of run) remove(s, STRUCTURAL_RULES.headlineRun);
    run = [];
  };
  for (const s of states) {
    if (s.verdict !== null) continue;
    if (s.headline && !s.prose && !s.data && !s.quoted && s.titleCase && s.overlap < OVERLAP_THRESHOLDS.run) run.push(s);
    else flush();
  }
  flush();

  for (let i = last + 1; i < states.length; i++) {
    const s = states[i]!;
    if (s.verdict === null && s.headline && !s.prose && !s.data && !s.quoted && s.overlap < OVERLAP_THRESHOLDS.tail) remove(s, STRUCTURAL_RULES.tailShortLine);
  }
  return scan;
}

/** Bigram signatures of the blocks' duplicate forms (see duplicateForm), one per block, reused across articles. */
let signatures = new Int32Array(SIGNATURE_WORDS * 64);

/** Zeroed room for the signatures of `blocks` blocks. */
function clearSignatures(blocks: number): void {
  const size = SIGNATURE_WORDS * blocks;
  if (signatures.length < size) signatures = new Int32Array(2 * size);
  signatures.fill(0, 0, size);
}

/** Pass 3: repeated paragraphs, excerpts and contained blocks among the kept blocks. */
function duplicateRules(states: BlockState[]): void {
  const candidates = kept(states);
  const seen = new Set<string>();
  // The earlier copy stays: a title or lede keeps its place at the head.
  for (const s of candidates) {
    // Short repeated lines ("Pay April 15" in a table) are data, not a repeated paragraph.
    if (s.words < MIN_REPEAT_WORDS) continue;
    if (seen.has(s.form)) remove(s, STRUCTURAL_RULES.sameAsEarlier);
    else seen.add(s.form);
  }

  const remaining = kept(states);
  const texts = remaining.map((s) => s.form);
  const total = texts.reduce((n, t) => n + t.length + 1, 0);
  for (let i = 0; i < remaining.length; i++) {
    const text = texts[i]!;
    if (endsWithExcerptMarker(text)) {
      const prefix = text.replace(EXCERPT_END, '').trim();
      const others = texts.filter((_, j) => j !== i && remaining[j]!.verdict === null).join(' ');
      if (prefix.length >= MIN_REPEAT_CHARS && others.includes(prefix)) {
        remove(remaining[i]!, STRUCTURAL_RULES.excerptOfBody);
        continue;
      }
    }
    // The first kept block is the title: never dropped as contained in the text.
    if (i === 0 || text.length < MIN_REPEAT_CHARS || total > MAX_CONTAINMENT_SCAN) continue;
    if (containedInOther(texts, remaining, i)) remove(remaining[i]!, STRUCTURAL_RULES.containedInLonger);
  }
}

/**
 * True when texts[i] occurs inside a longer text of another block still kept. A native search per
 * longer block whose bigram signature holds the block's (see duplicateForm): most pairs of paragraphs
 * differ in some pair of characters, so few searches run.
 */
function containedInOther(texts: readonly string[], states: readonly BlockState[], i: number): boolean {
  const text = texts[i]!;
  const own = states[i]!.signature;
  for (let j = 0; j < texts.length; j++) {
    const other = texts[j]!;
    if (other.length > text.length && j !== i && states[j]!.verdict === null && signatureWithin(signatures, own, states[j]!.signature) && other.includes(text)) return true;
  }
  return false;
}

/**
 * Removes site chrome from `original` and returns the story text, the map back
 * to the original, and every removed piece with its reason and rule.
 * Kept blocks are trimmed exact slices of the original; leading list/heading
 * markers of kept blocks are recorded as `markup` removals.
 */
export function cleanText(original: string, _options: CleanOptions = {}): CleanResult {
  const blocks = splitBlocks(original);
  clearSignatures(blocks.length);
  const states: BlockState[] = blocks.map((block, k) => {
    const text = block.text;
    // Made once: the block rules' literal tests and the duplicate form start from it.
    const lower = text.toLowerCase();
    const rule = matchBlockRule(text, lower);
    // The form's pass over the characters counts the words too (chrome removed later costs a
    // signature, but its lines are short, and most blocks are kept).
    const form = duplicateForm(text, lower, signatures, k * SIGNATURE_WORDS);
    const counted = lastFormWords();
    const words = counted >= 0 ? counted : wordCountIn(original, block.bodyStart, block.end, WORDS_COUNTED);
    const prose = isProse(text, words);
    const headlineLike = isHeadlineLike(text, words);
    const dateline = headlineLike ? startsWithDateline(text) : null;
    // A dateline opens a story paragraph ("TORONTO, March 3 - Shr 8 cts"): never a headline.
    const headline = headlineLike && !dateline;
    return {
      block,
      verdict: rule ? { reason: rule.reason, rule: rule.name } : null,
      words,
      prose,
      headline,
      dateline,
      quoted: headline && !prose && hasDoubleQuotes(text),
      overlap: 0,
      // Only non-prose lines are ever judged by these.
      data: !prose && isData(text),
      titleCase: !prose && isTitleCase(text),
      range: -1,
      form,
      signature: k * SIGNATURE_WORDS,
    };
  });
  neighbourRules(states);
  const scan = overlapRules(states, original);
  duplicateRules(states);

  const keptSpans: (Span & { joined: boolean })[] = [];
  const removed: Removal[] = [];
  let cards = 0;
  const mayHaveCards = original.includes('MORE');
  for (const { block, verdict } of states) {
    if (verdict) {
      removed.push({ start: block.start, end: block.end, text: original.slice(block.start, block.end), reason: verdict.reason, rule: verdict.rule });
      continue;
    }
    if (block.bodyStart > block.start) {
      const rule = STRUCTURAL_RULES.leadingBullet;
      removed.push({ start: block.start, end: block.bodyStart, text: original.slice(block.start, block.bodyStart), reason: rule.reason, rule: rule.name });
    }
    let from = block.bodyStart;
    const blockCards = mayHaveCards ? findLinkCards(original, block.bodyStart, block.end) : [];
    for (const card of blockCards) {
      const rule = STRUCTURAL_RULES.linkCard;
      removed.push({ start: card.start, end: card.end, text: original.slice(card.start, card.end), reason: rule.reason, rule: rule.name });
      keptSpans.push({ start: from, end: card.start, joined: from > block.bodyStart });
      from = card.end;
      cards++;
    }
    if (from < block.end) keptSpans.push({ start: from, end: block.end, joined: from > block.bodyStart });
  }
  const { text, map } = composeText(original, keptSpans);
  // The scan's ranges are whole blocks: with a card cut out of one, the text stage tokenizes afresh.
  if (scan && cards === 0) {
    // The scan covered every block kept at the time, and verdicts only go from null to set: every
    // kept block was scanned. Hand its tokens on to the text stage.
    const pieces: { range: number; shift: number }[] = [];
    for (const s of states) if (s.verdict === null) pieces.push({ range: s.range, shift: map[pieces.length]!.clean - map[pieces.length]!.orig });
    offerComposedTokens(text, scan, pieces);
  }
  return { text, map, removed };
}
