import { MAX_N, type RunConfig } from '@arena/contract';
import { PLANS } from '@arena/hyperfine-wrapper';
import { goLines, nodeLines } from '@arena/runtimes';
import os from 'node:os';
import path from 'node:path';

/** A configuration value that is out of range: names the variable and what it accepts. */
export class ConfigError extends Error {}

/**
 * The profiles `BENCH_PROFILE` selects: a fibonacci size and a measuring plan (PLANS says why each
 * plan is what it is). `BENCH_N`, `BENCH_WORKERS`, `BENCH_ROUNDS` and the others override them.
 */
export const PROFILES = {
  default: { n: 40, ...PLANS.default },
  quick: { n: 30, ...PLANS.quick },
  article: { n: 40, ...PLANS.article },
} as const;

/** Variables of earlier versions, refused with what replaced them rather than silently ignored. */
const REPLACED: Record<string, string> = {
  BENCH_RUNS: 'BENCH_ROUNDS (rounds per result; each round has BENCH_RUNS_PER_ROUND runs)',
  BENCH_INTERLEAVE: 'nothing: results are always measured in shared rounds, so the ones compared in a table come from the same moments',
};

export type ProfileName = keyof typeof PROFILES;

function int(name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw.trim());
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in ${min}..${max}`;
    throw new ConfigError(`${name} must be ${range}, got "${raw}"`);
  }
  return value;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a number > 0, got "${raw}"`);
  return value;
}

/** A list of lines (BENCH_NODE, BENCH_GO) read by `parse`, or null when unset: the machine's own runtime. */
function linesSetting(raw: string | undefined, parse: (spec: string) => string[]): string[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  try {
    return parse(raw);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** The variant the ratio column compares with when BENCH_BASELINE is unset. */
export const DEFAULT_BASELINE = 'go-native';

/** BENCH_BASELINE: the variant the tables' ratio column compares with. */
export const baselineSetting = (env: NodeJS.ProcessEnv = process.env): string => env.BENCH_BASELINE?.trim() || DEFAULT_BASELINE;

/** Everything a bench is told, read from BENCH_* in one place (readSettings); `runBench` reads no environment. */
export interface Settings {
  /** What the run document records as its config. */
  config: RunConfig;
  /** Per-run timeout override in seconds (BENCH_TIMEOUT_S). */
  timeoutS: number | null;
  /** BENCH_BASELINE (default go-native). */
  baseline: string;
  /** BENCH_SKIP_BUILD=1: time what is already built (the harness's own tests, on fixture variants). */
  skipBuild: boolean;
  /** BENCH_VARIANTS_DIR: discover variants there instead of packages/variants/ (fault-injection tests); null: the usual place. */
  variantsDir: string | null;
}

/** Reads the BENCH_* variables; throws ConfigError naming the first bad one. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const profileName = env.BENCH_PROFILE?.trim() || 'default';
  if (!Object.hasOwn(PROFILES, profileName)) {
    throw new ConfigError(`BENCH_PROFILE must be one of ${Object.keys(PROFILES).join(', ')}, got "${profileName}"`);
  }
  const p = PROFILES[profileName as ProfileName];
  const n = env.BENCH_N ? int('BENCH_N', env.BENCH_N, 1, MAX_N) : p.n;
  const workers = env.BENCH_WORKERS
    ? env.BENCH_WORKERS.split(',').map((w) => int('BENCH_WORKERS', w, 1, 256))
    : [os.availableParallelism()];
  for (const [name, replacement] of Object.entries(REPLACED)) {
    if (env[name] !== undefined) throw new ConfigError(`${name} is no longer read; use ${replacement}`);
  }
  const rounds = env.BENCH_ROUNDS ? int('BENCH_ROUNDS', env.BENCH_ROUNDS, 1, 1000) : null;
  const minRounds = rounds ?? p.minRounds;
  const fixed = p.targetCiPct === null && !env.BENCH_TARGET_CI;
  return {
    config: {
      profile: profileName,
      n,
      workers: [...new Set(workers)],
      warmup: env.BENCH_WARMUP ? int('BENCH_WARMUP', env.BENCH_WARMUP, 0, 100) : p.warmup,
      runsPerRound: env.BENCH_RUNS_PER_ROUND ? int('BENCH_RUNS_PER_ROUND', env.BENCH_RUNS_PER_ROUND, 1, 1000) : p.runsPerRound,
      minRounds,
      maxRounds: fixed ? minRounds : Math.max(p.maxRounds, minRounds),
      targetCiPct: env.BENCH_TARGET_CI ? positive('BENCH_TARGET_CI', env.BENCH_TARGET_CI) : p.targetCiPct,
      budgetS: env.BENCH_BUDGET_S ? positive('BENCH_BUDGET_S', env.BENCH_BUDGET_S) : p.budgetS,
      only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : null,
      // Node lines (node.json of @arena/runtimes; unset: the harness's Node) and Go lines (go.json; unset: the Go on PATH).
      node: linesSetting(env.BENCH_NODE, nodeLines),
      go: linesSetting(env.BENCH_GO, goLines),
    },
    timeoutS: env.BENCH_TIMEOUT_S ? positive('BENCH_TIMEOUT_S', env.BENCH_TIMEOUT_S) : null,
    baseline: baselineSetting(env),
    skipBuild: env.BENCH_SKIP_BUILD === '1',
    variantsDir: env.BENCH_VARIANTS_DIR ? path.resolve(env.BENCH_VARIANTS_DIR) : null,
  };
}
