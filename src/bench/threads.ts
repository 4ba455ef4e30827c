/**
 * CPU time by thread kind during a run, read from Linux's /proc (null elsewhere):
 * - `main`: the main thread (reading, parsing and dispatching the input, grouping's coordination, the report);
 * - `workers`: threads started during the run, which are the JS worker threads (per-article batches,
 *   grouping, story comparisons);
 * - `background`: the other threads, already there when the run started. They are V8's platform threads
 *   (optimizing compiles, concurrent marking and sweeping, parallel scavenges) and libuv's pool (file
 *   I/O, gunzip). The bench has read the gzip before the run, so libuv's pool exists by then.
 *
 * process.cpuUsage() sums all threads: this split is what shows whether the cores went to the pipeline's
 * own code or to the engine under it. No npm package reads per-thread CPU; /proc/<pid>/task is the source.
 * A thread that ends between two samples loses at most the sampling interval of CPU time.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpuMs {
  main: number;
  workers: number;
  background: number;
}

/** CPU ms (user + system) of each of this process's threads now, by thread id; null without /proc. */
function taskCpu(): Map<number, number> | null {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const ticksMs = 10; // USER_HZ is 100 on Linux, whatever the kernel's own tick.
  const out = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) * ticksMs);
    } catch {
      // The thread ended between the listing and the read: its last sample stands.
    }
  }
  return out;
}

/** Starts sampling every `intervalMs`; `stop()` gives the CPU time each kind of thread used since the start. */
export function sampleThreadCpu(intervalMs = 100): { stop(): ThreadCpuMs | null } {
  const start = taskCpu();
  if (!start) return { stop: () => null };
  const last = new Map(start);
  const sample = (): void => {
    for (const [tid, ms] of taskCpu() ?? []) last.set(tid, ms);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      const used: ThreadCpuMs = { main: 0, workers: 0, background: 0 };
      for (const [tid, ms] of last) {
        const kind = tid === process.pid ? 'main' : start.has(tid) ? 'background' : 'workers';
        used[kind] += ms - (start.get(tid) ?? 0);
      }
      return used;
    },
  };
}
