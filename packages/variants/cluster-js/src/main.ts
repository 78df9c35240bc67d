// Timed entry of cluster-js: Node cluster, each forked worker process running the workload's
// JavaScript kernel --calls times.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { parseArgs, runJobs } from '@arena/variant-kit';
import { forkWorker } from '@arena/variant-kit/cluster';

const startupMs = performance.now();
const args = parseArgs();
// Workers run a small script of their own rather than this one again, as the article's program does;
// its argument names the workload, whose kernel the worker imports while it boots.
cluster.setupPrimary({ exec: fileURLToPath(new URL('./worker.js', import.meta.url)), args: [args.workload] });

runJobs({ variant: 'cluster-js', args, startupMs, spawn: (_index, events) => forkWorker(events) });
