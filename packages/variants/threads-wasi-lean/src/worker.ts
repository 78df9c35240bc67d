// One thread of threads-wasi-lean: instantiate the module it is given with its own
// `new WASI({ version: 'preview1' })` (the kit's instantiateKernel), compute the job's calls, answer.
import { parentPort } from 'node:worker_threads';
import type { Job } from '@arena/variant-kit';
import { runCalls } from '@arena/variant-kit/calls';
import { instantiateKernel } from '@arena/variant-kit/wasi';
import type { KernelJob, ThreadMessage } from './protocol.js';

const port = parentPort!;
const reply = (message: ThreadMessage): void => port.postMessage(message);
const failed = (error: unknown): void => reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

port.once('message', ({ file, module, spec, job }: KernelJob) => {
  try {
    const start = performance.now();
    const kernel = instantiateKernel(file, module, spec);
    const instantiateMs = performance.now() - start;
    const run = (j: Job): void => {
      try {
        reply({ ...runCalls(kernel, j), instantiateMs });
      } catch (error) {
        failed(error);
      }
    };
    if (job !== null) return run(job);
    reply({ kind: 'ready', instantiateMs });
    port.once('message', run);
  } catch (error) {
    failed(error);
  }
});
