import { randomBytes } from 'node:crypto';
import { SCHEMA_VERSION, type Machine, type PeakMemory, type RunConfig, type RunDocument, type VariantResult } from '@arena/contract';
import { median, wallStats, type Measured, type Target } from '@arena/hyperfine-wrapper';

/** Median of each in-process phase over the timed runs' report lines. */
function phaseMedians(m: Extract<Measured, { status: 'ok' }>): Record<string, number> {
  const keys = new Set(m.reports.flatMap((r) => Object.keys(r.phasesMs)));
  return Object.fromEntries([...keys].map((k) => [k, median(m.reports.map((r) => r.phasesMs[k]).filter((v): v is number => v !== undefined))]));
}

/**
 * Turns one measured target into a run-document result, with its memory runs' peak (null: not
 * measured). CPU time is not stored apart: it is userS + systemS (see cpuSeconds).
 */
export function toResult(m: Measured, peakMemory: PeakMemory | null = null): VariantResult {
  const base = {
    variant: m.target.variant,
    workload: m.target.asked.workload,
    size: m.target.asked.size,
    parameters: m.target.parameters,
    command: m.target.command,
    summary: m.target.summary,
    ...(m.target.twin === undefined ? {} : { twin: m.target.twin }),
    runtime: m.target.runtime ?? null,
    goToolchain: m.target.goToolchain ?? null,
  };
  if (m.status === 'failed') return { ...base, status: 'failed', error: m.error };
  return {
    ...base,
    status: 'ok',
    wallS: wallStats(m.times, m.round),
    userS: { mean: m.userS },
    systemS: { mean: m.systemS },
    phasesMs: phaseMedians(m),
    report: m.reports.at(-1)!,
    peakMemory,
    seeds: m.seeds,
    stop: m.stop,
  };
}

/**
 * The failed results of what was never measured: every workload of a variant that could not be
 * discovered (its manifest is broken), and every target whose program or module is missing.
 */
export function unmeasuredResults(
  broken: Array<{ name: string; error: string }>,
  problems: Array<{ target: Target; error: string }>,
  workloads: string[],
  sizes: Record<string, number>,
): VariantResult[] {
  return [
    ...broken.flatMap((b) =>
      workloads.map(
        (w): VariantResult => ({
          variant: b.name,
          workload: w,
          size: sizes[w]!,
          parameters: {},
          command: '',
          runtime: null,
          goToolchain: null,
          status: 'failed',
          error: b.error,
        }),
      ),
    ),
    ...problems.map(
      (p): VariantResult => ({
        variant: p.target.variant,
        workload: p.target.asked.workload,
        size: p.target.asked.size,
        parameters: p.target.parameters,
        command: p.target.command,
        ...(p.target.twin === undefined ? {} : { twin: p.target.twin }),
        runtime: p.target.runtime ?? null,
        goToolchain: p.target.goToolchain ?? null,
        status: 'failed',
        error: p.error,
      }),
    ),
  ];
}

/**
 * A unique, time-sortable, filename-safe run id: UTC time to the millisecond, the short commit and
 * a random suffix, so two runs started in the same millisecond still get different files.
 */
export function runId(createdAt: Date, commit: string | null): string {
  const stamp = createdAt.toISOString().replace(/[-:]/g, ''); // 20261127T130000.123Z: fixed width, sorts by time
  return `${stamp}-${commit ? commit.slice(0, 7) : 'nogit'}-${randomBytes(3).toString('hex')}`;
}

/** Assembles the run document from everything measured. */
export function collectRun(input: {
  createdAt: Date;
  git: { commit: string | null; dirty: boolean };
  machine: Machine;
  config: RunConfig;
  order: string[];
  results: VariantResult[];
  accountingS: RunDocument['accountingS'];
  status?: RunDocument['status'];
  /** The run id when it was drawn before (it names the memory runs' cgroups); a new one by default. */
  id?: string;
  /** What the findings decided (null: nothing recorded). */
  decisions?: RunDocument['decisions'];
}): RunDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: input.id ?? runId(input.createdAt, input.git.commit),
    createdAt: input.createdAt.toISOString(),
    status: input.status ?? 'complete',
    git: input.git,
    machine: input.machine,
    config: input.config,
    order: input.order,
    accountingS: input.accountingS,
    results: input.results,
    decisions: input.decisions ?? null,
  };
}
