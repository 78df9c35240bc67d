// Timed entry of threads-wasi: worker_threads sharing the workload's WASI module, compiled once by
// the main thread.
import type { Worker } from 'node:worker_threads';
import { parseArgs, runJobs } from '@arena/variant-kit';
import { startThread } from '@arena/variant-kit/threads';
import type { KernelJob } from './worker.js';

const startupMs = performance.now();
const args = parseArgs({ wasm: true });
const file = args.module as string;
const script = new URL('./worker.js', import.meta.url);
const threads: Worker[] = [];

runJobs({
  variant: 'threads-wasi',
  args,
  startupMs,
  spawn(_index, events) {
    const link = startThread(script, events);
    threads.push(link.worker);
    return link;
  },
  // While the threads boot (a new isolate and Node environment each), the main thread reads and
  // compiles the module, once; every thread receives the compiled module (and the workload's spec,
  // which says what to call), not the bytes. The WASI helpers are imported only now, so that
  // creating the threads does not wait for them. The bytes are hashed after the threads have the
  // module, while they still boot.
  async whileBooting() {
    const { compileKernel, moduleSha256, readKernel } = await import('@arena/variant-kit/wasi');
    const start = performance.now();
    const bytes = readKernel(file);
    const module = compileKernel(file, bytes, args.spec);
    const compileMs = performance.now() - start;
    const job: KernelJob = { file, module, spec: args.spec };
    for (const worker of threads) worker.postMessage(job);
    return { compileMs, moduleSha256: moduleSha256(bytes) };
  },
});
