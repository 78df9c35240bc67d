/** Milliseconds measured inside the process; `computeMs` is required by the contract. */
export interface PhasesMs {
  startupMs?: number;
  spawnMs?: number;
  compileMs?: number;
  instantiateMs?: number;
  computeMs: number;
}

const PHASES = ['startupMs', 'spawnMs', 'compileMs', 'instantiateMs', 'computeMs'] as const;

/** The contract's report line. `module` and `moduleSha256` only for WASI variants, always together. */
export interface Report {
  variant: string;
  n: number;
  workers: number;
  results: number[];
  module?: string;
  /** Lowercase hex sha256 of the module bytes the variant compiled. */
  moduleSha256?: string;
  phasesMs: PhasesMs;
}

/** Rounds milliseconds to microseconds, enough for a report and shorter to print. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Prints the report as one JSON line on stdout (phases in timeline order, rounded to microseconds). */
export function printReport(report: Report): void {
  const phasesMs: Record<string, number> = {};
  for (const phase of PHASES) {
    const ms = report.phasesMs[phase];
    if (ms !== undefined) phasesMs[phase] = roundMs(ms);
  }
  process.stdout.write(`${JSON.stringify({ ...report, phasesMs })}\n`);
}

/**
 * Prints `error: <message>` as one line on stderr and exits with `code` (1: run-time failure,
 * 2: usage error). Stop or kill workers before calling it; it never returns.
 */
export function fail(message: string, code = 1): never {
  process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}
