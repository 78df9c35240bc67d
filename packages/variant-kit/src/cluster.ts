import cluster from 'node:cluster';
import type { WorkerEvents, WorkerLink, WorkerMessage } from './jobs.js';

/**
 * Forks one cluster worker (running the script set with `cluster.setupPrimary`) and links it to
 * {@link runJobs}: messages are forwarded, an exit or fork error before the result is reported as
 * lost, and `stop()` kills the process with SIGKILL (or, asked, lets it exit by itself) and
 * resolves once it has exited, so no worker process outlives the primary.
 */
/** How long a worker asked to exit (--exit-workers) may take before it is killed; generous, for valgrind. */
const ASKED_EXIT_MS = 30_000;

export function forkWorker(events: WorkerEvents): WorkerLink {
  const worker = cluster.fork();
  const child = worker.process;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  worker.on('message', (message: WorkerMessage) => events.message(message));
  worker.on('error', (error: Error) => events.lost(`(pid ${child.pid}) failed: ${error.message}`));
  worker.on('exit', (code: number | null, signal: NodeJS.Signals | null) => events.lost(`(pid ${child.pid}) died: ${signal ? `killed by ${signal}` : `exit code ${code}`}`));
  return {
    dispatch: (job) => worker.send(job),
    stop(ask = false) {
      if (child.pid === undefined) return Promise.resolve(); // never started: nothing to wait for
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      if (!ask) {
        child.kill('SIGKILL');
        return exited;
      }
      // Disconnecting closes the IPC channel, the worker's last handle: it exits by itself. A worker
      // that does not within ASKED_EXIT_MS is killed, as it would have been.
      worker.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), ASKED_EXIT_MS);
      return exited.finally(() => clearTimeout(timer));
    },
  };
}
