import type { Plan } from './rounds.ts';

/**
 * The measuring plans of the profiles.
 * - `default` decides the report's findings in the least time (decide/): one run per result per
 *   round, the verification run as the only warmup; every result gets 6 rounds (what a median CI,
 *   `diff` and `aa` need), then only the results an undecided finding still compares stay, looked at
 *   after every round up to 20; δ 2 %, 5 % error per workload's family of findings; the whole bench
 *   within 12 min; no memory runs (precise measures memory). Its error rates are simulated in
 *   apps/collector/test/decisions/simulation.test.ts.
 * - `precise` (the default before decisions): at least 8 rounds of 3 runs, then until every result of
 *   a table is within ±1 %, or 20 rounds; the whole suite, with 3 memory runs per result, within
 *   45 min — the coverage of its interval is simulated in test/coverage.test.ts. Its findings are
 *   decided once, after the last round.
 * - `quick`: one round, a smoke test. `article`: the article's 100 runs, as 20 rounds of 5 so the
 *   table's results still share their windows.
 */
export const PLANS = {
  default: {
    warmup: 0,
    runsPerRound: 1,
    minRounds: 6,
    maxRounds: 20,
    targetCiPct: null,
    budgetS: null,
    suiteBudgetS: 12 * 60,
    memoryRuns: 0,
    decisions: { alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 },
  },
  precise: { warmup: 2, runsPerRound: 3, minRounds: 8, maxRounds: 20, targetCiPct: 1, budgetS: null, suiteBudgetS: 45 * 60, memoryRuns: 3, decisions: null },
  quick: { warmup: 1, runsPerRound: 3, minRounds: 1, maxRounds: 1, targetCiPct: null, budgetS: null, suiteBudgetS: null, memoryRuns: 3, decisions: null },
  article: { warmup: 0, runsPerRound: 5, minRounds: 20, maxRounds: 20, targetCiPct: null, budgetS: null, suiteBudgetS: null, memoryRuns: 3, decisions: null },
} as const satisfies Record<string, Plan>;

export const DEFAULT_PLAN: Plan = PLANS.default;

/** The plan whose precision rule test/coverage.test.ts simulates. */
export const PRECISE_PLAN: Plan = PLANS.precise;

/** The error and margin the findings of a plan without sequential decisions are decided with, in one look after its last round. */
export const FIXED_DECISIONS = { alpha: 0.05, marginPct: 2 } as const;
