// One thread of threads-wasi: instantiate the module it is given, say ready, run the job's calls.
import { parentPort } from 'node:worker_threads';
import type { Job, Kernel, WorkloadSpec, WorkerMessage } from '@arena/variant-kit';
import { runCalls } from '@arena/variant-kit/calls';
import { instantiateKernel } from '@arena/variant-kit/wasi';

/** The main thread's first message: the compiled module, its file name (for errors) and the workload's spec. */
export interface KernelJob {
  file: string;
  module: WebAssembly.Module;
  spec: WorkloadSpec;
}

const port = parentPort!;
const reply = (message: WorkerMessage): void => port.postMessage(message);
const failed = (error: unknown): void => reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

port.once('message', ({ file, module, spec }: KernelJob) => {
  let kernel: Kernel;
  try {
    const start = performance.now();
    kernel = instantiateKernel(file, module, spec);
    reply({ kind: 'ready', instantiateMs: performance.now() - start });
  } catch (error) {
    return failed(error);
  }
  port.once('message', (job: Job) => {
    try {
      reply(runCalls(kernel, job));
    } catch (error) {
      failed(error);
    }
  });
});
