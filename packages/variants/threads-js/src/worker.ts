// One thread of threads-js: import the workload's JavaScript kernel, say ready, run the job it is
// sent (its calls), post the results back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Job, WorkerMessage } from '@arena/variant-kit';
// Only the modules it needs: a thread loads nothing else of the kit.
import { runCalls } from '@arena/variant-kit/calls';
import { loadJsKernel } from '@arena/variant-kit/workload';

/** What the main thread starts each thread with. */
export interface ThreadData {
  workload: string;
}

const port = parentPort!;
const reply = (message: WorkerMessage): void => port.postMessage(message);
const failed = (error: unknown): void => reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

try {
  // Loaded before `ready`, so that importing the kernel is not part of computeMs.
  const run = await loadJsKernel((workerData as ThreadData).workload);
  port.once('message', (job: Job) => {
    try {
      reply(runCalls(run, job));
    } catch (error) {
      failed(error);
    }
  });
  reply({ kind: 'ready' });
} catch (error) {
  failed(error);
}
