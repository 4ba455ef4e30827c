/**
 * Per-outlet profiles built from the articles' finding layers: who is quoted
 * and with which verbs, which names are used for each actor, loaded words,
 * hedges, frame shares and tone. Every entry keeps its evidence spans.
 */
import { FRAME_IDS, type FrameId } from '../../frames/policy/index.js';
import { frameCuesOf, hedgesOf, loadedOf, mentionsOf, quotesOf, toneOf, type ArticleView } from './model.js';

export interface Ev {
  article: ArticleView;
  start: number;
  end: number;
  text: string;
}

export interface VoiceProfile {
  speaker: string;
  sourceType: string;
  direct: number;
  partial: number;
  reported: number;
  verbs: Map<string, number>;
  evaluative: number;
  /** Evaluative reporting verbs used for this speaker ("denounce", "blast"). */
  evaluativeVerbs: Set<string>;
  evidence: Ev[];
  /** Evidence of the quotes introduced with an evaluative verb. */
  evaluativeEvidence: Ev[];
}

export interface NameProfile {
  actorId: string;
  label: string;
  names: Map<string, { count: number; kind: string; evidence: Ev[] }>;
  total: number;
}

export interface LoadedItem extends Ev {
  technique: string;
  neutral: string | null;
}

export interface HedgeItem extends Ev {
  kind: string;
  cue: string;
}

export interface OutletProfile {
  key: string;
  label: string;
  articles: ArticleView[];
  words: number;
  quotes: number;
  voices: VoiceProfile[];
  names: Map<string, NameProfile>;
  loaded: LoadedItem[];
  hedges: HedgeItem[];
  /** Cue counts per frame and the share of all cues. */
  frames: Map<FrameId, { count: number; share: number; evidence: Ev[] }>;
  frameCues: number;
  tone: Map<string, { label: string; sentences: number; sum: number; evidence: Ev[] }>;
  layers: Set<string>;
}

function byStart<T extends { article: ArticleView; start: number; end: number }>(a: T, b: T): number {
  return a.article.index - b.article.index || a.start - b.start || a.end - b.end;
}

export function outletProfile(key: string, label: string, articles: readonly ArticleView[]): OutletProfile {
  const voices = new Map<string, VoiceProfile>();
  const names = new Map<string, NameProfile>();
  const loaded: LoadedItem[] = [];
  const hedges: HedgeItem[] = [];
  const frames = new Map<FrameId, { count: number; share: number; evidence: Ev[] }>();
  const tone = new Map<string, { label: string; sentences: number; sum: number; evidence: Ev[] }>();
  const layers = new Set<string>();
  let words = 0;
  let quotes = 0;
  let frameCues = 0;
  for (const article of articles) {
    const rec = article.rec;
    words += rec.words;
    for (const [name, list] of Object.entries(rec.layers)) if (list.length) layers.add(name);
    for (const q of quotesOf(rec)) {
      quotes++;
      const speaker = q.data.speaker ?? 'unattributed';
      let v = voices.get(speaker);
      if (!v) voices.set(speaker, (v = { speaker, sourceType: q.data.sourceType, direct: 0, partial: 0, reported: 0, verbs: new Map(), evaluative: 0, evaluativeVerbs: new Set(), evidence: [], evaluativeEvidence: [] }));
      v[q.data.kind]++;
      if (q.data.verb) v.verbs.set(q.data.verb, (v.verbs.get(q.data.verb) ?? 0) + 1);
      v.evidence.push({ article, start: q.start, end: q.end, text: q.text });
      if (q.data.verbClass === 'evaluative') {
        v.evaluative++;
        if (q.data.verb) v.evaluativeVerbs.add(q.data.verb);
        v.evaluativeEvidence.push({ article, start: q.start, end: q.end, text: q.text });
      }
    }
    for (const m of mentionsOf(rec)) {
      if (m.data.actorId.startsWith('x:')) continue;
      let p = names.get(m.data.actorId);
      if (!p) names.set(m.data.actorId, (p = { actorId: m.data.actorId, label: m.data.label, names: new Map(), total: 0 }));
      const n = m.data.name;
      let e = p.names.get(n);
      if (!e) p.names.set(n, (e = { count: 0, kind: m.data.kind, evidence: [] }));
      e.count++;
      p.total++;
      e.evidence.push({ article, start: m.start, end: m.end, text: m.text });
    }
    for (const l of loadedOf(rec)) loaded.push({ article, start: l.start, end: l.end, text: l.text, technique: l.data.technique, neutral: l.data.neutral });
    for (const h of hedgesOf(rec)) hedges.push({ article, start: h.start, end: h.end, text: h.text, kind: h.data.kind, cue: h.data.cue });
    for (const f of frameCuesOf(rec)) {
      frameCues++;
      let e = frames.get(f.data);
      if (!e) frames.set(f.data, (e = { count: 0, share: 0, evidence: [] }));
      e.count++;
      e.evidence.push({ article, start: f.start, end: f.end, text: f.text });
    }
    const seen = new Set<string>();
    for (const t of toneOf(rec)) {
      const k = `${t.data.actorId}\u0000${t.start}`;
      if (seen.has(k)) continue;
      seen.add(k);
      let e = tone.get(t.data.actorId);
      if (!e) tone.set(t.data.actorId, (e = { label: t.data.label, sentences: 0, sum: 0, evidence: [] }));
      e.sentences++;
      e.sum += t.data.score;
      e.evidence.push({ article, start: t.start, end: t.end, text: t.text });
    }
  }
  for (const e of frames.values()) e.share = frameCues ? e.count / frameCues : 0;
  loaded.sort(byStart);
  hedges.sort(byStart);
  const voiceList = [...voices.values()].sort((a, b) => b.evidence.length - a.evidence.length || (a.speaker < b.speaker ? -1 : a.speaker > b.speaker ? 1 : 0));
  return { key, label, articles: [...articles], words, quotes, voices: voiceList, names, loaded, hedges, frames, frameCues, tone, layers };
}

