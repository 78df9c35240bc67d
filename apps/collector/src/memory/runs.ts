import { randomInt } from 'node:crypto';
import type { PeakMemory, WorkerAnswer } from '@arena/contract';
import { describeFailure, median, runOf, splitCommand, verifyOutput, type Answers, type Measured, type Run } from '@arena/hyperfine-wrapper';
import { describeProbe, type MemoryProbe } from './method.ts';
import { runWithMemory, type MemoryRunOutcome } from './run.ts';
import { peakMemoryOf } from './summary.ts';

/** One memory run's verdict: its tree's peak in bytes, or why it failed (a crash, a wrong answer). */
export type MemoryVerdict = { ok: true; bytes: number } | { ok: false; error: string };

/** Runs one memory run: the process edge in the bench, made-up peaks and answers in tests. */
export type RunOnce = (run: Run, o: { timeoutMs: number; cgroupName: string }) => Promise<MemoryVerdict>;

export interface MemoryOptions {
  /** Memory runs per ok result (config.memoryRuns); 0: none. */
  runs: number;
  probe: MemoryProbe;
  /** BENCH_TIMEOUT_S; null: 10× the result's median wall time, at least 10 s. */
  timeoutS: number | null;
  /** The run id, which names the child cgroups (arena-<run id>-<n>). */
  runId: string;
  say?: (message: string) => void;
  /** Once aborted, the phase stops with an error: an interrupted bench writes nothing. */
  signal?: AbortSignal;
  /** Draws a seed (a u32); crypto-random by default, fixed in tests. */
  drawSeed?: () => number;
}

/** What the memory runs gave: the results (one whose memory run failed is failed), each ok one's peak, and their time. */
export interface MemoryMeasured {
  results: Measured[];
  peaks: Map<string, PeakMemory>;
  /** Computing the memory runs' references. */
  referencesS: number;
  /** The memory runs themselves. */
  memoryS: number;
}

const mib = (b: number) => (b / 2 ** 20).toFixed(1);

/**
 * After the rounds: `runs` extra, untimed runs of every ok result, one result after the other, each
 * verified against the reference like any run (a wrong answer fails the result), each measuring its
 * process tree's peak memory. Like a round, the phase draws one fresh seed per workload and size and
 * computes its reference before any memory run. Failed results are passed through untouched.
 */
export async function measureMemory(measured: Measured[], answers: Answers, o: MemoryOptions, runOnce: RunOnce): Promise<MemoryMeasured> {
  const peaks = new Map<string, PeakMemory>();
  if (o.runs === 0) return { results: measured, peaks, referencesS: 0, memoryS: 0 };
  const say = o.say ?? (() => undefined);
  const drawSeed = o.drawSeed ?? (() => randomInt(0, 2 ** 32));
  let referencesS = 0;
  const drawn = new Map<string, { seed: number; answer: WorkerAnswer }>();
  for (const m of measured) {
    const id = `${m.target.asked.workload}\u0000${m.target.asked.size}`;
    if (m.status !== 'ok' || drawn.has(id)) continue;
    const seed = drawSeed();
    const t = performance.now();
    drawn.set(id, { seed, answer: answers(m.target.asked.workload, m.target.asked.size, m.target.seeded ? seed : null) });
    referencesS += (performance.now() - t) / 1000;
  }
  const started = performance.now();
  const ok = measured.filter((m) => m.status === 'ok');
  say(`memory: ${o.runs} runs of each of ${ok.length} results, ${describeProbe(o.probe)}`);
  let n = 0;
  const results: Measured[] = [];
  for (const m of measured) {
    if (m.status !== 'ok') {
      results.push(m);
      continue;
    }
    const { seed, answer } = drawn.get(`${m.target.asked.workload}\u0000${m.target.asked.size}`)!;
    const run = runOf(m.target, seed, answer);
    const timeoutMs = o.timeoutS !== null ? o.timeoutS * 1000 : Math.max(10 * median(m.times) * 1000, 10_000);
    const bytes: number[] = [];
    let error: string | null = null;
    for (let k = 1; k <= o.runs && error === null; k++) {
      n += 1;
      const verdict = await runOnce(run, { timeoutMs, cgroupName: `arena-${o.runId}-${n}` });
      if (o.signal?.aborted) throw new Error('interrupted');
      if (verdict.ok) bytes.push(verdict.bytes);
      else error = `memory run ${k} of ${o.runs}: ${verdict.error}`;
    }
    if (error !== null) {
      say(`  ${m.target.key}: failed — ${error.split('\n')[0]}`);
      results.push({ status: 'failed', target: m.target, error });
      continue;
    }
    const peak = peakMemoryOf(bytes, o.probe);
    peaks.set(m.target.key, peak);
    say(`  ${m.target.key}: peak ${mib(peak.medianBytes)} MiB (${mib(peak.minBytes)}–${mib(peak.maxBytes)})`);
    results.push(m);
  }
  return { results, peaks, referencesS, memoryS: (performance.now() - started) / 1000 };
}

/** The bench's RunOnce: the command from `cwd` under `probe`, its output verified like a verification run's. */
export const processRunOnce =
  (probe: MemoryProbe, cwd?: string, signal?: AbortSignal): RunOnce =>
  async (run, o) => {
    let measured: MemoryRunOutcome;
    try {
      measured = await runWithMemory(splitCommand(run.command), probe, { cwd, signal, timeoutMs: o.timeoutMs, cgroupName: o.cgroupName });
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    const { outcome, peakBytes } = measured;
    if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) return { ok: false, error: describeFailure(outcome, o.timeoutMs) };
    const verdict = verifyOutput(outcome.stdout, run.expected, cwd);
    if (!verdict.ok) return { ok: false, error: verdict.error };
    if (peakBytes === null) return { ok: false, error: 'no peak memory was measured' };
    return { ok: true, bytes: peakBytes };
  };
