// One cluster worker of cluster-js: say ready, compute fibonacci(n) once in JavaScript, send it back.
import { fibonacci, type WorkerMessage } from '@arena/variant-kit';

const send = (message: WorkerMessage): boolean => process.send!(message);
process.once('message', (n: number) => send({ kind: 'result', value: fibonacci(n) }));
send({ kind: 'ready' });
