// One cluster worker of cluster-wasi: read the workload's spec, read, compile and instantiate the
// module as soon as it starts, say ready (with the sha256 of the bytes it compiled), then run the
// job's calls when the primary sends it.
import type { Job, WorkerMessage } from '@arena/variant-kit';
import { runCalls } from '@arena/variant-kit/calls';
import { compileKernel, instantiateKernel, moduleSha256, readKernel } from '@arena/variant-kit/wasi';
import { readWorkload } from '@arena/variant-kit/workload';

const send = (message: WorkerMessage): boolean => process.send!(message);
const failed = (error: unknown): boolean => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
const [file, workload] = process.argv.slice(2) as [string, string];

try {
  // The primary parsed the command line with this very spec: it exists.
  const spec = readWorkload(workload)!;
  const start = performance.now();
  const bytes = readKernel(file);
  const module = compileKernel(file, bytes, spec);
  const compiled = performance.now();
  const kernel = instantiateKernel(file, module, spec);
  const instantiateMs = performance.now() - compiled;
  process.once('message', (job: Job) => {
    try {
      send(runCalls(kernel, job));
    } catch (error) {
      failed(error);
    }
  });
  send({ kind: 'ready', compileMs: compiled - start, instantiateMs, moduleSha256: moduleSha256(bytes) });
} catch (error) {
  failed(error);
}
