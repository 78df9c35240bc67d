import type { RunConfig } from '@arena/contract';
import { FIXED_DECISIONS, PLANS } from '@arena/hyperfine-wrapper';
import { goLines, jsChoices, nodeLines } from '@arena/runtimes';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './root.ts';
import { discoverWorkloads, type Workload } from './workloads.ts';

export { ConfigError } from './errors.ts';
import { ConfigError } from './errors.ts';
import { checkVariables } from './variables.ts';

/**
 * The profiles `BENCH_PROFILE` selects: a measuring plan (PLANS says why each plan is what it is);
 * each workload's size per profile is in its spec (workload.json `size.profiles`). `BENCH_SIZE`,
 * `BENCH_WORKERS`, `BENCH_ROUNDS` and the others override them.
 */
export const PROFILES = PLANS;

export type ProfileName = keyof typeof PROFILES;

function int(name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw.trim());
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in ${min}..${max}`;
    throw new ConfigError(`${name} must be ${range}, got "${raw}"`);
  }
  return value;
}

/** BENCH_WORKLOADS: names of discovered workloads (null: all). */
function workloadsSetting(raw: string | undefined, workloads: Workload[]): string[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !workloads.some((w) => w.name === n));
  if (unknown.length || names.length === 0) {
    throw new ConfigError(`BENCH_WORKLOADS names no workload: ${unknown.join(', ') || '(empty)'} (found: ${workloads.map((w) => w.name).join(', ')})`);
  }
  return [...new Set(names)];
}

/**
 * Each run workload's size: its spec's size for the profile, overridden by BENCH_SIZE
 * (`nbody=100000,fib=30`) and, for the article's sake, BENCH_N (fib's n). Checked against the spec's max.
 */
function sizesSetting(env: NodeJS.ProcessEnv, profile: ProfileName, workloads: Workload[]): Record<string, number> {
  // precise measures the default sizes, more closely.
  const sized = profile === 'precise' ? 'default' : profile;
  const sizes: Record<string, number> = Object.fromEntries(workloads.map((w) => [w.name, w.spec.size.profiles[sized]]));
  const overrides: Array<[string, string, string]> = (env.BENCH_SIZE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const [name, value] = pair.split('=').map((x) => x.trim());
      if (!name || value === undefined) throw new ConfigError(`BENCH_SIZE must be <workload>=<size>,…, got "${env.BENCH_SIZE}"`);
      return [`BENCH_SIZE (${name})`, name, value];
    });
  if (env.BENCH_N) overrides.push(['BENCH_N', 'fib', env.BENCH_N]);
  for (const [setting, name, value] of overrides) {
    const w = workloads.find((x) => x.name === name);
    if (w === undefined) throw new ConfigError(`${setting}: no workload ${name} (found: ${workloads.map((x) => x.name).join(', ')})`);
    sizes[name] = int(setting, value, 1, w.spec.size.max);
  }
  return sizes;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a number > 0, got "${raw}"`);
  return value;
}

