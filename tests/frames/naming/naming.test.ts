import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../helpers.js';
import { NamingTableSchema, detectMentions, mentionsAnalyzer, nameKindShares, namingTable } from '../../../src/frames/naming/index.js';

describe('mentions', () => {
  it('matches aliases of one actor with their kinds', () => {
    const doc = makeTestDoc('The DPRK fired a missile. Pyongyang said North Korea would not stop, the isolated nation warned.');
    const ms = detectMentions(doc).filter((m) => m.actorId === 'north-korea');
    expect(ms.map((m) => [doc.text.slice(m.start, m.end), m.kind])).toEqual([
      ['DPRK', 'official'],
      ['Pyongyang', 'metonym'],
      ['North Korea', 'common'],
      ['the isolated nation', 'descriptive'],
    ]);
  });

  it('never reads the pronoun "us" as the United States', () => {
    const doc = makeTestDoc('They told us the US and the U.S. Navy were ready.');
    const us = detectMentions(doc).filter((m) => m.actorId === 'united-states');
    expect(us.map((m) => doc.text.slice(m.start, m.end))).toEqual(['US', 'U.S.']);
  });

  it('links a descriptive phrase the table lacks to the country named just before it', () => {
    const doc = makeTestDoc('North Korea launched a satellite on Monday. The reclusive country said it would launch more.');
    const m = detectMentions(doc).find((x) => x.via === 'coreference' || x.name === 'the reclusive state');
    expect(m).toBeDefined();
    expect(m!.actorId).toBe('north-korea');
    expect(doc.text.slice(m!.start, m!.end)).toBe('The reclusive country');
  });

  it('maps a close spelling variant to the table name with Jaro-Winkler', () => {
    const doc = makeTestDoc('Officials of the Democratic Peoples Republic of Korea met on Friday.');
    const m = detectMentions(doc).find((x) => x.actorId === 'north-korea');
    expect(m?.via).toBe('variant');
  });

  it('finds capitalized names of actors the table lacks, but not in title-case headlines', () => {
    const doc = makeTestDoc('Joint Drills Anger Neighbours In The Region\n\nThe drills were named after Freedom Edge by the planners.');
    const unknown = detectMentions(doc).filter((m) => m.type === 'unknown').map((m) => m.name);
    expect(unknown).toEqual(['Freedom Edge']);
  });

  it('writes findings whose text is the covered slice', () => {
    const doc = makeTestDoc('Seoul and Tokyo met.');
    const f = mentionsAnalyzer.run(doc);
    expect(f.map((x) => [x.text, (x.data as { actorId: string }).actorId])).toEqual([
      ['Seoul', 'south-korea'],
      ['Tokyo', 'japan'],
    ]);
  });
});

describe('naming table', () => {
  const a = makeTestDoc('The DPRK condemned the drills. The DPRK said the drills were a rehearsal for invasion.', { id: 'a', outlet: 'KCNA' });
  const b = makeTestDoc('North Korea condemned the drills, and Pyongyang warned of consequences.', { id: 'b', outlet: 'Wire' });
  const c = makeTestDoc('Pyongyang, the hermit kingdom, has long protested against the exercises.', { id: 'c', outlet: 'RT' });

  it('groups DPRK, North Korea and Pyongyang as one actor across outlets with counts and evidence', () => {
    const table = namingTable([a, b, c]);
    NamingTableSchema.parse(table);
    const nk = table.actors.find((x) => x.actorId === 'north-korea')!;
    expect(Object.keys(nk.byOutlet)).toEqual(['KCNA', 'RT', 'Wire']);
    expect(nk.byOutlet.KCNA).toEqual([{ name: 'DPRK', count: 2, kind: 'official', evidence: [{ articleId: 'a', start: 4, end: 8 }, { articleId: 'a', start: 35, end: 39 }] }]);
    expect(nk.byOutlet.Wire!.map((u) => u.name)).toEqual(['North Korea', 'Pyongyang']);
    expect(nk.byOutlet.RT!.map((u) => [u.name, u.kind])).toEqual([
      ['Pyongyang', 'metonym'],
      ['the hermit kingdom', 'descriptive'],
    ]);
  });

  it('is independent of input order and reports kind shares', () => {
    expect(JSON.stringify(namingTable([c, a, b]))).toBe(JSON.stringify(namingTable([a, b, c])));
    const shares = nameKindShares(namingTable([a, b, c]), 'north-korea');
    expect(shares.RT).toEqual({ metonym: 0.5, descriptive: 0.5 });
  });

  it('merges an unknown surname with the full name across outlets', () => {
    const x = makeTestDoc('Analyst Peter Hayes spoke. Peter Hayes said more.', { id: 'x', outlet: 'A' });
    const y = makeTestDoc('The drills worried experts, and Hayes called them risky.', { id: 'y', outlet: 'B' });
    const t = namingTable([x, y]);
    const hayes = t.actors.find((r) => r.actorId === 'x:peter hayes');
    expect(hayes?.byOutlet.B?.[0]?.name).toBe('Hayes');
  });
});
