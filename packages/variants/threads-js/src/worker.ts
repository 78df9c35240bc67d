// One thread of threads-js: say ready, compute fibonacci(n) once in JavaScript, send it back.
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage } from '@arena/variant-kit';
// Only the one module it needs: a worker loads nothing else of the kit.
import { fibonacci } from '@arena/variant-kit/fibonacci';

const port = parentPort!;
port.once('message', (n: number) => port.postMessage({ kind: 'result', value: fibonacci(n) } satisfies WorkerMessage));
port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
