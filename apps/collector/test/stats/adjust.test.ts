import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benjaminiHochberg, holm, rejected } from '../../src/stats/adjust.ts';
import { wilcoxonSignedRank } from '../../src/stats/signed-rank.ts';

const closeAll = (actual: readonly number[], expected: readonly number[], relTol = 1e-12) => {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    assert.ok(Math.abs(a - expected[i]!) <= relTol * Math.abs(expected[i]!), `[${i}]: ${a} is not within ${relTol} (relative) of ${expected[i]}`);
  });
};
const count = (flags: readonly boolean[]) => flags.filter(Boolean).length;

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

// Benjamini & Hochberg (1995), "Controlling the false discovery rate", J. R. Statist. Soc. B 57(1),
// section 4.2: 15 ordered p-values of a myocardial-infarction study. At q = 0.05 the FDR procedure
// rejects the 4 smallest (p₍₄₎ = 0.0095 ≤ 4/15·0.05, while p₍ⱼ₎ > j/15·0.05 for every j ≥ 5);
// Bonferroni-type procedures reject 3 (p₍₃₎ = 0.0019 ≤ 0.05/13, p₍₄₎ = 0.0095 > 0.05/12 stops Holm).
const BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

// By hand, R's formulas: Holm = cummax((m − i + 1)·p₍ᵢ₎) capped at 1; BH = cummin from the top of (m/i)·p₍ᵢ₎.
const HOLM_1995 = [
  15 * 0.0001, // 0.0015
  14 * 0.0004, // 0.0056
  13 * 0.0019, // 0.0247
  12 * 0.0095, // 0.114
  11 * 0.0201, // 0.2211
  10 * 0.0278, // 0.278
  10 * 0.0278, // 9·0.0298 = 0.2682 < 0.278: the running maximum
  10 * 0.0278, // 8·0.0344 = 0.2752 < 0.278
  7 * 0.0459, // 0.3213
  1,
  1,
  1,
  1,
  1,
  1, // 6·0.324 = 1.944 and beyond: capped
];
const BH_ADJUSTED_1995 = [
  15 * 0.0001, // 0.0015
  7.5 * 0.0004, // 0.003
  5 * 0.0019, // 0.0095
  3.75 * 0.0095, // 0.035625
  3 * 0.0201, // 0.0603
  (15 / 7) * 0.0298, // 0.0638571…: 15/6·0.0278 = 0.0695 takes the smaller value above it
  (15 / 7) * 0.0298, // 0.0638571…
  1.875 * 0.0344, // 0.0645
  (15 / 9) * 0.0459, // 0.0765
  1.5 * 0.324, // 0.486
  (15 / 11) * 0.4262, // 0.581181…
  1.25 * 0.5719, // 0.714875
  (15 / 13) * 0.6528, // 0.753230…
  (15 / 14) * 0.759, // 0.813214…
  1,
];

test('Benjamini & Hochberg (1995) §4.2: BH rejects 4, Bonferroni and Holm reject 3 at 0.05', () => {
  const bh = benjaminiHochberg(BH_1995);
  const h = holm(BH_1995);
  const bonferroni = BH_1995.map((p) => Math.min(1, p * BH_1995.length));
  assert.deepEqual(
    rejected(bh, 0.05),
    BH_1995.map((_, i) => i < 4),
  );
  assert.deepEqual(
    rejected(h, 0.05),
    BH_1995.map((_, i) => i < 3),
  );
  assert.equal(count(rejected(bonferroni, 0.05)), 3);
});

test('Benjamini & Hochberg (1995) §4.2: adjusted values as computed by hand', () => {
  const h = holm(BH_1995);
  const bh = benjaminiHochberg(BH_1995);
  closeAll(h, HOLM_1995);
  closeAll(bh, BH_ADJUSTED_1995);
  closeAll([h[0]!, bh[3]!, bh[4]!], [0.0015, 0.035625, 0.0603]);
  assert.equal(bh[14], 1);
  assert.equal(h[9], 1);
});

test('adjusted values come back in input order when the input is shuffled', () => {
  const rand = mulberry32(99);
  const order = BH_1995.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  assert.notDeepEqual(
    order,
    BH_1995.map((_, i) => i),
  );
  const shuffled = order.map((i) => BH_1995[i]!);
  assert.deepEqual(
    holm(shuffled),
    order.map((i) => holm(BH_1995)[i]!),
  );
  assert.deepEqual(
    benjaminiHochberg(shuffled),
    order.map((i) => benjaminiHochberg(BH_1995)[i]!),
  );
  assert.deepEqual(
    rejected(benjaminiHochberg(shuffled), 0.05),
    order.map((i) => i < 4),
  );
});

test('edge cases: empty, single, ties, cap at 1, strict rejection, invalid input', () => {
  assert.deepEqual(holm([]), []);
  assert.deepEqual(benjaminiHochberg([]), []);
  assert.deepEqual(holm([0.03]), [0.03]);
  assert.deepEqual(benjaminiHochberg([0.03]), [0.03]);
  // Tied p-values get the same adjusted value whatever their position.
  closeAll(holm([0.02, 0.01, 0.02]), [0.04, 0.03, 0.04]); // 3·0.01, then 2·0.02, then max(0.04, 1·0.02)
  closeAll(benjaminiHochberg([0.02, 0.01, 0.02]), [0.02, 0.02, 0.02]); // from the top: 0.02, min(0.02, 1.5·0.02), min(0.02, 3·0.01)
  assert.deepEqual(holm([0.5, 0.6]), [1, 1]);
  assert.deepEqual(benjaminiHochberg([0.9, 0.95, 1]), [1, 1, 1]);
  assert.deepEqual(rejected([0.05, 0.0499, 0.2], 0.05), [false, true, false]);
  for (const bad of [NaN, -0.1, 1.5]) {
    assert.throws(() => holm([0.1, bad]), /\[0, 1\]/);
    assert.throws(() => benjaminiHochberg([bad]), /\[0, 1\]/);
  }
});

// 2000 fixed-seed families of 20 null tests each (the two-sided exact signed-rank test of n = 12
// symmetric noise values): Holm must keep the family-wise error rate at most α = 0.05 (plus 2
// standard errors of a 5 % rate, for the simulation), while unadjusted testing of the same p-values
// rejects something in most families (≈ 1 − (1 − 0.0425)²⁰ ≈ 0.58), so the check has teeth. Under this
// complete null every rejection is false, so BH's FDR is its family-wise rate and obeys the same bound.
test('simulation: Holm keeps the family-wise error rate ≤ 5 % over 2000 null families of 20 tests', () => {
  const rand = mulberry32(1995);
  const families = 2000;
  let holmAny = 0;
  let bhAny = 0;
  let rawAny = 0;
  for (let f = 0; f < families; f++) {
    const p = Array.from({ length: 20 }, () => wilcoxonSignedRank(Array.from({ length: 12 }, () => 2 * rand() - 1)).p);
    if (rejected(holm(p), 0.05).some(Boolean)) holmAny++;
    if (rejected(benjaminiHochberg(p), 0.05).some(Boolean)) bhAny++;
    if (p.some((v) => v < 0.05)) rawAny++;
  }
  const bound = 0.05 + 2 * Math.sqrt((0.05 * 0.95) / families);
  assert.ok(holmAny / families <= bound, `Holm FWER ${holmAny / families}`);
  assert.ok(bhAny / families <= bound, `BH FWER under the complete null ${bhAny / families}`);
  assert.ok(rawAny / families > 0.4, `unadjusted FWER ${rawAny / families}`);
});
