/** Worker-thread entry (piscina): runs the work units of tasks.ts. */
import { runTask, type WorkerTask } from './tasks.js';

export type { WorkerTask } from './tasks.js';

export default function run(message: WorkerTask): unknown {
  return runTask(message);
}
