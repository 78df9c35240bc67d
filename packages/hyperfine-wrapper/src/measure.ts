import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ResultRuntime, VariantReport, WorkerAnswer } from '@arena/contract';
import { hyperfineArgs } from './args.ts';
import { parseHyperfineExport, type HyperfineResult } from './hyperfine-json.ts';
import { describeFailure, runProcess, tail } from './process.ts';
import { reportCandidates, verifyOutput, verifyReport, type Asked, type Expected } from './verify.ts';

/** One thing to time: a variant with one parameter set on one workload, as a runnable command. */
export interface Target {
  /** Unique key, e.g. `threads-wasi [module=clang] · nbody`. */
  key: string;
  variant: string;
  parameters: Record<string, string>;
  /** The exact command, runnable from the repository root; a seeded target's runs add `--seed <u32>`. */
  command: string;
  asked: Asked;
  /** The workload takes a seed: every round draws a new one (see runSchedule), so no run can replay a cached answer. */
  seeded: boolean;
  summary?: string;
  /** The native twin its variant's manifest declares (a wasm host's `twin`); absent when none. */
  twin?: string;
  /** Results compared with each other (ratio columns) share a table, and so share rounds. */
  table: string;
  /** The runtime the harness chose for a Node variant (its binary is the command's first word); absent for self-contained programs. */
  runtime?: ResultRuntime;
  /** The Go that built the Go code this target runs (its program or its module), e.g. go1.27.3; absent when none. */
  goToolchain?: string;
  /** Relative tolerance of its float answers on this platform (the workload's fmaTolerance on arm64); absent: compared bit for bit. */
  tolerance?: number;
  /** The folder its command runs from when not the bench's (a compared commit's worktree); absent: the bench's. */
  cwd?: string;
  /** Planned for counting (`arena compare --metric instructions`): what its counted runs need, or why it is not countable. */
  counting?: TargetCounting;
}

/** A counted target's needs (its command already carries the counting flags and arguments), or why it cannot be counted. */
export type TargetCounting = { countable: true; env: Record<string, string>; children: boolean } | { countable: false; why: string };

/** The runs of one target in one hyperfine call, with the seed they ran with (null: unseeded). */
export type Batch = { status: 'ok'; times: number[]; userS: number; systemS: number; reports: VariantReport[]; seed: number | null } | { status: 'failed'; error: string };

/** One concrete run of a target: its command with the seed, and what its report must say. */
export interface Run {
  command: string;
  expected: Expected;
}

/** A target's run with `seed` (ignored, and null in the report, for an unseeded target) and the reference's `answer` for it. */
export function runOf(target: Target, seed: number, answer: WorkerAnswer): Run {
  const tolerance = target.tolerance === undefined ? {} : { tolerance: target.tolerance };
  if (!target.seeded) return { command: target.command, expected: { ...target.asked, seed: null, answer, ...tolerance } };
  return { command: `${target.command} --seed ${seed}`, expected: { ...target.asked, seed, answer, ...tolerance } };
}

/** Splits a command string the way the manifest defines it: on spaces. */
export const splitCommand = (command: string): string[] => command.split(' ').filter(Boolean);

/** Runs once, untimed, and checks its report line. Returns the verdict and how long it took. */
export async function verifyOnce(run: Run, timeoutMs: number, signal?: AbortSignal, cwd?: string) {
  const [file, ...args] = splitCommand(run.command);
  const outcome = await runProcess(file!, args, { timeoutMs, signal, cwd });
  if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) {
    return { verdict: { ok: false as const, error: describeFailure(outcome, timeoutMs) }, durationMs: outcome.durationMs };
  }
  return { verdict: verifyOutput(outcome.stdout, run.expected, cwd), durationMs: outcome.durationMs };
}

/**
 * Times one run of a target (its seed fixed) with one hyperfine call and verifies every run's report line (warmup included):
 * hyperfine passes each run's stdout through, so a wrong answer during timing fails the target.
 * One call per target, so a crash or hang fails that target alone.
 */
export async function measureTarget(
  run: Run,
  o: { warmup: number; runs: number; timeoutMs: number; signal?: AbortSignal /** Commands are relative to this folder (the repository root). */; cwd?: string },
): Promise<Batch> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-hf-'));
  try {
    const exportJsonPath = path.join(dir, 'export.json');
    const args = hyperfineArgs({ command: run.command, warmup: o.warmup, runs: o.runs, exportJsonPath });
    const outcome = await runProcess('hyperfine', args, { timeoutMs: o.timeoutMs, signal: o.signal, cwd: o.cwd });
    if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) {
      return { status: 'failed', error: `during timing: ${describeFailure(outcome, o.timeoutMs)}` };
    }
    let result: HyperfineResult | undefined;
    try {
      result = parseHyperfineExport(readFileSync(exportJsonPath, 'utf8'))[0];
    } catch (error) {
      return { status: 'failed', error: (error as Error).message };
    }
    if (!result) return { status: 'failed', error: 'hyperfine exported no result' };
    const reports: VariantReport[] = [];
    for (const line of reportCandidates(outcome.stdout)) {
      const verdict = verifyReport(line, run.expected, o.cwd);
      if (!verdict.ok) return { status: 'failed', error: `during timing: ${verdict.error}` };
      reports.push(verdict.report);
    }
    if (reports.length !== o.warmup + o.runs) {
      return {
        status: 'failed',
        error: `during timing: expected ${o.warmup + o.runs} verified report lines (one per run), got ${reports.length}; stdout ends:\n${tail(outcome.stdout)}`,
      };
    }
    return { status: 'ok', times: result.times, userS: result.user, systemS: result.system, reports: reports.slice(o.warmup), seed: run.expected.seed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
