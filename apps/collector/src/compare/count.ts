import type { CountedResult, CountingMethod, Machine } from '@arena/contract';
import { toolVersion, TOOLS, type Answers, type Target } from '@arena/hyperfine-wrapper';
import type { Runtimes } from '@arena/runtimes';
import type { BrokenVariant, Settings, Variant } from '@arena/suite';
import { countSides, type SideTargets } from '../count/runs.ts';
import { SPREAD_LIMIT_PCT } from '../count/judge.ts';
import { COUNT_OPTIONS, type CountOnce } from '../count/valgrind.ts';
import { planSide, type Side } from './sides.ts';

/**
 * The settings of a bench at one counting size: every workload at its spec's count size (its
 * profile's size when it declares none). Counting sizes are small already, so a slow setting or warm
 * calls run at them too, never at size.slow or size.perCall: both sizes then plan the same results.
 */
function atCountSize(settings: Settings, level: 'small' | 'large'): Settings {
  const sizes = Object.fromEntries(settings.workloads.map((w) => [w.name, w.spec.size.count?.[level] ?? settings.config.sizes[w.name]!]));
  const workloads = settings.workloads.map((w) => {
    const { slow, perCall, ...size } = w.spec.size;
    void slow;
    void perCall;
    return { ...w, spec: { ...w.spec, size } };
  });
  return { ...settings, workloads, config: { ...settings.config, sizes } };
}

/** A target of a workload without counting sizes is not countable, whatever its host says. */
function withCountSizes(settings: Settings, t: Target): Target {
  const w = settings.workloads.find((x) => x.name === t.asked.workload);
  if (w?.spec.size.count !== undefined) return t;
  return { ...t, counting: { countable: false, why: `${t.asked.workload}'s workload.json declares no counting sizes (size.count)` } };
}

export interface CountCompareOptions {
  runs: number;
  /** Counted runs at once (countSides). */
  jobs: number;
  machine: Machine;
  say: (message: string) => void;
  signal?: AbortSignal;
  drawSeed?: () => number;
}

/**
 * The instructions half of a compare: plans both sides at the workloads' two counting sizes (with
 * each host's counting flags and arguments, planTargets' `counted`), counts every result under
 * valgrind (countSides), and says how.
 */
export async function countCompare(
  sides: readonly Side[],
  found: ReadonlyArray<{ variants: Variant[]; broken: BrokenVariant[] }>,
  settings: Settings,
  runtimes: Runtimes,
  answers: Answers,
  o: CountCompareOptions,
  countOnce: CountOnce,
): Promise<{ method: CountingMethod; a: CountedResult[]; b: CountedResult[] }> {
  const planned: SideTargets[] = sides.map((side, i) => {
    const [small, large] = (['small', 'large'] as const).map((level) => planSide(side, found[i]!, atCountSize(settings, level), runtimes, true));
    return {
      side: side.name,
      small: small!.targets.map((t) => withCountSizes(settings, t)),
      large: large!.targets.map((t) => withCountSizes(settings, t)),
      problems: large!.problems,
      cwd: side.root,
    };
  });
  const countable = planned[0]!.large.filter((t) => t.counting?.countable).length;
  o.say(`counting: ${countable} of ${planned[0]!.large.length} results of A countable; ${o.runs} runs a side at each of two sizes, ${o.jobs} at once, under valgrind ${COUNT_OPTIONS.join(' ')}`);
  const { results, seeds } = await countSides(planned, answers, { runs: o.runs, jobs: o.jobs, timeoutS: settings.timeoutS, say: o.say, signal: o.signal, drawSeed: o.drawSeed }, countOnce);
  const valgrind = (await toolVersion(TOOLS.valgrind)) ?? 'unknown';
  const method: CountingMethod = { tool: 'cachegrind', valgrind, options: [...COUNT_OPTIONS], runsPerSize: o.runs, spreadLimitPct: SPREAD_LIMIT_PCT, seeds, machine: o.machine };
  return { method, a: results.get('A') ?? [], b: results.get('B') ?? [] };
}
