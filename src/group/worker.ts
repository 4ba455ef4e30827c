/**
 * The grouping helper thread (see `parallel.ts`): runs the chunks of each job it is sent that the main
 * thread has not claimed yet, on shared memory, and drops each job once no chunk is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { claimChunks, runChunk, type JobMessage } from './parallel.js';

parentPort?.on('message', (msg: JobMessage) => {
  try {
    claimChunks(msg, (from, to) => runChunk(msg.job, from, to));
  } catch {
    // The failed chunk is marked; the main thread runs it itself.
  }
});

// Loaded: a main thread that asked to wait for the helper (startHelper(true)) may go on.
const { ready } = workerData as { ready: Int32Array };
Atomics.store(ready, 0, 1);
Atomics.notify(ready, 0);
