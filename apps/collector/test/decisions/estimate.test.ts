import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateBenchS, PLANS, simulatedSuite } from '@arena/hyperfine-wrapper';
import { GROWN, TODAY } from '../fixtures/suite-shape.ts';

// The fixed costs measured in the README's runs on polyglot: a cached build check, and the reference
// answers of 20 rounds' seeds.
const FIXED = { buildS: 15, referencesS: 25 };
const noBudget = { ...PLANS.default, suiteBudgetS: null };

test('the estimate of a default run is pure: the same suite and seed give the same seconds', async () => {
  const { results, decisions } = simulatedSuite(TODAY, PLANS.default.decisions);
  const a = await estimateBenchS(results, noBudget, decisions, FIXED, { seed: 3 });
  const b = await estimateBenchS(results, noBudget, decisions, FIXED, { seed: 3 });
  assert.deepEqual(a, b);
});

test("today's suite (88 results): a default run of at most 15 min, whatever the budget", async (t) => {
  const { results, decisions } = simulatedSuite(TODAY, PLANS.default.decisions);
  assert.equal(results.length, 88);
  const e = await estimateBenchS(results, noBudget, decisions, FIXED);
  t.diagnostic(`${(e.low / 60).toFixed(1)}–${(e.high / 60).toFixed(1)} min, a round of every result ${e.perRoundS.toFixed(0)} s`);
  assert.ok(e.high <= 15 * 60, `${(e.high / 60).toFixed(1)} min`);
});

test("a suite of about 200 results shaped like today's: a default run of at most 30 min without its budget, about the floor of rounds with it", async (t) => {
  const { results, decisions } = simulatedSuite(GROWN, PLANS.default.decisions);
  assert.ok(results.length >= 200, `${results.length} results`);
  const free = await estimateBenchS(results, noBudget, decisions, FIXED);
  const kept = await estimateBenchS(results, PLANS.default, decisions, FIXED);
  t.diagnostic(`${results.length} results: ${(free.high / 60).toFixed(1)} min without the budget (${free.rounds} rounds), ${(kept.high / 60).toFixed(1)} min with it (${kept.rounds} rounds)`);
  assert.ok(free.high <= 30 * 60, `${(free.high / 60).toFixed(1)} min`);
  // The budget never cuts the floor: every result gets its minimum rounds.
  assert.equal(kept.rounds, PLANS.default.minRounds);
  assert.ok(kept.high < free.high);
});
