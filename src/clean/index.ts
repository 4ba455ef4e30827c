/**
 * The clean stage: strips site chrome from the original, keeping every story sentence.
 *
 * Block by block (lines, or paragraphs of hard-wrapped lines), in three passes:
 * 1. named block rules (rules.ts), first match wins;
 * 2. structural rules (STRUCTURAL_RULES below): neighbours of "Read more"
 *    markers, breadcrumb lists, head and tail lines unrelated to the body,
 *    runs of unrelated headline-like lines;
 * 3. duplicates of kept blocks (repeated paragraphs, "[…]" excerpts).
 * The cleaned text is the kept blocks (exact slices of the original) joined
 * by "\n\n"; every removed block is recorded with its reason and rule.
 */
import type { Format, OffsetMap, Removal, RemovalReason, Span } from '../doc/types.js';
import { composeText } from '../doc/offsets.js';
import { splitBlocks, type Block } from './blocks.js';
import { matchBlockRule } from './rules.js';
import { EXCERPT_END, contentStems, endsWithExcerptMarker, isHeadlineLike, isProse, normalizeForDuplicates, overlap, startsWithDateline, wordCount, hasDoubleQuotes } from './signals.js';

export { BLOCK_RULES, matchBlockRule, type BlockRule } from './rules.js';
export { splitBlocks, type Block } from './blocks.js';

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
  prose: boolean;
  headline: boolean;
  /** Content stems, computed only when the overlap rules need them. */
  stems: Set<string> | null;
  /** Vocabulary overlap with the story prose; computed after the block rules. */
  overlap: number;
  /** Numbers only, or a table row (a quarter or more of the tokens are numbers): data, never judged by overlap. */
  data: boolean;
  titleCase: boolean;
  /** Opens with a dateline ("TORONTO, March 3 - …"): story text. */
  dateline: boolean;
  /** Holds quoted speech in double quotes: story text, not a headline of another story. */
  quoted: boolean;
}

function stemsOf(state: BlockState): Set<string> {
  state.stems ??= contentStems(state.block.text);
  return state.stems;
}

/** A bare list label: a "Read more"-style marker with no headline of its own, or a section label. */
const BARE_MARKER = /^(?:read (?:more|next|also|further)(?: from [^:]{1,40})?|see also|also see|also read|related(?: stories| articles| coverage)?|recommended|more on this(?: story)?|more)\s*[:»›>|–—-]?$/i;
const LIST_LABEL_RULES = new Set(['section-label', 'branded-section-label']);

function isBareLabel(state: BlockState): boolean {
  const rule = state.verdict?.rule;
  return (rule === 'read-more-marker' && BARE_MARKER.test(state.block.text)) || (rule !== undefined && LIST_LABEL_RULES.has(rule));
}

/** Title Case: most words of four letters or more start with a capital ("Trump Signs Order to Ease …"). */
export function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 2) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.7;
}

function isData(text: string): boolean {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}.,:/%-]*/gu) ?? [];
  if (tokens.length === 0) return true;
  const numbers = tokens.filter((t) => /^\p{N}/u.test(t)).length;
  return numbers / tokens.length >= 0.25;
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

/** Pass 2b: rules on position and vocabulary overlap with the story prose. */
function overlapRules(states: BlockState[]): void {
  // Most clean articles are all prose: nothing to judge, so skip the tokenizing.
  if (!states.some((s) => s.verdict === null && !s.prose)) return;
  const vocabulary = new Set<string>();
  for (const s of states) if (s.verdict === null && s.prose) for (const stem of stemsOf(s)) vocabulary.add(stem);
  if (vocabulary.size === 0) return; // no prose: nothing to compare with, keep what the block rules kept
  for (const s of states) if (!s.prose) s.overlap = overlap(stemsOf(s), vocabulary);

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
    if (s.verdict === null && !s.data && !s.dateline && s.overlap < OVERLAP_THRESHOLDS.head) remove(s, STRUCTURAL_RULES.unrelatedHeadLine);
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
}

/** Pass 3: repeated paragraphs, excerpts and contained blocks among the kept blocks. */
function duplicateRules(states: BlockState[]): void {
  const candidates = kept(states);
  const norms = new Map<BlockState, string>(candidates.map((s) => [s, normalizeForDuplicates(s.block.text)]));
  const seen = new Set<string>();
  // The earlier copy stays: a title or lede keeps its place at the head.
  for (const s of candidates) {
    // Short repeated lines ("Pay April 15" in a table) are data, not a repeated paragraph.
    if (wordCount(s.block.text) < MIN_REPEAT_WORDS) continue;
    const norm = norms.get(s)!;
    if (seen.has(norm)) remove(s, STRUCTURAL_RULES.sameAsEarlier);
    else seen.add(norm);
  }

  const remaining = kept(states);
  const texts = remaining.map((s) => norms.get(s)!);
  const total = texts.reduce((n, t) => n + t.length + 1, 0);
  // All kept texts in one string (normalized text holds no "\n"), so that one native search per
  // block finds every block containing it, instead of a search per pair of blocks.
  const joined = texts.join('\n');
  const starts: number[] = [];
  for (let j = 0, at = 0; j < texts.length; j++) {
    starts.push(at);
    at += texts[j]!.length + 1;
  }
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
    if (containedInOther(joined, starts, texts, remaining, i)) remove(remaining[i]!, STRUCTURAL_RULES.containedInLonger);
  }
}

/**
 * True when texts[i] occurs inside a longer text of another block still kept: every occurrence
 * of it in `joined` (texts joined by "\n", starting at `starts`) lies inside one block's text.
 */
function containedInOther(joined: string, starts: readonly number[], texts: readonly string[], states: readonly BlockState[], i: number): boolean {
  const text = texts[i]!;
  for (let at = joined.indexOf(text); at >= 0; at = joined.indexOf(text, at + 1)) {
    // The block holding the occurrence: the last one starting at or before it.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    if (lo !== i && states[lo]!.verdict === null && texts[lo]!.length > text.length) return true;
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
  const states: BlockState[] = splitBlocks(original).map((block) => {
    const rule = matchBlockRule(block.text);
    const prose = isProse(block.text);
    const dateline = startsWithDateline(block.text);
    return {
      block,
      verdict: rule ? { reason: rule.reason, rule: rule.name } : null,
      prose,
      // A dateline opens a story paragraph ("TORONTO, March 3 - Shr 8 cts"): never a headline.
      headline: isHeadlineLike(block.text) && !dateline,
      dateline,
      quoted: hasDoubleQuotes(block.text),
      stems: null,
      overlap: 0,
      // Only non-prose lines are ever judged by these.
      data: !prose && isData(block.text),
      titleCase: !prose && isTitleCase(block.text),
    };
  });
  neighbourRules(states);
  overlapRules(states);
  duplicateRules(states);

  const keptSpans: Span[] = [];
  const removed: Removal[] = [];
  for (const { block, verdict } of states) {
    if (verdict) {
      removed.push({ start: block.start, end: block.end, text: original.slice(block.start, block.end), reason: verdict.reason, rule: verdict.rule });
      continue;
    }
    if (block.bodyStart > block.start) {
      const rule = STRUCTURAL_RULES.leadingBullet;
      removed.push({ start: block.start, end: block.bodyStart, text: original.slice(block.start, block.bodyStart), reason: rule.reason, rule: rule.name });
    }
    keptSpans.push({ start: block.bodyStart, end: block.end });
  }
  const { text, map } = composeText(original, keptSpans);
  return { text, map, removed };
}
