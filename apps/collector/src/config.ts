import { MAX_N, type RunConfig } from '@arena/contract';
import os from 'node:os';

/** A configuration value that is out of range: names the variable and what it accepts. */
export class ConfigError extends Error {}

/** The profiles `BENCH_PROFILE` selects; `BENCH_N`, `BENCH_WORKERS`, `BENCH_RUNS` override them. */
export const PROFILES = {
  /** Adaptive: until the median's CI half-width is ≤ 1 %, in interleaved rounds. */
  default: { n: 40, warmup: 2, minRuns: 10, maxRuns: 60, roundRuns: 5, targetCiPct: 1, budgetS: 60, interleave: true },
  /** A smoke test: small n, three runs each. */
  quick: { n: 30, warmup: 1, minRuns: 3, maxRuns: 3, roundRuns: 3, targetCiPct: null, budgetS: null, interleave: false },
  /** The article's method: 100 runs each, no warmup; best and worst dropped when printed. */
  article: { n: 40, warmup: 0, minRuns: 100, maxRuns: 100, roundRuns: 100, targetCiPct: null, budgetS: null, interleave: false },
} as const;

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

/** Settings outside the run document's config. */
export interface Settings {
  config: RunConfig;
  /** Per-run timeout override in seconds (BENCH_TIMEOUT_S). */
  timeoutS: number | null;
  /** Only these variants (BENCH_ONLY, comma-separated), or all. */
  only: string[] | null;
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
  const runs = env.BENCH_RUNS ? int('BENCH_RUNS', env.BENCH_RUNS, 1, 10_000) : null;
  const minRuns = runs ?? p.minRuns;
  const maxRuns = runs !== null && p.targetCiPct === null ? runs : Math.max(p.maxRuns, minRuns);
  const targetCiPct = env.BENCH_TARGET_CI ? positive('BENCH_TARGET_CI', env.BENCH_TARGET_CI) : p.targetCiPct;
  const interleave = env.BENCH_INTERLEAVE ? env.BENCH_INTERLEAVE !== '0' : p.interleave;
  if (env.BENCH_INTERLEAVE && !['0', '1'].includes(env.BENCH_INTERLEAVE)) {
    throw new ConfigError(`BENCH_INTERLEAVE must be 0 or 1, got "${env.BENCH_INTERLEAVE}"`);
  }
  return {
    config: {
      profile: profileName,
      n,
      workers: [...new Set(workers)],
      warmup: env.BENCH_WARMUP ? int('BENCH_WARMUP', env.BENCH_WARMUP, 0, 100) : p.warmup,
      minRuns,
      maxRuns,
      targetCiPct,
      budgetS: env.BENCH_BUDGET_S ? positive('BENCH_BUDGET_S', env.BENCH_BUDGET_S) : p.budgetS,
      interleave,
      roundRuns: Math.min(p.roundRuns, maxRuns),
    },
    timeoutS: env.BENCH_TIMEOUT_S ? positive('BENCH_TIMEOUT_S', env.BENCH_TIMEOUT_S) : null,
    only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : null,
  };
}
