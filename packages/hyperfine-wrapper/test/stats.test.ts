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
