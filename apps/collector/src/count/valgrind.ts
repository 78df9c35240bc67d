import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeFailure, measuredEnv, runProcess, splitCommand, verifyOutput, type Run } from '@arena/hyperfine-wrapper';
import { instructionsOf } from './cachegrind.ts';

/**
 * How every run is counted: cachegrind without its cache simulation counts the instructions
 * executed, nothing else, at a fraction of callgrind's cost; and unlike callgrind it survives the
 * signal Go's runtime preempts goroutines with. Whole process tree: every thread's instructions.
 * --fair-sched: valgrind runs one thread at a time, and its default lock lets a spinning thread
 * count more some runs than others (threads-js, 2 workers: 0.26 % without it, 0.007 % with it).
 */
export const COUNT_OPTIONS = ['--tool=cachegrind', '--cache-sim=no', '--fair-sched=yes'] as const;

const OUT_PREFIX = 'cachegrind.out.';

/** `argv` under valgrind, one output file per process in `outDir` (children followed when `children`). */
export function countedArgv(argv: readonly string[], outDir: string, children: boolean): string[] {
  return ['valgrind', '-q', ...COUNT_OPTIONS, `--cachegrind-out-file=${path.join(outDir, `${OUT_PREFIX}%p`)}`, ...(children ? ['--trace-children=yes'] : []), ...argv];
}

/** The instructions of a counted run: the sum over the output files of every process valgrind followed. */
export function instructionsIn(outDir: string): number {
  const files = readdirSync(outDir).filter((f) => f.startsWith(OUT_PREFIX));
  if (files.length === 0) throw new Error(`valgrind wrote no count (no ${OUT_PREFIX}* file)`);
  return files.reduce((sum, f) => sum + instructionsOf(readFileSync(path.join(outDir, f), 'utf8'), f), 0);
}

/** One counted run's verdict: its instructions, or why it failed (a crash, a wrong answer, no count). */
export type CountVerdict = { ok: true; instructions: number } | { ok: false; error: string };

/** Runs one counted run: valgrind in the compare, made-up counts in tests. */
export type CountOnce = (run: Run, o: { env: Record<string, string>; children: boolean; timeoutMs: number; cwd?: string }) => Promise<CountVerdict>;

/** The compare's CountOnce: the command under valgrind from `cwd`, its output verified like any run's. */
export const processCountOnce =
  (signal?: AbortSignal): CountOnce =>
  async (run, o) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-count-'));
    try {
      const [file, ...args] = countedArgv(splitCommand(run.command), dir, o.children);
      const outcome = await runProcess(file!, args, { cwd: o.cwd, timeoutMs: o.timeoutMs, signal, env: { ...measuredEnv(), ...o.env } });
      if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) return { ok: false, error: describeFailure(outcome, o.timeoutMs) };
      const verdict = verifyOutput(outcome.stdout, run.expected, o.cwd);
      if (!verdict.ok) return { ok: false, error: verdict.error };
      return { ok: true, instructions: instructionsIn(dir) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
