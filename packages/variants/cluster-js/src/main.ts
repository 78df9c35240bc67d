// Timed entry of cluster-js: Node cluster, each forked worker process computing fibonacci(n) in JavaScript.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { parseArgs, runJobs } from '@arena/variant-kit';
import { forkWorker } from '@arena/variant-kit/cluster';

const startupMs = performance.now();
const args = parseArgs();
// Workers run a small script of their own rather than this one again, as the article's program does.
cluster.setupPrimary({ exec: fileURLToPath(new URL('./worker.js', import.meta.url)) });

runJobs({ variant: 'cluster-js', args, startupMs, spawn: (_index, events) => forkWorker(events) });
