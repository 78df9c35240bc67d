// Timed entry of threads-wasi-lean: threads-wasi with what can leave the critical path taken off it
// (README: each step and what it measured). Only node:* modules load before the threads exist.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Job } from '@arena/variant-kit';
import { STEPS, type KernelJob, type LeanStep, type ThreadMessage } from './protocol.js';

const startupMs = performance.now();
// The study (scripts/lean-study.ts) turns steps off to measure each one's gain; unset: all on.
const off = new Set((process.env.ARENA_LEAN_OFF ?? '').split(',').filter(Boolean));
const on = (step: LeanStep): boolean => !off.has(step);
for (const step of off) {
  if (!(STEPS as readonly string[]).includes(step)) {
    process.stderr.write(`error: ARENA_LEAN_OFF: unknown step '${step}' (steps: ${STEPS.join(', ')})\n`);
    process.exit(2);
  }
}

/**
 * The worker count, read before the kit loads so the threads can start first: `--workers N`,
 * `--workers=N` or the kit's default. Anything else waits for the kit's parser (which will refuse it).
 */
function earlyWorkers(argv: readonly string[]): number | null {
  const at = argv.findIndex((a) => a === '--workers' || a.startsWith('--workers='));
  if (at === -1) return availableParallelism();
  if (argv.findIndex((a, i) => i > at && (a === '--workers' || a.startsWith('--workers='))) !== -1) return null;
  const raw = argv[at]!.includes('=') ? argv[at]!.slice('--workers='.length) : argv[at + 1];
  return raw !== undefined && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : null;
}

const script = new URL('./worker.js', import.meta.url);
const threads: Worker[] = [];
const spawn = (count: number): void => {
  while (threads.length < count) threads.push(new Worker(script));
};
const early = on('early-spawn') ? earlyWorkers(process.argv.slice(2)) : null;
// The main thread computes one share itself: one isolate fewer to boot on the same cores.
const ownShare = on('main-share') ? 1 : 0;
if (early !== null) spawn(early - ownShare);

const { parseArgs, answerOf, callPhases, fail, printReport, runCalls } = await import('@arena/variant-kit');
const args = parseArgs({ wasm: true });
const file = args.module as string;
const count = args.workers - ownShare;
spawn(count); // threads the early count did not cover (none when it was read)

const { compileKernel, instantiateKernel, moduleSha256, readKernel } = await import('@arena/variant-kit/wasi');
const job = { workload: args.workload, size: args.size, seed: args.seed, calls: args.calls, workers: args.workers };
// The job of worker `index` (0-based): its number names it in its errors.
const jobOf = (index: number): Job => ({ ...job, worker: index + 1 });
const values: number[][] = new Array<number[]>(args.workers);
const callsMs: number[][] = new Array<number[]>(args.workers);
let received = 0;
let dispatchedAt = 0;
let instantiateMs = 0;
let mainResult: { value: number[]; callsMs?: number[] } | null = null;
let sha: string | null = null;
const phasesMs: Record<string, number> = { startupMs };

function finish(): void {
  const computeMs = performance.now() - dispatchedAt;
  const results = [];
  for (const [i, value] of values.entries()) {
    try {
      results.push(answerOf(args.spec, value));
    } catch (error) {
      fail(`worker ${i + 1} of ${args.workers}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (args.calls > 1) {
    const short = values.findIndex((_, i) => callsMs[i]?.length !== args.calls);
    if (short !== -1) fail(`worker ${short + 1} of ${args.workers}: no duration for each of its ${args.calls} calls (callsMs)`);
    Object.assign(phasesMs, callPhases(callsMs));
  }
  printReport({
    variant: 'threads-wasi-lean',
    workload: args.workload,
    size: args.size,
    seed: args.seed,
    workers: args.workers,
    results,
    module: file,
    moduleSha256: sha ?? moduleSha256(bytes),
    ...(args.calls > 1 ? { calls: args.calls } : {}),
    phasesMs: { ...phasesMs, instantiateMs, computeMs },
  });
  // Nothing after the report matters: exit now rather than wait for the threads to wind down.
  process.exit(0);
}

const take = (index: number, { value, callsMs: ms }: { value: number[]; callsMs?: number[] }): void => {
  values[index] = value;
  if (ms !== undefined) callsMs[index] = ms;
  if (++received === args.workers) finish();
};

let bytes: Uint8Array<ArrayBuffer>;
try {
  const start = performance.now();
  bytes = readKernel(file);
  const module = compileKernel(file, bytes, args.spec);
  phasesMs.compileMs = performance.now() - start;
  // The job travels with the module: a thread computes as soon as it has instantiated, without a
  // ready/dispatch round trip (unless the study turns that off).
  const eager = on('no-barrier');
  const message = (index: number): KernelJob => ({ file, module, spec: args.spec, job: eager ? jobOf(index) : null });
  let ready = 0;
  dispatchedAt = performance.now();
  for (const [i, thread] of threads.entries()) {
    const index = i + ownShare;
    thread.on('message', (m: ThreadMessage) => {
      if (m.kind === 'error') return fail(m.message);
      if (m.kind === 'ready') {
        instantiateMs = Math.max(instantiateMs, m.instantiateMs);
        if (++ready === threads.length) {
          dispatchedAt = performance.now();
          for (const [k, t] of threads.entries()) t.postMessage(jobOf(k + ownShare));
        }
        return;
      }
      instantiateMs = Math.max(instantiateMs, m.instantiateMs);
      take(index, m);
    });
    thread.on('error', (error) => fail(`worker ${index + 1} of ${args.workers} (thread ${thread.threadId}) failed: ${error.message}`));
    thread.on('exit', (code) => values[index] === undefined && fail(`worker ${index + 1} of ${args.workers} (thread ${thread.threadId}) exited with code ${code}`));
    thread.postMessage(message(index));
  }
  if (ownShare) {
    const startInstance = performance.now();
    const kernel = instantiateKernel(file, module, args.spec);
    instantiateMs = Math.max(instantiateMs, performance.now() - startInstance);
    mainResult = runCalls(kernel, jobOf(0));
  }
  // The contract wants the sha256 of the bytes compiled; hashed while the threads still compute
  // (node:crypto loads then), off the critical path.
  sha = moduleSha256(bytes);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (mainResult !== null) take(0, mainResult);
