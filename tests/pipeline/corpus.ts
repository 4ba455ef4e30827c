/** A small synthetic corpus: a few events covered by several outlets, plus stand-alone articles. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../tmp.js';

const EVENTS = [
  {
    date: '2024-03-04',
    facts: [
      'The defence ministry said on Monday that three missiles were launched from the eastern coast toward the sea.',
      'Officials in Seoul called the launch a grave provocation and convened the national security council.',
      '"We will respond firmly to any threat," Defence Minister Shin Won-sik told reporters in Seoul.',
    ],
  },
  {
    date: '2024-05-12',
    facts: [
      'Floods in the southern province of Rio Grande do Sul have killed at least 136 people, the civil defence agency said.',
      'More than 600,000 residents were forced from their homes as rivers rose to record levels across the region.',
      'President Luiz Inacio Lula da Silva promised emergency funds for reconstruction of roads and bridges.',
    ],
  },
  {
    date: '2024-07-20',
    facts: [
      'A faulty software update from the security firm CrowdStrike crashed millions of Windows computers worldwide on Friday.',
      'Airlines grounded flights, hospitals postponed surgeries and banks reported outages across several continents.',
      'Chief executive George Kurtz apologised and said a fix had been deployed, adding that it was not a cyberattack.',
    ],
  },
];
const OUTLETS = ['Wire One', 'Daily Planet', 'Global Courier', 'Morning Herald'];
const FILLER = [
  'Local gardeners gathered at the community hall to compare early tomato seedlings and trade advice on compost.',
  'The city council approved a new schedule for weekend bus routes after months of consultation with residents.',
  'A museum exhibition of nineteenth century maps opened to visitors, showing how the harbour changed over time.',
  'Volunteers repainted the playground fences and planted a row of cherry trees along the school boundary.',
];

/** JSON Lines text of `n` articles (events first, then fillers), each with id, outlet, published, title and text. */
export function syntheticJsonl(fillers = 12): string {
  const lines: string[] = [];
  EVENTS.forEach((e, ei) => {
    OUTLETS.forEach((outlet, oi) => {
      const order = e.facts.map((_, k) => e.facts[(k + oi) % e.facts.length]!);
      const text = [`${outlet} reports.`, ...order, `Reporting by ${outlet} staff; additional detail ${ei}-${oi}.`].join('\n\n');
      lines.push(JSON.stringify({ id: `ev${ei}-${oi}`, outlet, published: e.date, title: order[0]!.slice(0, 60), text }));
    });
  });
  for (let i = 0; i < fillers; i++) {
    const text = [FILLER[i % FILLER.length]!, `Item number ${i} in the local briefing series was filed on day ${i + 1}.`, FILLER[(i + 1) % FILLER.length]!].join('\n\n');
    lines.push(JSON.stringify({ id: `local-${String(i).padStart(2, '0')}`, outlet: OUTLETS[i % OUTLETS.length], published: `2023-0${1 + (i % 9)}-1${i % 10}`, text }));
  }
  return `${lines.join('\n')}\n`;
}

/** A folder holding the corpus as `news.jsonl` (removed when the test file ends). */
export function syntheticCorpusDir(fillers = 12): string {
  const dir = tempDir('corpus');
  writeFileSync(join(dir, 'news.jsonl'), syntheticJsonl(fillers));
  return dir;
}