/** A list of lines (BENCH_JS, BENCH_NODE, BENCH_GO) read by `parse`, or null when unset: the machine's own runtime. */
function linesSetting(raw: string | undefined, parse: (spec: string) => string[]): string[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  try {
    return parse(raw);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/**
 * BENCH_JS (`node@20,bun,deno` or `all`) or its Node-only form BENCH_NODE (`20,22` or `all`), as
 * `<runtime>@<line>`; null when neither is set (the harness's Node). Both set is a usage error.
 */
function jsSetting(env: NodeJS.ProcessEnv): string[] | null {
  const js = linesSetting(env.BENCH_JS, jsChoices);
  const node = linesSetting(env.BENCH_NODE, nodeLines);
  if (js !== null && node !== null) throw new ConfigError('set BENCH_JS or BENCH_NODE, not both: BENCH_NODE=20,22 is BENCH_JS=node@20,node@22');
  return js ?? node?.map((line) => `node@${line}`) ?? null;
}

/**
 * BENCH_SETTINGS: `default` (or unset: the engines' defaults only), `all` (every declared setting), or
 * setting names (`interpreter,no-liftoff`; `default` among them adds nothing, the defaults always run).
 * Names are checked against the declarations once the variants are found (checkSettingNames).
 */
function settingsSetting(raw: string | undefined): 'all' | string[] | null {
  const words = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (words.length === 1 && words[0] === 'all') return 'all';
  const bad = words.filter((w) => !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(w) || w === 'all');
  if (bad.length) throw new ConfigError(`BENCH_SETTINGS must be default, all, or setting names (kebab-case, comma-separated), got "${raw}"`);
  const names = [...new Set(words.filter((w) => w !== 'default'))];
  return names.length ? names : null;
}

/** BENCH_CALLS: kernel calls per worker, a list (`1,20`); unset or only 1: one call, as always. */
function callsSetting(raw: string | undefined): number[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const calls = [...new Set(raw.split(',').map((c) => int('BENCH_CALLS', c, 1, 1000)))].sort((a, b) => a - b);
  return calls.some((c) => c > 1) ? calls : null;
}

/** The variant the ratio column compares with when BENCH_BASELINE is unset. */
export const DEFAULT_BASELINE = 'go-native';

/** BENCH_BASELINE: the variant the tables' ratio column compares with. */
export const baselineSetting = (env: NodeJS.ProcessEnv = process.env): string => env.BENCH_BASELINE?.trim() || DEFAULT_BASELINE;

/** Everything a bench is told, read from BENCH_* in one place (readSettings); `runBench` reads no environment. */
export interface Settings {
  /** What the run document records as its config. */
  config: RunConfig;
  /** BENCH_MARGIN: δ in percent for the findings' equivalence (the default profile's rule carries it too). */
  marginPct: number;
  /** The workloads it runs (BENCH_WORKLOADS narrows them), each at config.sizes[name]. */
  workloads: Workload[];
  /** Per-run timeout override in seconds (BENCH_TIMEOUT_S). */
  timeoutS: number | null;
  /** BENCH_BASELINE (default go-native). */
  baseline: string;
  /** BENCH_SKIP_BUILD=1: time what is already built (the harness's own tests, on fixture variants). */
  skipBuild: boolean;
  /** BENCH_VARIANTS_DIR: discover variants there instead of packages/variants/ (fault-injection tests); null: the usual place. */
  variantsDir: string | null;
  /**
   * BENCH_MEMORY_CGROUP: a cgroup folder delegated to the bench (v2 with memory in its
   * cgroup.subtree_control, or a v1 memory hierarchy's folder). Each memory run gets a child cgroup
   * there, made and removed by the bench, and its peak is the kernel's. null: the process tree's PSS
   * is sampled instead; the bench then creates no cgroup.
   */
  memoryCgroup: string | null;
}

/** BENCH_MEMORY_RUNS: 0 (memory not measured) or at least 3, so a median and a range mean something. */
function memoryRunsSetting(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const runs = int('BENCH_MEMORY_RUNS', raw, 0, 100);
  if (runs > 0 && runs < 3) throw new ConfigError(`BENCH_MEMORY_RUNS must be 0 (off) or an integer in 3..100, got "${raw}"`);
  return runs;
}

/**
 * Reads the BENCH_* variables; throws ConfigError naming the first bad one. `found` are the
 * discovered workloads (by default packages/workloads/'s): sizes and BENCH_WORKLOADS are checked
 * against their specs. First of all, a BENCH_* that is not a known setting (variables.ts) is refused.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env, found: Workload[] = discoverWorkloads(repoRoot()).workloads): Settings {
  checkVariables(env);
  const profileName = env.BENCH_PROFILE?.trim() || 'default';
  if (!Object.hasOwn(PROFILES, profileName)) {
    throw new ConfigError(`BENCH_PROFILE must be one of ${Object.keys(PROFILES).join(', ')}, got "${profileName}"`);
  }
  const p = PROFILES[profileName as ProfileName];
  const only = workloadsSetting(env.BENCH_WORKLOADS, found);
  const workloads = only ? found.filter((w) => only.includes(w.name)) : found;
  const sizes = sizesSetting(env, profileName as ProfileName, found);
  const budgetMin = env.BENCH_SUITE_BUDGET_MIN ? positive('BENCH_SUITE_BUDGET_MIN', env.BENCH_SUITE_BUDGET_MIN) : null;
  const workers = env.BENCH_WORKERS ? env.BENCH_WORKERS.split(',').map((w) => int('BENCH_WORKERS', w, 1, 256)) : [os.availableParallelism()];
  const rounds = env.BENCH_ROUNDS ? int('BENCH_ROUNDS', env.BENCH_ROUNDS, 1, 1000) : null;
  const minRounds = rounds ?? p.minRounds;
  const fixed = p.targetCiPct === null && p.decisions === null && !env.BENCH_TARGET_CI;
  const maxRounds = fixed ? minRounds : Math.max(p.maxRounds, minRounds);
  const marginPct = env.BENCH_MARGIN ? positive('BENCH_MARGIN', env.BENCH_MARGIN) : (p.decisions?.marginPct ?? FIXED_DECISIONS.marginPct);
  return {
    config: {
      profile: profileName,
      sizes: Object.fromEntries(workloads.map((w) => [w.name, sizes[w.name]!])),
      workloads: only,
      workers: [...new Set(workers)],
      warmup: env.BENCH_WARMUP ? int('BENCH_WARMUP', env.BENCH_WARMUP, 0, 100) : p.warmup,
      runsPerRound: env.BENCH_RUNS_PER_ROUND ? int('BENCH_RUNS_PER_ROUND', env.BENCH_RUNS_PER_ROUND, 1, 1000) : p.runsPerRound,
      minRounds,
      maxRounds,
      targetCiPct: env.BENCH_TARGET_CI ? positive('BENCH_TARGET_CI', env.BENCH_TARGET_CI) : p.targetCiPct,
      budgetS: env.BENCH_BUDGET_S ? positive('BENCH_BUDGET_S', env.BENCH_BUDGET_S) : p.budgetS,
      suiteBudgetS: budgetMin !== null ? budgetMin * 60 : p.suiteBudgetS,
      memoryRuns: memoryRunsSetting(env.BENCH_MEMORY_RUNS, p.memoryRuns),
      // The looks run from the floor of rounds to the last round the plan allows.
      decisions: p.decisions ? { ...p.decisions, marginPct, firstLook: Math.min(p.decisions.firstLook, minRounds), lastLook: maxRounds } : null,
      only: env.BENCH_ONLY
        ? env.BENCH_ONLY.split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
      // Known once the variants are discovered: the bench fills it in with leftOutOf.
      leftOut: null,
      // JavaScript runtimes (declared in @arena/runtimes; unset: the harness's Node) and Go lines (go.json; unset: the Go on PATH).
      js: jsSetting(env),
      go: linesSetting(env.BENCH_GO, goLines),
      settings: settingsSetting(env.BENCH_SETTINGS),
      calls: callsSetting(env.BENCH_CALLS),
    },
    workloads,
    marginPct,
    timeoutS: env.BENCH_TIMEOUT_S ? positive('BENCH_TIMEOUT_S', env.BENCH_TIMEOUT_S) : null,
    baseline: baselineSetting(env),
    skipBuild: env.BENCH_SKIP_BUILD === '1',
    variantsDir: env.BENCH_VARIANTS_DIR ? path.resolve(env.BENCH_VARIANTS_DIR) : null,
    memoryCgroup: env.BENCH_MEMORY_CGROUP?.trim() ? path.resolve(env.BENCH_MEMORY_CGROUP.trim()) : null,
  };
}

/** What BENCH_ONLY and BENCH_WORKLOADS left out of what was discovered, named in the run document so a partial run can say so. */
export function leftOutOf(config: Pick<RunConfig, 'only' | 'workloads'>, found: { variants: string[]; workloads: string[] }): { variants: string[]; workloads: string[] } {
  const { only, workloads } = config;
  return {
    variants: only ? [...new Set(found.variants)].filter((v) => !only.includes(v)).sort() : [],
    workloads: workloads ? [...new Set(found.workloads)].filter((w) => !workloads.includes(w)).sort() : [],
  };
}
