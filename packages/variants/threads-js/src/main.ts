// Timed entry of threads-js: worker_threads, each thread computing fibonacci(n) in JavaScript.
import { parseArgs, runJobs } from '@arena/variant-kit';
import { startThread } from '@arena/variant-kit/threads';

const startupMs = performance.now();
const args = parseArgs();
const script = new URL('./worker.js', import.meta.url);

runJobs({ variant: 'threads-js', args, startupMs, spawn: (_index, events) => startThread(script, events) });
