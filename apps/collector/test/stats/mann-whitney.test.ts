import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mannWhitneyU, uCounts } from '../../src/stats/mann-whitney.ts';

const close = (actual: number, expected: number, relTol = 1e-9) => assert.ok(Math.abs(actual - expected) <= relTol * Math.abs(expected), `${actual} is not within ${relTol} (relative) of ${expected}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// scipy.stats.mannwhitneyu documentation, "Examples" (ages of male and female employees):
// exact: U1 = 17.0, p = 0.1111111111111111; method="asymptotic": p = 0.11134688653314041.
const males = [19, 22, 16, 29, 24];
const females = [20, 11, 17, 12];

test('scipy docs example, exact (auto picks exact: 4 and 5 values, no ties)', () => {
  const r = mannWhitneyU(males, females);
  assert.equal(r.u1, 17);
  assert.equal(r.u2, 3);
  assert.equal(r.method, 'exact');
  close(r.p, 0.1111111111111111, 1e-12);
});

test('scipy docs example, asymptotic with continuity correction', () => {
  const r = mannWhitneyU(males, females, { method: 'asymptotic' });
  assert.equal(r.method, 'asymptotic');
  close(r.p, 0.11134688653314041, 1e-9);
});

// R's ?wilcox.test, two-sample example: alternative = "greater" gives W = 35, p-value = 0.1272 (exact).
test("R's wilcox.test docs example, exact one-sided", () => {
  const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
  const y = [1.15, 0.88, 0.9, 0.74, 1.21];
  const r = mannWhitneyU(x, y, { alternative: 'greater' });
  assert.equal(r.u1, 35);
  assert.equal(r.method, 'exact');
  assert.equal(r.p.toFixed(4), '0.1272');
  close(mannWhitneyU(x, y).p, 2 * r.p, 1e-12); // two-sided is twice the larger tail here
});

// R's ?wilcox.test, formula interface: wilcox.test(Ozone ~ Month, data = airquality,
// subset = Month %in% c(5, 8)) prints "W = 127.5, p-value = 0.0001208" and warns that the exact
// p-value cannot be computed with ties (normal approximation, tie and continuity corrected).
test("R's airquality example with ties: normal approximation with tie and continuity correction", () => {
  const may = [41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30, 11, 1, 11, 4, 32, 23, 45, 115, 37];
  const aug = [39, 9, 16, 78, 35, 66, 122, 89, 110, 44, 28, 65, 22, 59, 23, 31, 44, 21, 9, 45, 168, 73, 76, 118, 84, 85];
  const r = mannWhitneyU(may, aug);
  assert.equal(r.u1, 127.5);
  assert.equal(r.ties, true);
  assert.equal(r.method, 'asymptotic');
  assert.equal(r.p.toPrecision(4), '0.0001208');
  assert.throws(() => mannWhitneyU(may, aug, { method: 'exact' }), /ties/);
});

// A. Akinshin, "When Python's Mann-Whitney U test returns extremely distorted p-values" (2023),
// scipy output for x = 101..105, y = 1..50, alternative="greater": exact p = 2.874586670369134e-07
// (= 1 / C(55, 5)), asymptotic p = 0.00013370277743792665.
test('a 5 vs 50 sample: exact and asymptotic one-sided p-values as scipy prints them', () => {
  const x = range(101, 105);
  const y = range(1, 50);
  const exact = mannWhitneyU(x, y, { alternative: 'greater' });
  assert.equal(exact.u1, 250);
  assert.equal(exact.method, 'exact');
  close(exact.p, 2.874586670369134e-7, 1e-12);
  close(mannWhitneyU(x, y, { alternative: 'greater', method: 'asymptotic' }).p, 0.00013370277743792665, 1e-9);
  close(mannWhitneyU(x, y, { alternative: 'less' }).p, 1, 1e-12);
});

test('auto switches to the normal approximation when both samples have more than 8 values', () => {
  assert.equal(mannWhitneyU(range(1, 9), range(10, 18)).method, 'asymptotic');
  assert.equal(mannWhitneyU(range(1, 8), range(10, 30)).method, 'exact');
});

test('the exact null distribution counts every arrangement once and is symmetric', () => {
  const counts = [...uCounts(4, 5)];
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    126,
  ); // C(9, 4)
  assert.deepEqual(counts, [...counts].reverse());
  assert.deepEqual(counts.slice(0, 4), [1, 1, 2, 3]);
});

test('identical samples (all tied) give p = 1; empty samples are refused', () => {
  assert.equal(mannWhitneyU([1, 1, 1], [1, 1, 1]).p, 1);
  assert.equal(mannWhitneyU([1, 2, 3], [1, 2, 3]).p, 1);
  assert.throws(() => mannWhitneyU([], [1]), /at least one value/);
});
