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

export const EXCERPT =
  'Others note that "the administration keeps promising a deal on tariffs and the farmers who depend on soybean exports keep waiting for one, season after season, with nothing to show for it but bigger loans."';
const TOPICS = [
  'The city of Lyon opened a new tram line that links the old town with the university campus in the east.',
  'A drought in Kenya has left cattle herders in Turkana searching for water far from their villages.',
  'Scientists in Chile reported that a telescope in the Atacama desert captured the birth of a distant star.',
  'The Norwegian parliament debated a bill on electric ferries for the fjords around Bergen and Stavanger.',
  'Wildfires in Portugal forced firefighters to evacuate hamlets near Leiria as winds shifted overnight.',
  'A museum in Cairo unveiled restored papyrus scrolls describing grain shipments along the Nile delta.',
  'Engineers in Osaka tested a seawall designed to withstand typhoon surges along the crowded waterfront.',
  'Teachers in Buenos Aires went on strike over wages as inflation eroded their monthly salaries again.',
  'A cyclone approached the coast of Mozambique, and aid agencies moved food stocks inland from Beira.',
  'The football club of Glasgow announced a new stadium roof after storms damaged the old stand last winter.',
  'Miners in Bolivia blocked a highway outside Potosi to demand safer tunnels and better ventilation below ground.',
  'A Finnish startup in Oulu unveiled a battery recycling plant that recovers cobalt from old phones.',
];

/** A newsletter that quotes one excerpt in every issue (undated), each issue about something else. */
export function newsletterCorpus(dir: string): string {
  const lines = TOPICS.map((topic, i) =>
    JSON.stringify({ id: `letter-${String(i).padStart(2, '0')}`, outlet: 'The Letter', title: topic.split(' ').slice(0, 6).join(' '), published: '', text: `From the Left\n\n${topic}\n\n${EXCERPT}` }),
  );
  // Other outlets' articles of made-up words: in a large corpus the excerpt's words are rare, so they weigh.
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'vos', 'dar', 'pe', 'zil', 'gon', 'fa', 'shu', 'bri', 'nel', 'ox', 'qua'];
  const word = (): string => Array.from({ length: 3 }, () => syllables[(next() >>> 16) % syllables.length]).join('');
  for (let i = 0; i < 150; i++) {
    const text = Array.from({ length: 4 }, () => `${Array.from({ length: 12 }, word).join(' ')}.`).join(' ');
    lines.push(JSON.stringify({ id: `other-${String(i).padStart(3, '0')}`, outlet: `Paper ${i % 7}`, title: `Item ${i}`, published: '', text }));
  }
  const file = join(dir, 'letter.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
