/**
 * A helper thread for grouping. Grouping runs on the main thread while the pipeline's worker pool is
 * stopped (to free its memory), so the machine's other core would sit idle. The helper shares the
 * per-article and per-pair kernels (`kernels.ts`) over shared memory: each job is cut into chunks that
 * both threads claim from one atomic counter, so the split adapts to how busy either core is, and a
 * helper that starts late (or never) leaves the chunks to the main thread. `groupArticles` stays
 * synchronous: the main thread works through chunks, then waits (Atomics.wait) for the helper's last one.
 * Every output slot is written by one kernel call whatever thread runs it, so results never depend on the split.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { candidateRange, centroidRange, dotRange, numberRange, remapRange, tieRange, weighRange, type CandidateData, type CentroidData, type DotData, type NumberData, type RemapData, type TieData, type WeighData } from './kernels.js';

export type Job =
  | { kind: 'weigh'; data: WeighData }
  | { kind: 'candidates'; data: CandidateData }
  | { kind: 'dots'; data: DotData }
  | { kind: 'centroids'; data: CentroidData }
  | { kind: 'ties'; data: TieData }
  | { kind: 'number'; data: NumberData }
  | { kind: 'remap'; data: RemapData };

/** Chunk states in a job's control array (slot 0 is the next chunk to claim). */
const DONE = 1;
const FAILED = 2;

/** A message to the helper: one job, its chunking and its control array. */
export interface JobMessage {
  job: Job;
  total: number;
  chunk: number;
  control: Int32Array;
}

export interface Helper {
  /**
   * Runs `job` over items `0 … total − 1`, sharing chunks of at most `maxChunk` items (smaller for small
   * jobs, so that both threads get some, but at least `minChunk`, default 8) with the helper thread;
   * returns when all are done.
   */
  share(job: Job, total: number, maxChunk: number, minChunk?: number): void;
  /** Chunks the helper thread has run so far (diagnostics; 0 on the main thread alone). */
  helped(): number;
  /** Stops the helper thread (it holds no memory of the grouping once its jobs are done). */
  close(): void;
}

/** Runs items `from … to − 1` of a job on this thread. */
export function runChunk(job: Job, from: number, to: number): void {
  if (job.kind === 'weigh') weighRange(job.data, from, to);
  else if (job.kind === 'candidates') candidateRange(job.data, from, to);
  else if (job.kind === 'centroids') centroidRange(job.data, from, to);
  else if (job.kind === 'ties') tieRange(job.data, from, to);
  else if (job.kind === 'number') numberRange(job.data, from, to);
  else if (job.kind === 'remap') remapRange(job.data, from, to);
  else dotRange(job.data, from, to);
}

/** Claims and runs chunks until none is left (both threads run this loop). */
export function claimChunks(msg: JobMessage, run: (from: number, to: number) => void): void {
  const chunks = Math.ceil(msg.total / msg.chunk);
  for (;;) {
    const c = Atomics.add(msg.control, 0, 1);
    if (c >= chunks) return;
    try {
      run(c * msg.chunk, Math.min(msg.total, (c + 1) * msg.chunk));
      Atomics.store(msg.control, 1 + c, DONE);
    } catch (e) {
      Atomics.store(msg.control, 1 + c, FAILED);
      throw e;
    } finally {
      Atomics.notify(msg.control, 1 + c);
    }
  }
}

/**
 * How long the main thread waits for one of the helper's chunks before running it itself (a helper that
 * died, e.g. out of memory, never finishes it). A helper that was only slow may still finish it: running
 * a chunk twice is harmless, as each kernel computes in its own thread's scratch and writes final values
 * to its items' slots only, so the late thread writes the same bytes.
 */
const TAKE_OVER_MS = 20_000;

/**
 * The helper thread: `worker.js` from dist. Under tsx/vitest this module is TypeScript, and `--import tsx`
 * in a worker's execArgv does not register tsx's loader there (Node 20), so the worker loads `worker.ts`
 * through tsx's API.
 */
function newWorker(ready: Int32Array): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: { ready } });
  // tsx's ESM API by its package exports (resolving 'tsx/esm/api' from here would give the CommonJS one).
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = new URL((JSON.parse(readFileSync(pkg, 'utf8')) as TsxPackage).exports['./esm/api'].import.default, pathToFileURL(pkg)).href;
  const href = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(href)}, ${JSON.stringify(href)}))`, { eval: true, workerData: { ready } });
}

interface TsxPackage {
  exports: { './esm/api': { import: { default: string } } };
}

/** How long `startHelper(true)` waits for the thread to load its code. */
const READY_MS = 30_000;

/**
 * Starts the helper thread; null when a thread cannot be started (grouping then runs on the main thread
 * alone). With `waitReady`, returns once the thread has loaded (or after {@link READY_MS}), so that it
 * takes part in the first job (tests of the shared path).
 */
export function startHelper(waitReady = false): Helper | null {
  const ready = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker | null;
  try {
    worker = newWorker(ready);
  } catch {
    return null;
  }
  worker.unref();
  // A helper that fails leaves its chunks to the main thread; its error must not end the process.
  worker.on('error', () => undefined);
  if (waitReady) Atomics.wait(ready, 0, 0, READY_MS);
  let helped = 0;
  return {
    share(job, total, maxChunk, minChunk = 8) {
      // Only shared memory may go to the helper: a copied array would take its results away with it.
      for (const v of Object.values(job.data)) if (ArrayBuffer.isView(v) && !(v.buffer instanceof SharedArrayBuffer)) throw new Error('grouping helper: an array of the job is not shared');
      const chunk = Math.max(minChunk, Math.min(maxChunk, Math.ceil(total / 256)));
      const chunks = Math.ceil(total / chunk);
      const control = new Int32Array(new SharedArrayBuffer(4 * (chunks + 1)));
      const msg: JobMessage = { job, total, chunk, control };
      if (worker && chunks > 1) worker.postMessage(msg);
      let mine = 0;
      claimChunks(msg, (from, to) => {
        mine++;
        runChunk(job, from, to);
      });
      // Wait for the chunks the helper claimed; run one itself if the helper failed it or stopped.
      for (let c = 0; c < chunks; c++) {
        let waited = 0;
        for (let s = Atomics.load(control, 1 + c); s !== DONE; s = Atomics.load(control, 1 + c)) {
          if (s === FAILED || waited >= TAKE_OVER_MS) {
            runChunk(job, c * chunk, Math.min(total, (c + 1) * chunk));
            mine++;
            break;
          }
          Atomics.wait(control, 1 + c, s, 100);
          waited += 100;
        }
      }
      helped += chunks - mine;
    },
    helped: () => helped,
    close() {
      void worker?.terminate().catch(() => undefined);
      worker = null;
    },
  };
}

/** Runs a job on this thread alone (the single-thread path: small inputs, or no helper). */
export const alone: Helper = {
  share(job, total) {
    runChunk(job, 0, total);
  },
  helped: () => 0,
  close() {},
};
