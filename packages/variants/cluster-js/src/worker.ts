// One cluster worker of cluster-js: say ready, compute fibonacci(n) once in JavaScript, send it back.
import type { WorkerMessage } from '@arena/variant-kit';
// Only the one module it needs: a worker loads nothing else of the kit.
import { fibonacci } from '@arena/variant-kit/fibonacci';

const send = (message: WorkerMessage): boolean => process.send!(message);
process.once('message', (n: number) => send({ kind: 'result', value: fibonacci(n) }));
send({ kind: 'ready' });
