import { ConfigError } from './errors.ts';

/**
 * Every BENCH_* variable the harness reads, with what it does: the one list. turbo.json's `test` and
 * `bench` tasks declare exactly these names (a drift test keeps them equal), and checkVariables
 * refuses any other BENCH_* before anything is built or timed, as hyperfine refuses an unknown
 * option. No name is patterned (per-workload sizes are one variable, BENCH_SIZE=<workload>=<size>,…).
 * This file imports nothing but ConfigError: scripts/toolchain.sh runs it (check-variables.ts) before turbo.
 */
export const VARIABLES = {
  BENCH_PROFILE: 'the measuring plan: default (decides the findings, within 12 min), precise (±1 % medians and memory, 45 min), quick (a smoke test) or article',
  BENCH_MARGIN: 'δ in percent (default 2): two results whose ratio is decided within [1/(1+δ), 1+δ] are equivalent',
  BENCH_WORKLOADS: 'the workloads to run, comma-separated folders of packages/workloads/ (unset: all)',
  BENCH_SIZE: "workload sizes, <workload>=<size>,… (e.g. nbody=1000000,fib=35), each within its spec's max",
  BENCH_N: "fib's n, 1..47 (the article's knob; BENCH_SIZE=fib=… does the same)",
  BENCH_ONLY: 'the variants to run, comma-separated names (unset: all)',
  BENCH_JS: 'the JavaScript runtimes the Node-style variants run on (node@20,node@26,bun,deno or all; unset: the Node running the harness)',
  BENCH_NODE: 'the Node lines the Node variants run on, the Node-only form of BENCH_JS (20,22 or all)',
  BENCH_GO: 'the Go lines the Go variants and the Go module are built with (1.26,1.27 or all; unset: the Go on PATH)',
  BENCH_SETTINGS: "engine settings run besides the defaults: default (none), all, or names the hosts' manifests declare (interpreter,no-liftoff)",
  BENCH_CALLS: "kernel calls per worker, a list (1,20): each count above 1 runs at the workload's size.perCall, beside one call there",
  BENCH_WORKERS: 'workers per variant, or a list (1,2,4) for a scaling run (unset: the available cores)',
  BENCH_ROUNDS: 'rounds per result (the minimum, in the default and precise profiles)',
  BENCH_RUNS_PER_ROUND: 'timed runs per result in each round',
  BENCH_WARMUP: 'warmup runs before the first round (verified, not timed)',
  BENCH_TARGET_CI: "a table stops when every median's CI half-width is at most this %",
  BENCH_BUDGET_S: 'time budget per result, in seconds',
  BENCH_SUITE_BUDGET_MIN: 'minutes for the whole bench: no round starts that would end past it',
  BENCH_TIMEOUT_S: 'per-run timeout in seconds (unset: 10× the verification run, at least 10 s)',
  BENCH_MEMORY_RUNS: 'memory runs per ok result, after the rounds: 0 (none) or 3..100',
  BENCH_MEMORY_CGROUP: "a cgroup folder delegated to the bench, whose children's peaks are the memory figures (unset: sampled PSS)",
  BENCH_BASELINE: "the variant the tables' ratio column compares with (unset: go-native)",
  BENCH_RESULTS_DIR: 'where runs and reports are written and read (unset: results/)',
  BENCH_LOCK_FILE: "the machine-wide benchmark lock's file (unset: bench-arena/bench in the temporary folder)",
  BENCH_SKIP_BUILD: '1: time what is already built, without building first',
  BENCH_VARIANTS_DIR: 'discover the variants in this folder instead of packages/variants/ (the harness tests)',
} as const satisfies Record<`BENCH_${string}`, string>;

export type VariableName = keyof typeof VARIABLES;

/** Variables of earlier versions, known but no longer read: refused with what replaced them. */
export const RETIRED: Record<string, string> = {
  BENCH_RUNS: 'BENCH_ROUNDS (rounds per result; each round has BENCH_RUNS_PER_ROUND runs)',
  BENCH_INTERLEAVE: 'nothing: results are always measured in shared rounds, so the ones compared in a table come from the same moments',
};

/** Optimal string alignment distance (Levenshtein with adjacent transpositions): PROFLIE is 1 from PROFILE. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const PREFIX = 'BENCH_';

/**
 * The known name `name` is most likely a typo of, or null when none is near: compared after BENCH_,
 * ignoring case, within a third of the typed length (at least 1), so BENCH_WORKLOAD → BENCH_WORKLOADS
 * and BENCH_TIMEOUT → BENCH_TIMEOUT_S, while BENCH_JS suggests nothing.
 */
export function nearestVariable(name: string): VariableName | null {
  const typed = name.toUpperCase().slice(PREFIX.length);
  if (typed === '') return null;
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: { name: VariableName; distance: number } | null = null;
  for (const known of Object.keys(VARIABLES) as VariableName[]) {
    const distance = editDistance(typed, known.slice(PREFIX.length));
    if (distance <= limit && (best === null || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name ?? null;
}

/** What is wrong with one set variable whose name starts with BENCH_ (any case); null when it is a known setting. */
export function variableProblem(name: string): string | null {
  if (Object.hasOwn(VARIABLES, name)) return null;
  if (Object.hasOwn(RETIRED, name)) return `${name} is no longer read; use ${RETIRED[name]}`;
  const near = nearestVariable(name);
  const known = Object.keys(VARIABLES).sort().join(', ');
  return near ? `unknown setting ${name} (did you mean ${near}?)` : `unknown setting ${name} (known: ${known})`;
}

/**
 * Throws ConfigError (exit 2) when `env` sets a BENCH_* variable (any case) that is not a known
 * setting: a retired one with what replaced it, another with the nearest known name, all on one line.
 */
export function checkVariables(env: NodeJS.ProcessEnv = process.env): void {
  const problems = Object.keys(env)
    .filter((name) => env[name] !== undefined && name.toUpperCase().startsWith(PREFIX))
    .sort()
    .map(variableProblem)
    .filter((p): p is string => p !== null);
  if (problems.length) throw new ConfigError(problems.join('; '));
}
