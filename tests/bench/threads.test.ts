import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sampleThreadCpu } from '../../src/bench/threads.js';

// Busy-waits for `ms` of wall time on the calling thread.
const spin = (ms: number): void => {
  const end = Date.now() + ms;
  while (Date.now() < end);
};

describe.skipIf(!existsSync('/proc/self/task'))('sampleThreadCpu', () => {
  it('puts the main thread’s CPU under main and a thread started during the run under workers', async () => {
    const threads = sampleThreadCpu(20);
    spin(300);
    const worker = new Worker('const end = Date.now() + 300; while (Date.now() < end); require("node:worker_threads").parentPort.postMessage("done");', { eval: true });
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const used = threads.stop();
    expect(used).not.toBeNull();
    // Clock ticks are 10 ms, and the machine may be shared: well under the 300 ms each spun.
    expect(used!.main).toBeGreaterThanOrEqual(150);
    expect(used!.workers).toBeGreaterThanOrEqual(150);
  });

  it('puts a thread already running when sampling starts under background, not workers', async () => {
    // Started first and kept waiting, then asked to spin once the sampler has taken its first snapshot.
    const worker = new Worker(
      'const { parentPort } = require("node:worker_threads"); parentPort.once("message", () => { const end = Date.now() + 300; while (Date.now() < end); parentPort.postMessage("done"); }); parentPort.postMessage("ready");',
      { eval: true },
    );
    await new Promise((resolve) => worker.once('message', resolve));
    const threads = sampleThreadCpu(20);
    worker.postMessage('go');
    await new Promise((resolve) => worker.once('message', resolve));
    const used = threads.stop()!;
    await worker.terminate();
    expect(used.background).toBeGreaterThanOrEqual(150);
    expect(used.workers).toBeLessThan(100);
  });

  it('counts nothing twice: the kinds add up to at most the process’s CPU time', () => {
    const cpu0 = process.cpuUsage();
    const threads = sampleThreadCpu(20);
    spin(200);
    const used = threads.stop()!;
    const cpu = process.cpuUsage(cpu0);
    // /proc rounds each thread to 10 ms ticks; process.cpuUsage is exact.
    expect(used.main + used.workers + used.background).toBeLessThanOrEqual((cpu.user + cpu.system) / 1000 + 40);
  });
});
