/**
 * A progress bar on stderr for long runs (cli-progress): the count of the
 * outlets' recurring paragraphs (a pass over the inputs), articles analyzed
 * with rate and ETA, then stories compared, then report entries written. Off
 * when stderr is not a terminal (logs, CI, pipes) or when asked to be quiet.
 * While articles stream in, their count is not known: the bar and the ETA then
 * follow the share of input bytes read (compressed bytes for .gz).
 */
import cliProgress from 'cli-progress';
import type { RunPhase, RunProgress } from './run.js';

const LABEL: Record<RunPhase, string> = { count: 'counting', articles: 'articles', group: 'grouping', stories: 'stories ', report: 'report  ' };

export interface ProgressBar {
  /** Off (not a terminal, or quiet): callers need not gather progress at all (analyze then skips sizing the inputs). */
  readonly enabled: boolean;
  update(p: RunProgress): void;
  stop(): void;
}

/**
 * `expected`: article count when known (e.g. --max-articles), so the first
 * phase has an ETA; otherwise it shows the count and rate only.
 */
export function progressBar(enabled: boolean, expected?: number): ProgressBar {
  if (!enabled) return { enabled, update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'framelens {phase} [{bar}] {count} | {rate}/s | ETA {left}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: RunPhase | null = null;
  let started = 0;
  return {
    enabled,
    update(p) {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        started = performance.now();
        bar.start(1, 0, { phase: LABEL[p.phase], rate: 0, count: '', left: '–' });
      }
      const seconds = (performance.now() - started) / 1000;
      const s = progressState(p, expected, seconds);
      if (s.total !== bar.getTotal()) bar.setTotal(s.total);
      bar.update(s.value, { rate: seconds > 0 ? Math.round(p.done / seconds) : 0, count: s.count, left: s.eta });
    },
    stop() {
      if (phase) bar.stop();
    },
  };
}

/**
 * What the bar shows for one update: its fill (`value` of `total`), the count, and the time left at the
 * rate so far ('–' when the end is not known). Articles with no known total are measured by input bytes.
 */
export function progressState(p: RunProgress, expected: number | undefined, seconds: number): { value: number; total: number; count: string; eta: string } {
  const known = p.total ?? (p.phase === 'articles' || p.phase === 'count' ? expected : undefined);
  if (known !== undefined && known > 0) {
    const total = Math.max(known, p.done);
    return { value: p.done, total, count: `${p.done}/${total}`, eta: timeLeft(p.done / total, seconds) };
  }
  if (p.input && p.input.total > 0) {
    const share = Math.min(1, p.input.read / p.input.total);
    return { value: p.input.read, total: p.input.total, count: `${p.done} (${Math.floor(share * 100)} % of input)`, eta: timeLeft(share, seconds) };
  }
  return { value: p.done, total: Math.max(p.done, 1), count: String(p.done), eta: '–' };
}

function timeLeft(share: number, seconds: number): string {
  if (share <= 0 || seconds <= 0) return '–';
  const left = Math.round((seconds * (1 - share)) / share);
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const sec = left % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}