/** One profile per outlet key among the articles, in order of first appearance. */
export function profilesByOutlet(articles: readonly ArticleView[]): OutletProfile[] {
  const groups = new Map<string, ArticleView[]>();
  for (const a of articles) {
    const list = groups.get(a.key) ?? [];
    list.push(a);
    groups.set(a.key, list);
  }
  return [...groups.entries()].map(([key, list]) => outletProfile(key, list[0]!.label, list));
}

/** The names an outlet uses for an actor, most used first. */
export function namesUsed(p: NameProfile | undefined): Array<[string, { count: number; kind: string; evidence: Ev[] }]> {
  if (!p) return [];
  return [...p.names.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
}

/** Frames in canonical order with a share above zero in any profile, largest total first, at most `top`. */
export function topFrames(profiles: readonly OutletProfile[], top = 6): FrameId[] {
  return FRAME_IDS.filter((f) => f !== 'other' && profiles.some((p) => (p.frames.get(f)?.count ?? 0) > 0))
    .map((f) => ({ f, total: profiles.reduce((s, p) => s + (p.frames.get(f)?.share ?? 0), 0) }))
    .sort((a, b) => b.total - a.total || FRAME_IDS.indexOf(a.f) - FRAME_IDS.indexOf(b.f))
    .slice(0, top)
    .map((x) => x.f);
}

/** Actors named in at least `minOutlets` profiles, most mentioned first. */
export function sharedActors(profiles: readonly OutletProfile[], minOutlets = 1, top = 8): Array<{ actorId: string; label: string }> {
  const acc = new Map<string, { label: string; outlets: number; total: number }>();
  for (const p of profiles) {
    for (const n of p.names.values()) {
      const e = acc.get(n.actorId) ?? { label: n.label, outlets: 0, total: 0 };
      e.outlets++;
      e.total += n.total;
      acc.set(n.actorId, e);
    }
  }
  return [...acc.entries()]
    .filter(([, e]) => e.outlets >= minOutlets)
    .sort((a, b) => b[1].outlets - a[1].outlets || b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([actorId, e]) => ({ actorId, label: e.label }));
}
