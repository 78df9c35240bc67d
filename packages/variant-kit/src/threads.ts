import { Worker } from 'node:worker_threads';
import type { WorkerEvents, WorkerLink, WorkerMessage } from './jobs.js';

/** A {@link WorkerLink} to a thread, with the `Worker` itself for extra messages. */
export interface ThreadLink extends WorkerLink {
  worker: Worker;
}

/**
 * Starts one `worker_threads` Worker running `script` (with `workerData`, e.g. the workload whose
 * kernel it loads while it boots) and links it to {@link runJobs}: messages are forwarded, an
 * uncaught error or exit before the result is reported as lost. `stop()` does nothing: the process's
 * exit ends every thread at once, and terminate() would only add a round trip.
 */
export function startThread(script: URL, events: WorkerEvents, workerData?: unknown): ThreadLink {
  const worker = new Worker(script, workerData === undefined ? {} : { workerData });
  const id = worker.threadId;
  worker.on('message', (message: WorkerMessage) => events.message(message));
  worker.on('error', (error) => events.lost(`(thread ${id}) failed: ${error.message}`));
  worker.on('exit', (code) => events.lost(`(thread ${id}) exited with code ${code}`));
  return { worker, dispatch: (job) => worker.postMessage(job), stop: async () => undefined };
}
