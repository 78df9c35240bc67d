import type { Answer } from './workload.js';

/** Milliseconds measured inside the process; `computeMs` is required by the contract. */
export interface PhasesMs {
  startupMs?: number;
  spawnMs?: number;
  compileMs?: number;
  instantiateMs?: number;
  computeMs: number;
  /** With `--calls` above 1: the slowest worker's first call. */
  firstCallMs?: number;
  /** With `--calls` above 1: the median of every worker's calls 2..N. */
  laterCallMs?: number;
}

const PHASES = ['startupMs', 'spawnMs', 'compileMs', 'instantiateMs', 'computeMs', 'firstCallMs', 'laterCallMs'] as const;

/**
 * The contract's report line (packages/workloads/HOSTS.md). `module` and `moduleSha256` only for WASI
 * variants, always together.
 */
export interface Report {
  variant: string;
  workload: string;
  size: number;
  /** `null` for an unseeded workload. */
  seed: number | null;
  workers: number;
  /** One answer per worker, in worker order: a number (`u32`) or the results (`f64[]`). */
  results: Answer[];
  module?: string;
  /** Lowercase hex sha256 of the module bytes the variant compiled. */
  moduleSha256?: string;
  /** `--calls`, printed only above 1. */
  calls?: number;
  phasesMs: PhasesMs;
}

/** Rounds milliseconds to microseconds, enough for a report and shorter to print. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * Prints the report as one JSON line on stdout: fields in the order of HOSTS.md (variant, workload,
 * size, seed, workers, results, module, moduleSha256, calls, phasesMs), phases in timeline order (the
 * calls' phases last: they split computeMs) and rounded to microseconds. Doubles are printed by
 * JSON.stringify, which reads back as the same double.
 */
export function printReport(report: Report): void {
  const phasesMs: Record<string, number> = {};
  for (const phase of PHASES) {
    const ms = report.phasesMs[phase];
    if (ms !== undefined) phasesMs[phase] = roundMs(ms);
  }
  const { variant, workload, size, seed, workers, results, module, moduleSha256, calls } = report;
  const line = {
    variant,
    workload,
    size,
    seed,
    workers,
    results,
    ...(module === undefined ? {} : { module }),
    ...(moduleSha256 === undefined ? {} : { moduleSha256 }),
    ...(calls === undefined || calls < 2 ? {} : { calls }),
    phasesMs,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/**
 * Prints `error: <message>` as one line on stderr and exits with `code` (1: run-time failure,
 * 2: usage error). Stop or kill workers before calling it; it never returns.
 */
export function fail(message: string, code = 1): never {
  process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}
