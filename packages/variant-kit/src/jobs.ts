import type { VariantArgs } from './args.js';
import { callPhases } from './calls.js';
import { fail, printReport, type PhasesMs } from './report.js';
import { answerOf, type Answer } from './workload.js';

/**
 * The job every worker gets, all at once: compute workload `workload` at `size` (with `seed`, null
 * for an unseeded workload) `calls` times in a row, itself, and answer with a `result` message
 * (`runCalls` of ./calls.js). `worker` (1-based) of `workers` names the worker in its errors.
 */
export interface Job {
  workload: string;
  size: number;
  seed: number | null;
  calls: number;
  worker: number;
  workers: number;
}

/**
 * What a worker tells the primary (or main thread). Errors carry a message naming the cause. A worker
 * that compiled the module itself says which bytes it compiled (`moduleSha256`, see `moduleSha256()`).
 */
export type WorkerMessage =
  | { kind: 'ready'; compileMs?: number; instantiateMs?: number; moduleSha256?: string }
  /**
   * The kernel's results, in the spec's order (`kernel.results`); the main turns them into the
   * answer. With more than one call: the first call's results, and every call's duration.
   */
  | { kind: 'result'; value: number[]; callsMs?: number[] }
  | { kind: 'error'; message: string };

/** The primary's handle on one worker, a forked process or a thread alike. */
export interface WorkerLink {
  /** Sends the job: compute it and answer with a `result` message. */
  dispatch(job: Job): void;
  /**
   * Ends the worker and resolves once it is gone: a kill, unless `ask` (--exit-workers, after a
   * report), when a worker that is a process is asked to end by itself, so a tool following the
   * process tree (valgrind) sees it end and write its output.
   */
  stop(ask?: boolean): Promise<void>;
}

/** Where a variant forwards its worker's events. */
export interface WorkerEvents {
  /** A {@link WorkerMessage} arrived. */
  message(message: WorkerMessage): void;
  /** The worker failed or ended before its result; `description` says how (exit code, signal…). */
  lost(description: string): void;
}

/** What the {@link RunJobsOptions.whileBooting} hook measured, and the sha256 of the module it compiled, if it did. */
export type Booted = Partial<PhasesMs> & { moduleSha256?: string };

/** Options of {@link runJobs}. */
export interface RunJobsOptions {
  /** The variant's folder name, for the report. */
  variant: string;
  /** The parsed command line (the workload's spec included). */
  args: VariantArgs;
  /** `performance.now()` at the variant's first line. */
  startupMs: number;
  /** Creates worker `index` (0-based) and wires its events; called for every worker before anything else. */
  spawn(index: number, events: WorkerEvents): WorkerLink;
  /**
   * Runs once all workers are created, while they boot (e.g. load code and compile the module once
   * in the main thread); returns (or resolves to) phases measured there, and the module's sha256
   * when it compiled one. Throwing or rejecting fails the run with the error's message.
   */
  whileBooting?(links: readonly WorkerLink[]): Booted | Promise<Booted>;
}

/**
 * The protocol every Node variant shares: create all workers, wait until each reports `ready`,
 * dispatch the job ({@link Job}) to all at once, collect one result per worker (in worker order),
 * print the report (each worker's results typed by the spec's `answer.type`: `u32` → a number,
 * `f64[]` → the array), stop the workers and exit 0. A worker returning another number of results
 * than the spec has fails the run. A worker's `error` message, a lost worker or a throwing hook stops
 * every worker, then prints `error: …` and exits 1 without a report. SIGINT/SIGTERM stop the workers too.
 * Phases: `spawnMs` from the first creation to the last `ready`, `computeMs` from dispatch to the
 * last result, `compileMs`/`instantiateMs` the hook's or else the slowest worker's. With `--calls`
 * above 1 the report adds `calls`, and `firstCallMs`/`laterCallMs` from the workers' `callsMs`
 * ({@link callPhases}); a worker without one duration per call fails the run. With `--module`,
 * the report's `moduleSha256` comes from the hook or the workers' `ready`; the run fails when none
 * reported one or two disagree.
 */
