// One cluster worker of cluster-wasi: read, compile and instantiate the module as soon as it starts,
// say ready (with the sha256 of the bytes it compiled), then compute fibonacci(n) once when the
// primary sends n.
import type { WorkerMessage } from '@arena/variant-kit';
import { compileKernel, instantiateKernel, moduleSha256, readKernel } from '@arena/variant-kit/wasi';

const send = (message: WorkerMessage): boolean => process.send!(message);
const failed = (error: unknown): boolean => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
const file = process.argv[2] as string;

try {
  const start = performance.now();
  const bytes = readKernel(file);
  const module = compileKernel(file, bytes);
  const compiled = performance.now();
  const fibonacci = instantiateKernel(file, module);
  const instantiateMs = performance.now() - compiled;
  process.once('message', (n: number) => {
    try {
      send({ kind: 'result', value: fibonacci(n) });
    } catch (error) {
      failed(error);
    }
  });
  send({ kind: 'ready', compileMs: compiled - start, instantiateMs, moduleSha256: moduleSha256(bytes) });
} catch (error) {
  failed(error);
}
