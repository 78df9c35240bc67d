import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactRank, oneSampleShift, signedRankCounts, twoSampleShift } from '../../src/report/hodges-lehmann.ts';
import { mannWhitneyU, uCounts } from '../../src/stats/mann-whitney.ts';

const close = (actual: number, expected: number, tol = 1e-9) => assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

// Two-sided 5 % critical values of the printed Wilcoxon signed-rank table (reject when T ≤ value).
const SIGNED_RANK_CRITICAL: Array<[number, number]> = [
  [6, 0],
  [7, 2],
  [8, 3],
  [9, 5],
  [10, 8],
  [12, 13],
  [15, 25],
  [20, 52],
  [25, 89],
  [30, 137],
];
// Two-sided 5 % critical values of the printed Mann-Whitney U table.
const RANK_SUM_CRITICAL: Array<[number, number, number]> = [
  [4, 4, 0],
  [6, 7, 6],
  [8, 8, 13],
  [5, 10, 8],
  [9, 9, 17],
  [10, 10, 23],
  [20, 20, 127],
];

test('signed-rank null distribution: 2ⁿ arrangements, symmetric, and the printed critical values', () => {
  assert.deepEqual([...signedRankCounts(3)], [1, 1, 1, 2, 1, 1, 1]); // subsets of {1,2,3} by sum
  const c = signedRankCounts(12);
  assert.equal(
    c.reduce((a, b) => a + b, 0),
    2 ** 12,
  );
  assert.deepEqual([...c], [...c].reverse());
  for (const [n, critical] of SIGNED_RANK_CRITICAL) assert.equal(exactRank(signedRankCounts(n), 0.05).rank - 1, critical, `n = ${n}`);
  // Below n = 6 no pair of order statistics reaches 95 %: the whole range, at a lower confidence.
  const five = exactRank(signedRankCounts(5), 0.05);
  assert.equal(five.rank, 1);
  close(five.confidence, 1 - 2 / 32);
});

test('rank-sum critical values from the Mann-Whitney distribution match the printed table', () => {
  for (const [m, n, critical] of RANK_SUM_CRITICAL) assert.equal(exactRank(uCounts(m, n), 0.05).rank - 1, critical, `${m}, ${n}`);
});

// statease's wilcoxon_interpret docs (R's wilcox.test underneath): x − y paired, n = 7, "95% CI : [-2.500, 15.000]".
test('one sample, exact: the statease example', () => {
  const x = [23, 45, 12, 67, 34, 89, 56];
  const y = [19, 38, 22, 51, 29, 74, 44];
  const r = oneSampleShift(x.map((v, i) => v - y[i]!));
  assert.equal(r.method, 'exact');
  assert.deepEqual([r.low, r.high], [-2.5, 15]);
  assert.equal(r.estimate, 8.25); // median of the 28 Walsh averages
  close(r.confidence, 1 - 6 / 128); // 1 − 2·P(V ≤ 2), n = 7
});

// SAS PROC NPAR1WAY HL output: R's ?wilcox.test chorioamnion data (DescrTab2's SAS reference,
// "Location Shift (Ctrl - Trt) -0.3050, 95% Confidence Limits -0.7600 0.1700", asymptotic Moses),
// and the Hollander–Wolfe data of CAMIS (A − B: 0.5600, Moses -0.3700 1.1830; R: 0.5600562,
// -0.3699774 1.1829708).
const TRT = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
const CTRL = [1.15, 0.88, 0.9, 0.74, 1.21];
const A = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const B = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

test('two samples, asymptotic: SAS Moses limits', () => {
  const c = twoSampleShift(CTRL, TRT, { method: 'asymptotic' });
  close(c.estimate, -0.305);
  close(c.low, -0.76);
  close(c.high, 0.17);
  const h = twoSampleShift(A, B, { method: 'asymptotic' });
  close(h.estimate, 0.56);
  close(h.low, -0.37);
  close(h.high, 1.183);
  assert.equal(h.method, 'asymptotic');
});

test('two samples, exact: the interval is the set of shifts the exact rank-sum test does not reject', () => {
  const r = twoSampleShift(CTRL, TRT);
  assert.equal(r.method, 'exact');
  assert.ok(r.confidence >= 0.95);
  const p = (shift: number) =>
    mannWhitneyU(
      CTRL.map((v) => v - shift),
      TRT,
      { method: 'exact' },
    ).p;
  for (const [shift, inside] of [
    [r.low - 1e-6, false],
    [r.low + 1e-6, true],
    [r.estimate, true],
    [r.high - 1e-6, true],
    [r.high + 1e-6, false],
  ] as const) {
    assert.equal(p(shift) > 0.05, inside, `shift ${shift}: p = ${p(shift)}`);
  }
});

/** The exact two-sided signed-rank p-value by enumerating all 2ⁿ signs (n ≤ 14). */
function signedRankP(d: number[]): number {
  const ranks = d.map((v) => Math.abs(v)).map((a, _, all) => all.filter((b) => b < a).length + 1);
  const v = d.reduce((s, x, i) => s + (x > 0 ? ranks[i]! : 0), 0);
  const total = (d.length * (d.length + 1)) / 2;
  let extreme = 0;
  for (let mask = 0; mask < 2 ** d.length; mask++) {
    let s = 0;
    for (let i = 0; i < d.length; i++) if (mask & (1 << i)) s += ranks[i]!;
    if (Math.abs(s - total / 2) >= Math.abs(v - total / 2) - 1e-9) extreme++;
  }
  return extreme / 2 ** d.length;
}

test('one sample, exact: the interval is the set of centres the enumerated signed-rank test does not reject', () => {
  const d = A.map((v, i) => v - B[i]!); // Hollander & Wolfe's depression scores, paired
  const r = oneSampleShift(d);
  close(r.estimate, 0.46); // the median of the 45 Walsh averages, R's exact (pseudo)median
  for (const [centre, inside] of [
    [r.low - 1e-6, false],
    [r.low + 1e-6, true],
    [r.high - 1e-6, true],
    [r.high + 1e-6, false],
  ] as const) {
    assert.equal(signedRankP(d.map((v) => v - centre)) > 0.05, inside, `centre ${centre}`);
  }
});

test('large samples switch to the normal approximation, which lands within a rank of the exact one', () => {
  const d = Array.from({ length: 40 }, (_, i) => Math.sin(i * 7.3) + i / 100);
  const exact = oneSampleShift(d);
  const approx = oneSampleShift(d, { method: 'asymptotic' });
  const walsh = d.flatMap((a, i) => d.slice(i).map((b) => (a + b) / 2)).sort((a, b) => a - b);
  assert.ok(Math.abs(walsh.indexOf(exact.low) - walsh.indexOf(approx.low)) <= 1);
  assert.equal(oneSampleShift([...d, ...d.map((x) => x + 0.001)]).method, 'asymptotic'); // 80 > 50 values
  assert.equal(
    twoSampleShift(
      d,
      [...d, ...d].map((x) => x * 1.5),
    ).method,
    'asymptotic',
  );
});

test('empty or non-finite samples throw', () => {
  assert.throws(() => oneSampleShift([]), /at least one value/);
  assert.throws(() => twoSampleShift([1], [NaN]), /finite/);
});
