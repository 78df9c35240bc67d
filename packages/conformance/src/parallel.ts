// The rule "runs workers in parallel": CPU time over wall time, at an n where compute is most of
// the run. A program whose workers compute one after another uses at most one core (ratio ≈ 1.0–1.15
// with runtime threads); two workers in parallel on two free cores use nearly two (≈ 1.6–2.0).

/** The rule's settings; the numbers behind them are in packages/conformance/README.md. */
export const PARALLEL = {
  /** Workers per run: two, so two free cores are enough. */
  workers: 2,
  /** Pass when a run's CPU/wall ratio reaches this: far from both 1.0 and 2.0. */
  minRatio: 1.4,
  /** The first calibration run's n; fast enough for every variant. */
  probeN: 30,
  /** A probe whose compute took less than this cannot predict larger n well: probe higher. */
  minProbeMs: 40,
  /** The calibrated run's compute: at least this, and at least its start-up and exit. */
  targetComputeMs: 500,
  /** The largest n the rule runs (fib(44) takes seconds even in fast variants). */
  maxN: 44,
  /**
   * Runs taken before failing. The question is whether the workers *can* use two cores at once, so
   * one run at the threshold passes: noise and others' load only lower a ratio, and some parallel
   * hosts have slow runs where one worker waits (go-wazero on go.wasm: about one run in four at
   * ~1.3), which a median over few runs would misread.
   */
  maxRuns: 6,
  /** Runs others' load slowed are no evidence either way: take up to this many in all before failing. */
  maxRunsWhenBusy: 12,
  /** Other processes using this many cores beyond the spare ones (those the workers do not need) make a run a busy one. */
  busyCores: 0.3,
  /** How long to wait for the machine to get quiet before each judged run. */
  quietPatienceMs: 5000,
} as const;

/** Naive fibonacci's time grows by the golden ratio per step of n. */
const LOG_PHI = Math.log((1 + Math.sqrt(5)) / 2);

/** What one run of a variant took. */
export interface Timing {
  n: number;
  /** Spawn to exit. */
  wallMs: number;
  /** The report's `computeMs`. */
  computeMs: number;
}

/** The compute part of a run: the reported one when plausible, else (an untrustworthy report) all of it. */
const computeOf = (t: Timing) => (t.computeMs > 0 && t.computeMs <= t.wallMs ? t.computeMs : t.wallMs);

/** The next probe's n when `t` was too short to predict from, or undefined when it was long enough. */
export function nextProbe(t: Timing): number | undefined {
  const compute = computeOf(t);
  if (compute >= PARALLEL.minProbeMs || t.n >= PARALLEL.maxN) return undefined;
  const steps = Math.ceil(Math.log((2 * PARALLEL.minProbeMs) / Math.max(compute, 0.5)) / LOG_PHI);
  return Math.min(PARALLEL.maxN, t.n + Math.max(1, Math.min(12, steps)));
}

/**
 * The n whose compute is predicted at the target (≥ 500 ms, and at least the rest of the run, so
 * compute is most of it) from a probe, never below the probe's n nor above the cap.
 */
export function calibratedN(t: Timing): number {
  const compute = computeOf(t);
  const target = Math.max(PARALLEL.targetComputeMs, t.wallMs - compute);
  const steps = Math.round(Math.log(target / Math.max(compute, 0.5)) / LOG_PHI);
  return Math.max(t.n, Math.min(PARALLEL.maxN, t.n + steps));
}

/** One measured run: its CPU/wall ratio, and how many cores other processes used meanwhile. */
export interface RatioRun {
  ratio: number;
  otherCores: number;
}

const fmt = (x: number) => x.toFixed(2);

/** A verdict on the runs so far: pass, fail (with why), or undefined: take another run. */
export type Verdict = { ok: true; best: number } | { ok: false; best: number; error: string };

/** The load of other processes (in cores) from which a run counts as busy: when the workers' cores are no longer free. */
export const busyAt = (cores: number) => Math.max(0, cores - PARALLEL.workers) + PARALLEL.busyCores;

/**
 * Judges the runs so far: the first run at the threshold passes; after `maxRuns` quiet runs below it
 * (or `maxRunsWhenBusy` in all) the workers do not run in parallel (the error says when most runs
 * were slowed by others' load).
 */
export function judge(runs: RatioRun[], n: number, busy = busyAt(PARALLEL.workers)): Verdict | undefined {
  const best = Math.max(0, ...runs.map((r) => r.ratio));
  if (best >= PARALLEL.minRatio) return { ok: true, best };
  const busyRuns = runs.filter((r) => r.otherCores >= busy).length;
  if (runs.length - busyRuns < PARALLEL.maxRuns && runs.length < PARALLEL.maxRunsWhenBusy) return undefined;
  const list = runs.map((r) => `${fmt(r.ratio)}${r.otherCores >= busy ? ` (others used ${fmt(r.otherCores)} cores)` : ''}`).join(', ');
  const why = busyRuns * 2 > runs.length ? '; the machine was busy, so this may be its load: run again on a quiet one' : '';
  return {
    ok: false,
    best,
    error:
      `its ${PARALLEL.workers} workers do not run in parallel: it used at most ${fmt(best)} cores while it ran (CPU time / wall time, ` +
      `best of ${runs.length} runs at n=${n} --workers ${PARALLEL.workers}; runs: ${list}); workers computing at once on ${PARALLEL.workers} cores ` +
      `reach ${PARALLEL.minRatio}, one after another about 1${why}`,
  };
}