export function runJobs(options: RunJobsOptions): void {
  const { args } = options;
  const count = args.workers;
  const links: WorkerLink[] = [];
  const values: number[][] = new Array<number[]>(count);
  const callsMs: number[][] = new Array<number[]>(count);
  const job = { workload: args.workload, size: args.size, seed: args.seed, calls: args.calls, workers: count };
  const phasesMs: PhasesMs = { startupMs: options.startupMs, computeMs: 0 };
  let ready = 0;
  let received = 0;
  let dispatchedAt = 0;
  let settled = false;
  let moduleSha256: string | undefined;

  const finish = (code: number, message?: string): void => {
    if (settled) return;
    settled = true;
    const ask = args.exitWorkers && code === 0;
    void Promise.all(links.map((link) => link.stop(ask).catch(() => undefined))).then(() => (message === undefined ? process.exit(code) : fail(message, code)));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => finish(signal === 'SIGINT' ? 130 : 143, `interrupted by ${signal}`));
  }

  // Every worker that compiled the module must have compiled the same bytes.
  const sawModule = (sha256: string | undefined): void => {
    if (sha256 === undefined) return;
    if (moduleSha256 !== undefined && moduleSha256 !== sha256) {
      finish(1, `${args.module}: workers compiled different modules (sha256 ${moduleSha256} and ${sha256})`);
      return;
    }
    moduleSha256 = sha256;
  };
  const booted = ({ moduleSha256: sha256, ...phases }: Booted): void => {
    Object.assign(phasesMs, phases);
    sawModule(sha256);
  };

  const spawnStart = performance.now();
  const events = (index: number): WorkerEvents => ({
    message(message) {
      if (settled) return;
      if (message.kind === 'error') return finish(1, message.message);
      if (message.kind === 'ready') {
        if (message.compileMs !== undefined) phasesMs.compileMs = Math.max(phasesMs.compileMs ?? 0, message.compileMs);
        if (message.instantiateMs !== undefined) {
          phasesMs.instantiateMs = Math.max(phasesMs.instantiateMs ?? 0, message.instantiateMs);
        }
        sawModule(message.moduleSha256);
        if (settled) return;
        if (++ready < count) return;
        dispatchedAt = performance.now();
        phasesMs.spawnMs = dispatchedAt - spawnStart;
        for (const [i, link] of links.entries()) link.dispatch({ ...job, worker: i + 1 } satisfies Job);
        return;
      }
      if (values[index] !== undefined) return;
      values[index] = message.value;
      if (message.callsMs !== undefined) callsMs[index] = message.callsMs;
      if (++received < count) return;
      phasesMs.computeMs = performance.now() - dispatchedAt;
      // Typed only now, with the clock stopped.
      const results: Answer[] = [];
      for (const [i, value] of values.entries()) {
        try {
          results.push(answerOf(args.spec, value as number[]));
        } catch (error) {
          return finish(1, `worker ${i + 1} of ${count}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (args.calls > 1) {
        const short = values.findIndex((_, i) => callsMs[i]?.length !== args.calls);
        if (short !== -1) return finish(1, `worker ${short + 1} of ${count}: no duration for each of its ${args.calls} calls (callsMs)`);
        Object.assign(phasesMs, callPhases(callsMs));
      }
      if (args.module !== undefined && moduleSha256 === undefined) {
        return finish(1, `${args.module}: no worker or hook reported the module's sha256 (moduleSha256)`);
      }
      printReport({
        variant: options.variant,
        workload: args.workload,
        size: args.size,
        seed: args.seed,
        workers: count,
        results,
        ...(args.module === undefined ? {} : { module: args.module, moduleSha256 }),
        ...(args.calls > 1 ? { calls: args.calls } : {}),
        phasesMs,
      });
      finish(0);
    },
    lost(description) {
      if (!settled && values[index] === undefined) finish(1, `worker ${index + 1} of ${count} ${description}`);
    },
  });

  const failed = (error: unknown): void => finish(1, error instanceof Error ? error.message : String(error));
  try {
    for (let index = 0; index < count; index++) links.push(options.spawn(index, events(index)));
    const booting = options.whileBooting?.(links);
    if (booting instanceof Promise) booting.then(booted, failed);
    else if (booting) booted(booting);
  } catch (error) {
    failed(error);
  }
}
