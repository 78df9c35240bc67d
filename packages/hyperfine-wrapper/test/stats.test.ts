import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binomialHalfCdf, ciHalfWidthPct, median, medianCi95, medianCiRanks, sampleStats, stddev } from '../src/stats.ts';

test('median of odd and even samples', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('sample standard deviation matches the textbook example (2,4,4,4,5,5,7,9: s = 2.138)', () => {
  assert.equal(stddev([2, 4, 4, 4, 5, 5, 7, 9]).toFixed(3), '2.138');
  assert.equal(stddev([5]), 0);
});

test('binomial(n, 1/2) CDF matches exact values', () => {
  assert.ok(Math.abs(binomialHalfCdf(1, 10) - 11 / 1024) < 1e-15);
  assert.ok(Math.abs(binomialHalfCdf(2, 10) - 56 / 1024) < 1e-15);
  assert.ok(Math.abs(binomialHalfCdf(50, 100) - 0.5397946186935895) < 1e-12);
});

// Ranks from the published table of Campbell & Gardner, "Calculating confidence intervals for
// some non-parametric analyses", BMJ 1988;296:1454 (exact binomial, 95 %).
test('median CI ranks match Campbell & Gardner (1988)', () => {
  assert.deepEqual(medianCiRanks(6), { lower: 1, upper: 6 });
  assert.deepEqual(medianCiRanks(10), { lower: 2, upper: 9 });
  assert.deepEqual(medianCiRanks(20), { lower: 6, upper: 15 });
  assert.deepEqual(medianCiRanks(30), { lower: 10, upper: 21 });
  assert.deepEqual(medianCiRanks(50), { lower: 18, upper: 33 });
  assert.deepEqual(medianCiRanks(100), { lower: 40, upper: 61 });
});

test('a sample too small for 95 % gets its whole range', () => {
  assert.deepEqual(medianCiRanks(3), { lower: 1, upper: 3 });
  assert.deepEqual(medianCi95([3, 1, 2]), { low: 1, high: 3 });
});

test('sampleStats picks the order statistics for the CI', () => {
  const xs = Array.from({ length: 10 }, (_, i) => i + 1);
  const s = sampleStats(xs);
  assert.deepEqual(s.ci95, { low: 2, high: 9 });
  assert.equal(s.median, 5.5);
  assert.equal(ciHalfWidthPct(s).toFixed(2), (((9 - 5.5) / 5.5) * 100).toFixed(2));
});

test('wallStats: the CI is over round medians, and the whole range below 6 rounds', async () => {
  const { wallStats, roundMedians } = await import('../src/stats.ts');
  // Rounds 1..6 with medians 1..6: binomial ranks (1, 6) of the round medians.
  const times = [1, 1, 9, 2, 2, 0, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6];
  const round = times.map((_, i) => Math.floor(i / 3) + 1);
  assert.deepEqual(roundMedians(times, round), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(wallStats(times, round).ci95, { low: 1, high: 6 });
  assert.deepEqual(wallStats(times.slice(0, 15), round.slice(0, 15)).ci95, { low: 0, high: 9 });
});

test('ratioCi95: pairs rounds, so drift shared by a round cancels', async () => {
  const { ratioCi95, wallStats } = await import('../src/stats.ts');
  const drift = [1, 1.3, 0.8, 1.1, 0.9, 1.2, 1.05];
  const round = drift.map((_, i) => i + 1);
  const a = wallStats(
    drift.map((d) => 2 * d),
    round,
  );
  const b = wallStats(
    drift.map((d) => 1 * d),
    round,
  );
  const r = ratioCi95(a, b);
  assert.equal(r.ratio, 2);
  assert.deepEqual(r.ci95, { low: 2, high: 2 });
  assert.equal(ratioCi95(wallStats([2, 2], [1, 2]), wallStats([1, 1], [1, 2])).ci95, null);
});
