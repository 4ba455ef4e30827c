import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOutletMentions, lookupOutlet, outletRegistry, OutletInfoSchema } from '../../src/meta/index.js';

describe('outletRegistry', () => {
  it('outletRegistry holds at least 40 outlets, each valid under OutletInfoSchema', () => {
    const outlets = outletRegistry();
    expect(outlets.length).toBeGreaterThanOrEqual(40);
    for (const o of outlets) expect(OutletInfoSchema.safeParse(o).success, o.id).toBe(true);
  });

  it('outletRegistry has unique ids, names, aliases and domains', () => {
    const seen = new Map<string, string>();
    for (const o of outletRegistry()) {
      for (const key of [`id:${o.id}`, ...[o.name, ...o.aliases].map((n) => `name:${n.toLowerCase()}`), ...o.domains.map((d) => `domain:${d}`)]) {
        expect(seen.get(key), `${key} in ${o.id} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, o.id);
      }
    }
  });

  it('outletRegistry covers the outlets the brief names', () => {
    const required = ['RT', 'Sputnik', 'TASS', 'RIA Novosti', 'KCNA', 'Rodong Sinmun', 'Xinhua', 'CGTN', 'Global Times', 'China Daily', 'Press TV', 'IRNA', 'Anadolu Agency', 'TRT World', 'Al Jazeera', 'BBC', 'NPR', 'PBS', 'VOA', 'RFE/RL', 'DW', 'France 24', 'NHK', 'KBS', 'Yonhap', 'Arirang', 'Reuters', 'AP', 'AFP', 'UPI', 'The New York Times', 'The Washington Post', 'The Wall Street Journal', 'Fox News', 'CNN', 'HuffPost', 'The Guardian', 'The Korea Herald', 'The Korea Times', 'The Japan Times', 'NK News', '38 North', 'GlobalSecurity.org'];
    for (const name of required) expect(lookupOutlet(name)?.name, name).toBe(name);
  });

  it('outletRegistry gives every label a source', () => {
    for (const o of outletRegistry()) for (const label of [o.country, o.ownership, o.stateAffiliation]) expect(label.source.length, o.id).toBeGreaterThan(5);
  });

  it('the registry file records its source and licence', () => {
    const file = JSON.parse(readFileSync(new URL('../../data/outlets/outlets.json', import.meta.url), 'utf8')) as { source: string; licence: string };
    expect(file.source.length).toBeGreaterThan(20);
    expect(file.licence.length).toBeGreaterThan(3);
  });
});

describe('lookupOutlet', () => {
  it('lookupOutlet resolves names, aliases, quoted aliases, domains, URLs and sub-domains', () => {
    expect(lookupOutlet('Russia Today')?.id).toBe('rt');
    expect(lookupOutlet('Autonomous Nonprofit Organization “TV-Novosti”')?.id).toBe('rt');
    expect(lookupOutlet('Korean Central News Agency')?.id).toBe('kcna');
    expect(lookupOutlet('korean central news agency of DPRK')?.id).toBe('kcna');
    expect(lookupOutlet('GlobalSecurity.org')?.id).toBe('globalsecurity');
    expect(lookupOutlet('https://www.rt.com/news/600210-north-korea/')?.id).toBe('rt');
    expect(lookupOutlet('arabic.rt.com')?.id).toBe('rt');
    expect(lookupOutlet('english.news.cn')?.id).toBe('xinhua');
    expect(lookupOutlet('the Associated Press')?.id).toBe('ap');
    expect(lookupOutlet('New York Times')?.id).toBe('nyt');
  });

  it('lookupOutlet returns null for unknown names and for look-alike domains', () => {
    expect(lookupOutlet('Example Gazette')).toBeNull();
    expect(lookupOutlet('notrt.com')).toBeNull();
    expect(lookupOutlet('')).toBeNull();
  });

  it('lookupOutlet reports state media labels with their sources', () => {
    const rt = lookupOutlet('RT')!;
    expect(rt.stateAffiliation.value).toBe('state-controlled');
    expect(rt.stateAffiliation.source).toContain('2022/350');
    expect(lookupOutlet('BBC')!.stateAffiliation.value).toBe('state-funded, editorially independent');
    expect(lookupOutlet('Reuters')!.stateAffiliation.value).toBe('none');
  });
});

describe('findOutletMentions', () => {
  it('findOutletMentions finds capitalized brands on word boundaries only', () => {
    const found = findOutletMentions('Read RT Privacy policy; start the art of the APT report; see Xinhua.');
    expect(found.map((m) => m.outlet.id)).toEqual(['rt', 'xinhua']);
    expect(findOutletMentions('rt and ap in lower case')).toEqual([]);
  });
});
