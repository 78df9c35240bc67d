// One cluster worker of cluster-js: import the workload's JavaScript kernel (named by its argument),
// say ready, run the job it is sent (its calls), send the results back.
import type { Job, WorkerMessage } from '@arena/variant-kit';
// Only the modules it needs: a worker loads nothing else of the kit.
import { runCalls } from '@arena/variant-kit/calls';
import { loadJsKernel } from '@arena/variant-kit/workload';

const send = (message: WorkerMessage): boolean => process.send!(message);
const failed = (error: unknown): boolean => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

try {
  // Loaded before `ready`, so that importing the kernel is not part of computeMs.
  const run = await loadJsKernel(process.argv[2] as string);
  process.once('message', (job: Job) => {
    try {
      send(runCalls(run, job));
    } catch (error) {
      failed(error);
    }
  });
  send({ kind: 'ready' });
} catch (error) {
  failed(error);
}
