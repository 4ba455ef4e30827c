/**
 * A progress bar on stderr for long runs (cli-progress): articles analyzed
 * with rate and ETA, then stories compared, then report entries written. Off
 * when stderr is not a terminal (logs, CI, pipes) or when asked to be quiet.
 */
import cliProgress from 'cli-progress';
import type { RunPhase, RunProgress } from './run.js';

const LABEL: Record<RunPhase, string> = { articles: 'articles', group: 'grouping', stories: 'stories ', report: 'report  ' };

export interface ProgressBar {
  update(p: RunProgress): void;
  stop(): void;
}

/**
 * `expected`: article count when known (e.g. --max-articles), so the first
 * phase has an ETA; otherwise it shows the count and rate only.
 */
export function progressBar(enabled: boolean, expected?: number): ProgressBar {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'framelens {phase} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}',
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
    update(p) {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        started = performance.now();
        bar.start(p.total ?? expected ?? 0, 0, { phase: LABEL[p.phase], rate: 0 });
      }
      const total = p.total ?? Math.max(expected ?? 0, p.done);
      if (total !== bar.getTotal()) bar.setTotal(total);
      const seconds = (performance.now() - started) / 1000;
      bar.update(p.done, { rate: seconds > 0 ? Math.round(p.done / seconds) : 0 });
    },
    stop() {
      if (phase) bar.stop();
    },
  };
}
