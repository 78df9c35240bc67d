// One thread of threads-wasi: instantiate the module it is given, say ready, compute n once.
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage } from '@arena/variant-kit';
import { instantiateKernel, type Fibonacci } from '@arena/variant-kit/wasi';

/** The main thread's first message: the compiled module and its file name (for errors). */
export interface KernelJob {
  file: string;
  module: WebAssembly.Module;
}

const port = parentPort!;
const reply = (message: WorkerMessage): void => port.postMessage(message);
const failed = (error: unknown): void => reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

port.once('message', ({ file, module }: KernelJob) => {
  let fibonacci: Fibonacci;
  try {
    const start = performance.now();
    fibonacci = instantiateKernel(file, module);
    reply({ kind: 'ready', instantiateMs: performance.now() - start });
  } catch (error) {
    return failed(error);
  }
  port.once('message', (n: number) => {
    try {
      reply({ kind: 'result', value: fibonacci(n) });
    } catch (error) {
      failed(error);
    }
  });
});
