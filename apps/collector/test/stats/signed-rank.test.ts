import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signedRankCounts } from '../../src/report/hodges-lehmann.ts';
import { normalSf } from '../../src/stats/normal.ts';
import { SIGNED_RANK_EXACT_BELOW, wilcoxonSignedRank } from '../../src/stats/signed-rank.ts';

const close = (actual: number, expected: number, relTol = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= relTol * Math.abs(expected), `${actual} is not within ${relTol} (relative) of ${expected}`);

/** mulberry32: a tiny seeded 32-bit generator, uniform on [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// R's ?wilcox.test, "One-sample test" example (Hollander & Wolfe 1973, p. 29: Hamilton depression
// scale factor IV before (x) and after (y) the first therapy; H1: it decreased):
//   wilcox.test(x, y, paired = TRUE, alternative = "greater")  →  V = 40, p-value = 0.01953
// and without `alternative` the two-sided p-value = 0.03906. By hand: n = 9, no ties; P(V ≥ 40) =
// P(V ≤ 5) = #{subsets of 1..9 with sum ≤ 5} / 2⁹ = (1+1+1+2+2+3)/512 = 10/512 = 0.01953125.
const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
const depression = x.map((v, i) => v - y[i]!); // as R: the paired test is the one-sample test of x − y

test("R's wilcox.test example (Hollander & Wolfe p. 29): V = 40, p = 0.01953 greater, 0.03906 two-sided", () => {
  const greater = wilcoxonSignedRank(depression, { alternative: 'greater' });
  assert.deepEqual({ statistic: greater.statistic, method: greater.method, n: greater.n }, { statistic: 40, method: 'exact', n: 9 });
  assert.equal(greater.p.toFixed(5), '0.01953');
  close(greater.p, 10 / 512);
  const twoSided = wilcoxonSignedRank(depression);
  assert.equal(twoSided.p.toFixed(5), '0.03906');
  close(twoSided.p, 20 / 512);
  // "less": P(V ≤ 40) = 1 − P(V ≥ 41) = 1 − P(V ≤ 4) = 1 − 7/512.
  close(wilcoxonSignedRank(depression, { alternative: 'less' }).p, 505 / 512);
});

// scipy.stats.wilcoxon docs example (Darwin's cross- vs self-fertilised corn, from Fisher's Design of
// Experiments): wilcoxon(d) → (24.0, 0.041259765625), alternative='greater' → (96.0, 0.0206298828125).
// scipy's two-sided statistic is min(V, n(n+1)/2 − V) = 24, so R's V = 120 − 24 = 96.
test('scipy docs example (Darwin/Fisher, n = 15): exact p-values to the last digit', () => {
  const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
  const r = wilcoxonSignedRank(d);
  assert.equal(r.statistic, 96);
  assert.equal(r.method, 'exact');
  close(r.p, 0.041259765625);
  close(wilcoxonSignedRank(d, { alternative: 'greater' }).p, 0.0206298828125);
});

// A tiny tied sample, the normal approximation derived by hand (R's wilcox.test formula:
// z = (V − n(n+1)/4 − CORRECTION) / SIGMA, SIGMA² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over the tie
// groups of |d|, CORRECTION = sign(V − n(n+1)/4)·½ two-sided, +½ "greater", −½ "less"; two-sided
// p = 2·min(Φ(z), 1 − Φ(z))). R takes this route by itself because of the ties.
//   d = [1, 1, −2, 3, 3, 4]: |d| ranks 1.5, 1.5, 3, 4.5, 4.5, 6 (two pairs tied), n = 6;
//   V = 1.5 + 1.5 + 4.5 + 4.5 + 6 = 18; mean = 6·7/4 = 10.5;
//   SIGMA² = 6·7·13/24 − (6 + 6)/48 = 22.75 − 0.25 = 22.5;
//   two-sided: z = (18 − 10.5 − 0.5)/√22.5 = 7/√22.5 = 1.4757296, p = 2(1 − Φ(1.4757)) = 0.1400165;
//   greater: same z, p = 0.0700083; less: z = (7.5 + 0.5)/√22.5 = 1.6865481, p = Φ(1.6865) = 0.9541549.
// (Φ from a normal table: Φ(1.48) = 0.9306, Φ(1.69) = 0.9545, bracketing the values above.)
test('ties: tie-corrected, continuity-corrected normal approximation, as derived by hand', () => {
  const d = [1, 1, -2, 3, 3, 4];
  const r = wilcoxonSignedRank(d);
  assert.equal(r.method, 'asymptotic');
  assert.equal(r.statistic, 18);
  close(r.p, 2 * normalSf(7 / Math.sqrt(22.5)));
  assert.equal(r.p.toFixed(7), '0.1400165');
  assert.equal(wilcoxonSignedRank(d, { alternative: 'greater' }).p.toFixed(7), '0.0700083');
  assert.equal(wilcoxonSignedRank(d, { alternative: 'less' }).p.toFixed(7), '0.9541549');
  assert.throws(() => wilcoxonSignedRank(d, { method: 'exact' }), /ties/);
});

// n ≥ 50: R's `exact <- (n < 50)`. d = 1..60, all positive: V = 60·61/2 = 1830, mean 915,
// SIGMA² = 60·61·121/24 = 18452.5, z = (915 − 0.5)/√18452.5 = 6.7321859, p = 2(1 − Φ(z)).
test('large n: R switches to the normal approximation at n = 50', () => {
  const d = Array.from({ length: 60 }, (_, i) => i + 1);
  const r = wilcoxonSignedRank(d);
  assert.deepEqual([r.method, r.statistic, r.n], ['asymptotic', 1830, 60]);
  close(r.p, 2 * normalSf(914.5 / Math.sqrt(18452.5)));
  assert.equal((914.5 / Math.sqrt(18452.5)).toFixed(7), '6.7321859');
  assert.equal(wilcoxonSignedRank(d.slice(0, SIGNED_RANK_EXACT_BELOW - 1)).method, 'exact');
  assert.equal(wilcoxonSignedRank(d.slice(0, SIGNED_RANK_EXACT_BELOW)).method, 'asymptotic');
  // Forced exact and the normal approximation agree closely at this size, on data with mixed signs.
  const rand = mulberry32(7);
  const mixed = Array.from({ length: 60 }, () => rand() - 0.4);
  const exact = wilcoxonSignedRank(mixed, { method: 'exact' });
  const normal = wilcoxonSignedRank(mixed, { method: 'asymptotic' });
  assert.equal(exact.method, 'exact');
  assert.ok(Math.abs(exact.p - normal.p) < 0.005, `exact ${exact.p} vs normal ${normal.p}`);
});

test('zeros are dropped; with zeros present R takes the normal approximation', () => {
  const withZeros = [0, ...depression.slice(0, 4), 0, ...depression.slice(4), 0];
  const r = wilcoxonSignedRank(withZeros, { alternative: 'greater' });
  assert.deepEqual([r.statistic, r.n, r.method], [40, 9, 'asymptotic']);
  assert.equal(r.p, wilcoxonSignedRank(depression, { alternative: 'greater', method: 'asymptotic' }).p);
  // Asked for explicitly, the exact distribution of the non-zero differences.
  close(wilcoxonSignedRank(withZeros, { alternative: 'greater', method: 'exact' }).p, 10 / 512);
  // The tied example with a zero added: the same V, n and p as without it.
  const tied = wilcoxonSignedRank([0, 1, 1, -2, 3, 3, 4]);
  assert.deepEqual([tied.statistic, tied.n], [18, 6]);
  assert.equal(tied.p.toFixed(7), '0.1400165');
});

test('no non-zero difference: n = 0, p = 1', () => {
  for (const d of [[], [0], [0, 0, 0]]) {
    for (const alternative of ['two-sided', 'greater', 'less'] as const) {
      const r = wilcoxonSignedRank(d, { alternative });
      assert.deepEqual([r.statistic, r.p, r.n], [0, 1, 0]);
    }
  }
});

test('symmetric data gives p = 1 (or close to it)', () => {
  assert.equal(wilcoxonSignedRank([1, 2, -3]).p, 1); // V = 3 = n(n+1)/4, both tails 5/8
  assert.equal(wilcoxonSignedRank([1, -2, -3, 4]).p, 1); // V = 5 = n(n+1)/4
  assert.equal(wilcoxonSignedRank([-3, -2, -1, 1, 2, 3]).p, 1); // tied: V = 10.5 = mean, z = 0
  const alternating = wilcoxonSignedRank([1, -2, 3, -4, 5, -6, 7, -8]); // V = 16, mean 18
  assert.ok(alternating.p > 0.8 && alternating.p <= 1, `p = ${alternating.p}`);
});

test('the exact two-sided p-value is never below 2/2ⁿ and reaches it when all signs agree', () => {
  for (let n = 1; n <= 20; n++) {
    const positive = Array.from({ length: n }, (_, i) => i + 1);
    assert.equal(wilcoxonSignedRank(positive).p, Math.min(1, 2 / 2 ** n), `n = ${n}`);
    assert.equal(wilcoxonSignedRank(positive.map((v) => -v)).p, Math.min(1, 2 / 2 ** n), `n = ${n}, negative`);
    assert.equal(wilcoxonSignedRank(positive, { alternative: 'greater' }).p, 1 / 2 ** n);
  }
  const rand = mulberry32(2024);
  for (let k = 0; k < 500; k++) {
    const n = 1 + Math.floor(rand() * 15);
    const r = wilcoxonSignedRank(Array.from({ length: n }, () => rand() - 0.3));
    assert.equal(r.method, 'exact');
    assert.ok(r.p >= 2 / 2 ** n && r.p <= 1, `n = ${n}: p = ${r.p}`);
  }
});

test('non-finite values throw', () => {
  for (const bad of [NaN, Infinity, -Infinity]) assert.throws(() => wilcoxonSignedRank([1, 2, bad]), /finite/);
});

// Under the null (symmetric noise about 0), n = 12: the exact test is discrete, so its size at
// α = 0.05 is P(p < 0.05) = 2·P(V ≤ 13) = 174/4096 = 0.0425, below α. 4000 fixed-seed tries;
// the rejection rate must stay at about α or below (α + 2 standard errors of a 5 % rate) and near
// the exact size (within 4 standard errors).
test('simulation: the two-sided exact test keeps its level under the null (n = 12, 4000 tries)', () => {
  const n = 12;
  const counts = signedRankCounts(n);
  let size = 0;
  for (let v = 0; v < counts.length; v++) {
    const lower = counts.slice(0, v + 1).reduce((a, b) => a + b, 0) / 2 ** n;
    const upper = counts.slice(v).reduce((a, b) => a + b, 0) / 2 ** n;
    if (Math.min(1, 2 * Math.min(lower, upper)) < 0.05) size += counts[v]! / 2 ** n;
  }
  close(size, 174 / 4096);

  const rand = mulberry32(20240611);
  const tries = 4000;
  let rejections = 0;
  for (let k = 0; k < tries; k++) {
    const r = wilcoxonSignedRank(Array.from({ length: n }, () => 2 * rand() - 1));
    assert.equal(r.method, 'exact');
    if (r.p < 0.05) rejections++;
  }
  const rate = rejections / tries;
  assert.ok(rate <= 0.05 + 2 * Math.sqrt((0.05 * 0.95) / tries), `rejection rate ${rate}`);
  assert.ok(Math.abs(rate - size) <= 4 * Math.sqrt((size * (1 - size)) / tries), `rate ${rate} vs exact size ${size}`);
});
