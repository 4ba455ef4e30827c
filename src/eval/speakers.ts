/**
 * `npm run eval -- speakers [file]`: quote speakers against BASIL's annotated
 * quotes (basil-spans.jsonl, spans with `quote: true` and a `speaker`).
 *
 * `VERBOSE=1 npm run eval -- speakers` prints each miss and each wrong speaker
 * (article id, gold, ours with title and stated party/chamber, rule, text around).
 *
 * Found: a gold quote span is found when one of our 'quotes' findings (direct,
 * partial or reported) overlaps it by at least one character; the finding with
 * the largest overlap is its match. Accuracy is over found quotes only.
 *
 * Speaker rule. Names are compared as Porter stems of lower-cased words, with
 * "_" as a space and titles (Mr., Sen., President …) and suffixes (Jr., Sr.) dropped.
 * - A party group label ("Senate_Republicans", "House_Democrats", "Republican_Lawmakers")
 *   is matched when the party the article states for our speaker (`speakerGroup`:
 *   "R-Ky.", "(D)", "Republican Sen. X", "the Democratic leader"), or a party word in
 *   our speaker's own name ("Senate Republicans"), is the label's party, and the
 *   chamber, when both the label and the text give one (Sen./Senator → Senate,
 *   Rep./Representative/House → House), is the same. No stated party: no match.
 * - "<Organisation>_officials/_lawmakers/_leaders" is matched when our speaker
 *   contains all of the organisation's words ("State Department").
 * - Any other named gold speaker ("Donald_Trump", "Obama_campaign")
 *   is matched when its last word (a surname) or, for group labels, any of its
 *   words other than generic group words (officials, lawmakers …) occurs in our
 *   speaker name or in the appositive (party codes "D-N.Y."/"R-Calif." read as
 *   Democrat/Republican) the text gives with it (`speakerTitle`:
 *   "Lis Smith, a spokeswoman for the Obama campaign" matches "Obama_campaign").
 * - BASIL's "other_anti/pro/neutral" means someone who is none of the article's
 *   named speakers or targets: matched when we name a speaker and the last two
 *   words of that name (the person's name, without "Moore campaign chairman" or an owner's "Stone's")
 *   match none of the article's named gold speakers or targets by the rule above.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDoc, recordFromText } from '../pipeline/build-doc.js';
import { spanToOriginal } from '../doc/offsets.js';
import { attribute, type Attribution } from '../frames/sources/attribute.js';
import { stemWord } from '../text/index.js';

interface GoldSpan {
  start: number;
  end: number;
  quote?: boolean;
  speaker?: string | null;
  target?: string | null;
}
interface Record {
  id: string;
  outlet?: string;
  title?: string;
  text: string;
  spans: GoldSpan[];
}

const DEFAULT_FILE = fileURLToPath(new URL('../../../shared/eval/basil-spans.jsonl', import.meta.url));
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'president', 'secretary', 'gen', 'general', 'chairman', 'vice', 'jr', 'sr', 'ii', 'iii', 'the']);
const GENERIC = new Set(['official', 'lawmak', 'campaign', 'depart', 'state', 'hous', 'other', 'and', 'anti', 'pro', 'neutral']);

/** Stems of a name's words, titles dropped; party codes "D-N.Y." / "R-Calif." read as Democrat / Republican. */
export function nameStems(name: string): string[] {
  const parties = name.replace(/\bD-[A-Z][\w.]*/g, 'Democrat').replace(/\bR-[A-Z][\w.]*/g, 'Republican');
  return (parties.toLowerCase().replace(/_/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !TITLES.has(w)).map((w) => stemWord(w, 'en'));
}

const PARTY_STEMS: { [stem: string]: 'Democratic' | 'Republican' } = { democrat: 'Democratic', democrats: 'Democratic', democrat_: 'Democratic', republican: 'Republican', gop: 'Republican' };
const CHAMBER_STEMS: { [stem: string]: 'Senate' | 'House' } = { senat: 'Senate', hous: 'House' };
/** Trailing words of a label that name people inside an organisation ("State_Department_officials"). */
const MEMBER_STEMS = new Set(['offici', 'lawmak', 'leader', 'spokesman', 'aid', 'staff']);

/** What our finding says about its speaker: the name, the title the text gives, and the party/chamber it states. */
export interface OurSpeaker {
  name: string;
  title?: string;
  group?: { party?: 'Democratic' | 'Republican'; chamber?: 'Senate' | 'House' };
}

function partyOf(stems: readonly string[]): 'Democratic' | 'Republican' | undefined {
  for (const w of stems) {
    const p = PARTY_STEMS[w] ?? (w.startsWith('democrat') ? 'Democratic' : w.startsWith('republican') ? 'Republican' : undefined);
    if (p) return p;
  }
  return undefined;
}

function chamberOf(stems: readonly string[]): 'Senate' | 'House' | undefined {
  for (const w of stems) if (CHAMBER_STEMS[w]) return CHAMBER_STEMS[w];
  return undefined;
}

/** True when our speaker names the gold speaker under the rule in the header. */
export function speakerMatches(gold: string, ours: string | OurSpeaker): boolean {
  const sp: OurSpeaker = typeof ours === 'string' ? { name: ours } : ours;
  const g = nameStems(gold);
  const nameSet = new Set(nameStems(sp.name));
  const o = new Set([...nameSet, ...nameStems(sp.title ?? '')]);
  if (g.length === 0 || o.size === 0) return false;
  // Party group labels ("Senate_Republicans", "House_Democrats", "Republican_lawmakers"): the party the text states for
  // our speaker (or our speaker's own name, "Senate Republicans") must be the label's, and a chamber, when both say one, must agree.
  const goldParty = partyOf(g);
  if (goldParty && g.length > 1) {
    const goldChamber = chamberOf(g);
    const ownParty = partyOf([...nameSet]);
    const party = ownParty ?? sp.group?.party;
    const chamber = ownParty ? chamberOf([...nameSet]) : sp.group?.chamber;
    return party === goldParty && !(goldChamber && chamber && chamber !== goldChamber);
  }
  if (o.has(g[g.length - 1]!)) return true;
  // "<Organisation>_officials": our speaker is the organisation itself (all its words).
  if (g.length > 2 && MEMBER_STEMS.has(g[g.length - 1]!) && g.slice(0, -1).every((w) => nameSet.has(w))) return true;
  return g.length > 1 && g.some((w) => w.length >= 4 && !GENERIC.has(w) && o.has(w));
}

const GROUP_WORDS = /^(?:democrats?|democratic|republicans?|lawmakers|officials|campaign|plaintiffs|protestors|house|senate|state|department|america|now|and|buzzfeed)$/i;

/** A gold label naming one person ("Donald_Trump"), not a group ("House_Democrats", "Obama_campaign"). */
function isPersonLabel(speaker: string): boolean {
  const words = speaker.split('_');
  return words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w) && !GROUP_WORDS.test(w));
}

