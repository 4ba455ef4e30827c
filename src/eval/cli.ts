/**
 * `npm run eval -- <name> [file]`: quality figures against labeled data in
 * ../shared/eval (never copied into the repo). Each evaluation prints a
 * table and a JSON line; none is a unit test.
 */
const EVALS = {
  events: './events.js',
  similarity: './similarity.js',
  speakers: './speakers.js',
  spans: './spans.js',
  chrome: './chrome.js',
  groups: './groups.js',
  undated: './undated.js',
} as const;

async function main(): Promise<void> {
  const [name, file] = process.argv.slice(2);
  if (!name || !(name in EVALS)) {
    process.stderr.write(`usage: npm run eval -- <${Object.keys(EVALS).join('|')}> [file]\n`);
    process.exitCode = 2;
    return;
  }
  const mod = (await import(EVALS[name as keyof typeof EVALS])) as { run(file: string | undefined): Promise<void> };
  await mod.run(file);
}

await main();
