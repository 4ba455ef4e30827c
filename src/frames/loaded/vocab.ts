/**
 * Word types of the frames analyzers: every token gets a dense integer type
 * id, one per distinct (norm, stem, kind), so that the analyzers (loaded
 * language, naming, hedges, policy frames, tone) look a word's lexicon entries
 * and model weights up once per word type and read them by id afterwards,
 * instead of hashing the token's strings in each analyzer.
 *
 * The per-token look-up hashes the token's surface in the doc's text (one
 * flat string, fast to read) and checks the type's norm, stem and kind
 * against the token's (string identity almost always: the tokenizer shares
 * one string per surface form), so two tokens share an id exactly when their
 * norm, stem and kind are equal. The same pass copies the tokens' offsets,
 * sentence numbers and capitalization into typed arrays (tokenLayer): the
 * analyzers' passes over a doc then read compact arrays, not one object per
 * token. The layer of the last few docs is kept (analyzeDoc runs every
 * analyzer on one doc before the next).
 *
 * Tokens as `tokenize` returned them carry the text stage's form ids
 * (tokenForms: one id per distinct surface, so equal norm, stem and kind): for
 * those the type of each form is found once (by its "norm, stem, kind" key) and
 * memoized per form table, so a token costs an array read instead of hashing
 * its surface and probing the surface table (a cache miss per rare word). The
 * surface hash remains for token arrays made elsewhere (tests, hand-made tokens).
 */
import type { Doc, Token } from '../../doc/types.js';
import { formMemo, tokenForms } from '../../text/index.js';
import { settableLimit } from '../limit.js';

const FNV_OFFSET = 0x811c9dc5;
const WORD = 0;
const NUMBER = 1;

/** The vocabulary starts over (between docs) past this many types: memory stays flat over millions of articles. */
export const TYPE_LIMIT = 250_000;
const typeLimit = settableLimit(TYPE_LIMIT);
/** Sets the type limit (tests); returns the previous one. */
export const setTypeLimit = typeLimit.set;

let generation = 1;
/** Open addressing over surface hashes (linear probing, load ≤ 1/2): slot s holds the hash at [2s] and type id + 1 at [2s + 1] (0 = empty). */
let slots = new Int32Array(2 << 15);
let slotMask = (1 << 15) - 1;
let slotCount = 0;
/**
 * Slot s's norm at [2s] and stem at [2s + 1]: the strings of the last token
 * matched in that slot. A surface keeps its strings (identity checks, no
 * content compare), where a type's strings would alternate between the
 * surfaces folding to it ("The", "the").
 */
let slotStrings: string[] = new Array<string>(2 << 15).fill('');
/** Type t's norm at [2t], stem at [2t + 1] (one cache line for both checks). */
let typeStrings: string[] = [];
let typeKinds = new Uint8Array(1 << 12);
/** Number of types (ids 0 … typeTotal − 1). */
let typeTotal = 0;
/** Type ids by norm (a norm has one id per stem and kind it occurs with: almost always one). */
let typesByNorm = new Map<string, number[]>();

/** Changes whenever the vocabulary starts over: ids of another generation mean nothing. */
export function vocabGeneration(): number {
  return generation;
}

/** Number of types in the current generation (ids are 0 … typeCount() − 1). */
export function typeCount(): number {
  return typeTotal;
}

export function typeNorm(id: number): string {
  return typeStrings[2 * id]!;
}

export function typeStem(id: number): string {
  return typeStrings[2 * id + 1]!;
}

export function typeKind(id: number): Token['kind'] {
  return typeKinds[id] === NUMBER ? 'number' : 'word';
}

function startOver(): void {
  generation++;
  slots = new Int32Array(2 << 15);
  slotMask = (1 << 15) - 1;
  slotCount = 0;
  slotStrings = new Array<string>(2 << 15).fill('');
  typeStrings = [];
  typeKinds = new Uint8Array(1 << 12);
  typeTotal = 0;
  typesByNorm = new Map();
}

function growSlots(): void {
  const old = slots;
  const oldStrings = slotStrings;
  const size = 2 * (slotMask + 1);
  slots = new Int32Array(2 * size);
  slotStrings = new Array<string>(2 * size).fill('');
  slotMask = size - 1;
  for (let s = 0; s < old.length; s += 2) {
    if (old[s + 1] === 0) continue;
    let t = old[s]! & slotMask;
    while (slots[2 * t + 1] !== 0) t = (t + 1) & slotMask;
    slots[2 * t] = old[s]!;
    slots[2 * t + 1] = old[s + 1]!;
    slotStrings[2 * t] = oldStrings[s]!;
    slotStrings[2 * t + 1] = oldStrings[s + 1]!;
  }
}

/** The type of the token's (norm, stem, kind), added when new: found among its norm's types (no key string built). */
function typeOf(t: Token): number {
  const kind = t.kind === 'number' ? NUMBER : WORD;
  const norm = t.norm;
  const stem = t.stem;
  let same = typesByNorm.get(norm);
  if (same) {
    for (const id of same) if (typeStrings[2 * id + 1] === stem && typeKinds[id] === kind) return id;
  } else typesByNorm.set(norm, (same = []));
  const id = typeTotal++;
  same.push(id);
  typeStrings.push(norm, stem);
  if (id >= typeKinds.length) {
    const grown = new Uint8Array(2 * typeKinds.length);
    grown.set(typeKinds);
    typeKinds = grown;
  }
  typeKinds[id] = kind;
  return id;
}

/** The current generation's type ids with this norm (none when no token had it yet), in id order. */
export function typesOfNorm(norm: string): readonly number[] {
  return typesByNorm.get(norm) ?? [];
}

