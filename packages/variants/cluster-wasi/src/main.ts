// Timed entry of cluster-wasi: Node cluster, each forked worker compiling and instantiating the WASI module.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { parseArgs, runJobs } from '@arena/variant-kit';
import { forkWorker } from '@arena/variant-kit/cluster';

const startupMs = performance.now();
const args = parseArgs({ wasm: true });
// Workers run a small script of their own, given the module's path as their argument.
cluster.setupPrimary({ exec: fileURLToPath(new URL('./worker.js', import.meta.url)), args: [args.module as string] });

runJobs({ variant: 'cluster-wasi', args, startupMs, spawn: (_index, events) => forkWorker(events) });
