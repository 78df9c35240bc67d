// One thread of threads-js: say ready, compute fibonacci(n) once in JavaScript, send it back.
import { parentPort } from 'node:worker_threads';
import { fibonacci, type WorkerMessage } from '@arena/variant-kit';

const port = parentPort!;
port.once('message', (n: number) => port.postMessage({ kind: 'result', value: fibonacci(n) } satisfies WorkerMessage));
port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
