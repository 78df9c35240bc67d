// Timed entry of threads-js: worker_threads, each thread running the workload's JavaScript kernel
// --calls times.
import { parseArgs, runJobs } from '@arena/variant-kit';
import { startThread } from '@arena/variant-kit/threads';
import type { ThreadData } from './worker.js';

const startupMs = performance.now();
const args = parseArgs();
const script = new URL('./worker.js', import.meta.url);
// Each thread is told the workload as it starts, so it imports the kernel while it boots.
const data: ThreadData = { workload: args.workload };

runJobs({ variant: 'threads-js', args, startupMs, spawn: (_index, events) => startThread(script, events, data) });
