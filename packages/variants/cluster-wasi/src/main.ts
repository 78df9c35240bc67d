// Timed entry of cluster-wasi: Node cluster, each forked worker compiling and instantiating the
// workload's WASI module.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { parseArgs, runJobs } from '@arena/variant-kit';
import { forkWorker } from '@arena/variant-kit/cluster';

const startupMs = performance.now();
const args = parseArgs({ wasm: true });
// Workers run a small script of their own, given the module's path and the workload as arguments.
cluster.setupPrimary({ exec: fileURLToPath(new URL('./worker.js', import.meta.url)), args: [args.module as string, args.workload] });

runJobs({ variant: 'cluster-wasi', args, startupMs, spawn: (_index, events) => forkWorker(events) });