/** The type of a token not found under its surface hash h; adds a slot for (h, type). */
function addSlot(t: Token, h: number): number {
  const id = typeOf(t);
  if (2 * (slotCount + 1) > slotMask + 1) growSlots();
  let s = h & slotMask;
  while (slots[2 * s + 1] !== 0) s = (s + 1) & slotMask;
  slots[2 * s] = h;
  slots[2 * s + 1] = id + 1;
  slotStrings[2 * s] = t.norm;
  slotStrings[2 * s + 1] = t.stem;
  slotCount++;
  return id;
}

/** TokenLayer.flags bits: the token is capitalized; it is a number. */
export const TOKEN_CAP = 1;
export const TOKEN_NUMBER = 2;

/** A doc's tokens as typed arrays: type id (vocab), offsets, sentence number, flags (TOKEN_CAP, TOKEN_NUMBER). */
export interface TokenLayer {
  types: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  sents: Int32Array;
  flags: Uint8Array;
}

/**
 * Type id + 1 of each form of a text-stage form table (0: not seen yet), for
 * one vocabulary generation. Keyed by the table object: ids index that table only.
 */
const formTypes = formMemo(0);

function computeLayer(text: string, tokens: readonly Token[]): TokenLayer {
  const n = tokens.length;
  // One buffer for the five arrays (one allocation, not five).
  const buffer = new ArrayBuffer(17 * n);
  const types = new Int32Array(buffer, 0, n);
  const starts = new Int32Array(buffer, 4 * n, n);
  const ends = new Int32Array(buffer, 8 * n, n);
  const sents = new Int32Array(buffer, 12 * n, n);
  const flags = new Uint8Array(buffer, 16 * n, n);
  const forms = tokenForms(tokens);
  if (forms) {
    // One type per form (equal surfaces, equal norm, stem and kind), decided on its first token.
    const known = formTypes(forms, generation);
    const ids = forms.ids;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      starts[i] = t.start;
      ends[i] = t.end;
      sents[i] = t.sent;
      flags[i] = (t.cap ? TOKEN_CAP : 0) | (t.kind === 'number' ? TOKEN_NUMBER : 0);
      const e = ids[i]!;
      let id = known[e]! - 1;
      if (id < 0) known[e] = (id = typeOf(t)) + 1;
      types[i] = id;
    }
    return { types, starts, ends, sents, flags };
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const start = t.start;
    const end = t.end;
    starts[i] = start;
    ends[i] = end;
    sents[i] = t.sent;
    const kind = t.kind === 'number' ? NUMBER : WORD;
    flags[i] = (t.cap ? TOKEN_CAP : 0) | (kind === NUMBER ? TOKEN_NUMBER : 0);
    // FNV-1a over the surface's UTF-16 units.
    let h = FNV_OFFSET;
    for (let p = start; p < end; p++) h = Math.imul(h ^ text.charCodeAt(p), 0x01000193);
    let s = h & slotMask;
    let id = -1;
    for (;;) {
      const e = slots[2 * s + 1]!;
      if (e === 0) break;
      if (slots[2 * s] === h) {
        const c = e - 1;
        const norm = t.norm;
        const stem = t.stem;
        // The slot's strings equal its type's (they are a token's of that type).
        if (slotStrings[2 * s] === norm && slotStrings[2 * s + 1] === stem && typeKinds[c] === kind) {
          // Equal strings may be other objects (a new tokenizer table): keep the token's, so later checks compare identities.
          slotStrings[2 * s] = norm;
          slotStrings[2 * s + 1] = stem;
          id = c;
          break;
        }
      }
      s = (s + 1) & slotMask;
    }
    types[i] = id >= 0 ? id : addSlot(t, h);
  }
  return { types, starts, ends, sents, flags };
}

/** The last few docs' layers (a ring), with the generation they were computed in. */
const RECENT = 4;
const recent: ({ tokens: readonly Token[]; text: string; generation: number; layer: TokenLayer } | undefined)[] = new Array(RECENT);
let recentNext = 0;

/**
 * The token layer of the doc (type ids and token fields as typed arrays). Call
 * it before reading per-type tables: it may start the vocabulary over (only
 * here, never while an analyzer holds ids).
 */
export function tokenLayer(doc: Pick<Doc, 'text' | 'tokens'>): TokenLayer {
  for (const hit of recent) if (hit && hit.tokens === doc.tokens && hit.text === doc.text && hit.generation === generation) return hit.layer;
  if (typeTotal >= typeLimit.value()) startOver();
  const layer = computeLayer(doc.text, doc.tokens);
  recent[recentNext] = { tokens: doc.tokens, text: doc.text, generation, layer };
  recentNext = (recentNext + 1) % RECENT;
  return layer;
}

/** Type id of every token of the doc (tokenLayer). */
export function tokenTypes(doc: Pick<Doc, 'text' | 'tokens'>): Int32Array {
  return tokenLayer(doc).types;
}

/** One consumer's number per word type (−2 until computed), started over with the vocabulary or when `owner` changes. */
export interface TypeValues {
  generation: number;
  owner: unknown;
  values: Int32Array;
}

/** The table for the current generation and owner, long enough for every current type id. */
export function typeValues(prev: TypeValues | null, owner: unknown): TypeValues {
  const size = typeTotal;
  if (prev && prev.generation === generation && prev.owner === owner) {
    if (prev.values.length >= size) return prev;
    const grown = new Int32Array(Math.max(2 * prev.values.length, size)).fill(-2);
    grown.set(prev.values);
    prev.values = grown;
    return prev;
  }
  return { generation, owner, values: new Int32Array(Math.max(1024, 2 * size)).fill(-2) };
}
