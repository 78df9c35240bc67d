import { randomInt } from 'node:crypto';
import type { CountedResult, WorkerAnswer } from '@arena/contract';
import { runOf, type Answers, type Target } from '@arena/hyperfine-wrapper';
import type { CountOnce } from './valgrind.ts';

/** The two counting sizes' targets of one side (planned with counting, at count.small and count.large). */
export interface SideTargets {
  side: 'A' | 'B';
  small: Target[];
  large: Target[];
  /** Results planned but not runnable (a missing module, a refused setting): failed on this side. */
  problems: Array<{ target: Target; error: string }>;
  /** Where this side's commands run from. */
  cwd: string;
}

export interface CountOptions {
  /** Counted runs per result, side and size (at least 2: a spread needs two). */
  runs: number;
  /**
   * Counted runs at once (default 1). A count does not depend on the machine's load (an A/A under a
   * full test suite spread as little as one alone), so the runs of one result may share the cores.
   */
  jobs?: number;
  /** BENCH_TIMEOUT_S; null: 600 s a counted run (valgrind runs a Go host on Go's own module for over a minute). */
  timeoutS: number | null;
  say?: (message: string) => void;
  signal?: AbortSignal;
  /** Draws a seed (a u32); crypto-random by default, fixed in tests. */
  drawSeed?: () => number;
}

const common = (t: Target) => ({ key: t.key, variant: t.variant, workload: t.asked.workload, parameters: t.parameters });

/**
 * Counts every result of both sides: `runs` counted runs at the small size, then at the large one,
 * A's and B's runs of a result next to each other, each run's answer verified (a wrong answer or a
 * crash fails the result on that side, never a number). A result whose host (or its runtime) is not
 * countable is recorded with the reason and not run. Every run of a seeded workload has the seed
 * drawn for it once, on both sides and at both sizes. Returns each side's results and the seeds.
 */
export async function countSides(
  sides: readonly SideTargets[],
  answers: Answers,
  o: CountOptions,
  countOnce: CountOnce,
): Promise<{ results: Map<'A' | 'B', CountedResult[]>; seeds: Record<string, number> }> {
  const say = o.say ?? (() => undefined);
  const drawSeed = o.drawSeed ?? (() => randomInt(0, 2 ** 32));
  const seeds: Record<string, number> = {};
  const references = new Map<string, WorkerAnswer>();
  const reference = (t: Target): { seed: number; answer: WorkerAnswer } => {
    const w = t.asked.workload;
    if (t.seeded && seeds[w] === undefined) seeds[w] = drawSeed();
    const seed = t.seeded ? seeds[w]! : 0;
    const id = `${w}\u0000${t.asked.size}\u0000${seed}`;
    if (!references.has(id)) references.set(id, answers(w, t.asked.size, t.seeded ? seed : null));
    return { seed, answer: references.get(id)! };
  };

  const results = new Map<'A' | 'B', CountedResult[]>(sides.map((s) => [s.side, []]));
  const keys = [...new Set(sides.flatMap((s) => [...s.large, ...s.problems.map((p) => p.target)].map((t) => t.key)))];
  const total = keys.length;
  for (const [i, key] of keys.entries()) {
    // A's and B's runs of one result, side by side.
    const pending: Array<{ s: SideTargets; small: Target; large: Target; counts: { small: number[]; large: number[] } }> = [];
    for (const s of sides) {
      const problem = s.problems.find((p) => p.target.key === key);
      const large = s.large.find((t) => t.key === key);
      const small = s.small.find((t) => t.key === key);
      const out = results.get(s.side)!;
      if (problem) out.push({ status: 'failed', ...common(problem.target), error: problem.error });
      else if (!large) continue;
      else if (large.counting?.countable !== true) out.push({ status: 'not-countable', ...common(large), why: large.counting?.countable === false ? large.counting.why : 'not planned for counting' });
      else if (!small) out.push({ status: 'failed', ...common(large), error: `planned at the large counting size (${large.asked.size}) only` });
      else pending.push({ s, small, large, counts: { small: [], large: [] } });
    }
    const failed = new Map<SideTargets, string>();
    // Every counted run of this result (sides, then runs, small size first), `jobs` at a time; a
    // side's first failure skips its runs not yet started.
    const queue = (['small', 'large'] as const).flatMap((level) => Array.from({ length: o.runs }, (_, r) => pending.map((p) => ({ p, level, r }))).flat());
    const runNext = async (): Promise<void> => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        const { p, level, r } = job;
        if (failed.has(p.s)) continue;
        const t = p[level];
        const counting = t.counting as Extract<NonNullable<Target['counting']>, { countable: true }>;
        const { seed, answer } = reference(t);
        const v = await countOnce(runOf(t, seed, answer), { env: counting.env, children: counting.children, timeoutMs: (o.timeoutS ?? 600) * 1000, cwd: p.s.cwd });
        if (o.signal?.aborted) throw new Error('interrupted');
        if (v.ok) p.counts[level][r] = v.instructions;
        else if (!failed.has(p.s)) failed.set(p.s, `counted run ${r + 1} of ${o.runs} at ${t.asked.workload} size ${t.asked.size}: ${v.error}`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs ?? 1, queue.length)) }, runNext));
    for (const p of pending) {
      const error = failed.get(p.s);
      const out = results.get(p.s.side)!;
      if (error !== undefined) {
        say(`[${i + 1}/${total}] ${p.s.side} · ${key}: failed — ${error.split('\n')[0]}`);
        out.push({ status: 'failed', ...common(p.large), error });
        continue;
      }
      const at = (level: 'small' | 'large') => ({ size: p[level].asked.size, instructions: p.counts[level] });
      say(`[${i + 1}/${total}] ${p.s.side} · ${key}: ${p.counts.large.map((n) => n.toLocaleString('en-US')).join(' · ')} instructions`);
      out.push({ status: 'counted', ...common(p.large), small: at('small'), large: at('large') });
    }
  }
  return { results, seeds };
}
