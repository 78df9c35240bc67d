// Warm calls (packages/workloads/HOSTS.md, "Warm calls"): a worker runs its job's kernel calls, and
// the main turns every worker's call durations into the report's phases. Types only are imported, so
// a worker loads this module and nothing else of the kit.
import type { Job, WorkerMessage } from './jobs.js';
import type { Kernel } from './workload.js';

/** The `result` message a worker sends once its calls are done. */
export type ResultMessage = Extract<WorkerMessage, { kind: 'result' }>;

/** Whether two answers are the same bit for bit: Object.is tells -0 from 0 (and NaN equals NaN). */
function sameAnswer(a: readonly number[], b: readonly number[]): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Runs `job` on `kernel`: `job.calls` calls in a row with the job's size and seed, and returns the
 * `result` message with the first call's answer — and, for more than one call, every call's duration
 * (`callsMs`, performance.now()). Each later answer is compared with the first after its call's clock
 * stopped; one that differs throws `worker <i> of <n>: call <k>'s answer differs from call 1's`.
 * A kernel's error is thrown as it comes.
 */
export function runCalls(kernel: Kernel, job: Job): ResultMessage {
  const seed = job.seed ?? 0;
  if (!(job.calls > 1)) return { kind: 'result', value: kernel(job.size, seed) };
  const callsMs = new Array<number>(job.calls);
  let first: number[] = [];
  for (let k = 0; k < job.calls; k++) {
    const start = performance.now();
    const value = kernel(job.size, seed);
    callsMs[k] = performance.now() - start;
    // A copy: a kernel may hand back the same array again, rewritten.
    if (k === 0) first = [...value];
    else if (!sameAnswer(first, value)) throw new Error(`worker ${job.worker} of ${job.workers}: call ${k + 1}'s answer differs from call 1's`);
  }
  return { kind: 'result', value: first, callsMs };
}

/** The median of `values` (not empty): the middle one, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The phases of warm calls. */
export interface CallPhases {
  /** The slowest worker's first call. */
  firstCallMs: number;
  /** The median of every worker's calls 2..N, pooled. */
  laterCallMs: number;
}

/** The report's phases from every worker's `callsMs` (each of N > 1 durations). */
export function callPhases(callsMs: ReadonlyArray<readonly number[]>): CallPhases {
  return {
    firstCallMs: Math.max(...callsMs.map((ms) => ms[0] as number)),
    laterCallMs: median(callsMs.flatMap((ms) => ms.slice(1))),
  };
}
