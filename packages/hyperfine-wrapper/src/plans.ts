import type { Plan } from './rounds.ts';

/**
 * The measuring plans of the profiles. `default`: at least 8 rounds of 3 runs (a 95 % CI over round
 * medians needs 6; 8 keep it off the sample's extremes), then until every result of a table is
 * within ±1 %, or 20 rounds; the whole suite (every workload, and the 3 memory runs per result
 * after the rounds) ends within 45 min, so the time goes to the tables whose CIs are still wide —
 * the coverage of its interval under this VM's noise is simulated in test/coverage.test.ts. `quick`: one round, a smoke test. `article`: the
 * article's 100 runs, as 20 rounds of 5 so the table's results still share their windows.
 */
export const PLANS = {
  default: { warmup: 2, runsPerRound: 3, minRounds: 8, maxRounds: 20, targetCiPct: 1, budgetS: null, suiteBudgetS: 45 * 60, memoryRuns: 3 },
  quick: { warmup: 1, runsPerRound: 3, minRounds: 1, maxRounds: 1, targetCiPct: null, budgetS: null, suiteBudgetS: null, memoryRuns: 3 },
  article: { warmup: 0, runsPerRound: 5, minRounds: 20, maxRounds: 20, targetCiPct: null, budgetS: null, suiteBudgetS: null, memoryRuns: 3 },
} as const satisfies Record<string, Plan>;

export const DEFAULT_PLAN: Plan = PLANS.default;