function isOther(speaker: string): boolean {
  return speaker.startsWith('other_');
}

export async function run(file: string | undefined): Promise<void> {
  const path = file ?? DEFAULT_FILE;
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record);
  let gold = 0;
  let found = 0;
  let correct = 0;
  const named = { found: 0, correct: 0 };
  const other = { found: 0, correct: 0 };
  const person = { found: 0, correct: 0 };
  const byKind: { [k: string]: { found: number; correct: number } } = {};
  let predicted = 0;
  const verbose = process.env.VERBOSE === '1';
  for (const r of records) {
    const quotes = r.spans.filter((s) => s.quote && s.speaker);
    const doc = buildDoc(recordFromText(r.id, r.text, { ...(r.outlet ? { outlet: r.outlet } : {}), ...(r.title ? { title: r.title } : {}) }));
    const ours = attribute(doc).map((a) => ({ a, span: spanToOriginal(doc.map, a) }));
    predicted += ours.length;
    const namedLabels = [...new Set(r.spans.flatMap((s) => [s.speaker, s.target]).filter((x): x is string => !!x && !isOther(x)))];
    for (const g of quotes) {
      gold++;
      let best: { a: Attribution; overlap: number } | null = null;
      for (const o of ours) {
        const overlap = Math.min(o.span.end, g.end) - Math.max(o.span.start, g.start);
        if (overlap > 0 && (!best || overlap > best.overlap)) best = { a: o.a, overlap };
      }
      if (!best) {
        if (verbose) process.stdout.write(`MISS ${r.id} ${g.speaker} | ${r.text.slice(Math.max(0, g.start - 80), g.start)}[[${r.text.slice(g.start, g.end)}]]${r.text.slice(g.end, g.end + 80)}\n`.replace(/\n(?!$)/g, ' '));
        continue;
      }
      found++;
      const speaker = best.a.speaker;
      const goldSpeaker = g.speaker!;
      const described: OurSpeaker = { name: speaker ?? '', ...(best.a.speakerTitle ? { title: best.a.speakerTitle } : {}), ...(best.a.speakerGroup ? { group: best.a.speakerGroup } : {}) };
      const coreName = speaker === null ? '' : speaker.replace(/^.*['’]s\s+/, '').split(/\s+/).slice(-2).join(' ');
      const ok = speaker !== null && (isOther(goldSpeaker) ? !namedLabels.some((n) => speakerMatches(n, coreName)) : speakerMatches(goldSpeaker, described));
      if (ok) correct++;
      const bucket = isOther(goldSpeaker) ? other : named;
      bucket.found++;
      if (ok) bucket.correct++;
      if (!isOther(goldSpeaker) && isPersonLabel(goldSpeaker)) {
        person.found++;
        if (ok) person.correct++;
      }
      const k = (byKind[best.a.kind] ??= { found: 0, correct: 0 });
      k.found++;
      if (ok) k.correct++;
      if (verbose && !ok) process.stdout.write(`WRONG ${r.id} gold=${goldSpeaker} ours=${speaker} [${best.a.speakerTitle ?? ''}] {${best.a.speakerGroup?.party ?? ''} ${best.a.speakerGroup?.chamber ?? ''}} (${best.a.rule}/${best.a.resolution}) | ${r.text.slice(Math.max(0, g.start - 100), g.start).replace(/\n/g, ' ')}[[${r.text.slice(g.start, g.end).replace(/\n/g, ' ')}]]${r.text.slice(g.end, g.end + 100).replace(/\n/g, ' ')}\n`);
    }
  }
  const pct = (n: number, d: number): string => (d ? (n / d).toFixed(3) : '-');
  const rows: [string, string, string][] = [
    ['gold quotes (with speaker)', String(gold), ''],
    ['found (overlap ≥ 1 char)', String(found), pct(found, gold)],
    ['speaker accuracy, all found', `${correct}/${found}`, pct(correct, found)],
    ['  named gold speakers', `${named.correct}/${named.found}`, pct(named.correct, named.found)],
    ['    of which one named person', `${person.correct}/${person.found}`, pct(person.correct, person.found)],
    ['  other_* gold speakers', `${other.correct}/${other.found}`, pct(other.correct, other.found)],
    ...Object.keys(byKind)
      .sort()
      .map((k): [string, string, string] => [`  matched as ${k}`, `${byKind[k]!.correct}/${byKind[k]!.found}`, pct(byKind[k]!.correct, byKind[k]!.found)]),
    ['our quote findings (all articles)', String(predicted), ''],
  ];
  process.stdout.write(`speakers: ${path} (${records.length} articles)\n`);
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(36)} ${b.padStart(9)} ${c.padStart(7)}\n`);
  process.stdout.write(
    `${JSON.stringify({ eval: 'speakers', file: path, articles: records.length, gold, found, foundShare: found ? found / gold : 0, accuracy: found ? correct / found : 0, namedAccuracy: named.found ? named.correct / named.found : 0, personAccuracy: person.found ? person.correct / person.found : 0, otherAccuracy: other.found ? other.correct / other.found : 0, predicted })}\n`,
  );
}
