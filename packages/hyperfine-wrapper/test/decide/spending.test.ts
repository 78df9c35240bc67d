import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alphaAtLook, crossingProbability, lookLevels, pocockBoundary } from '../../src/decide/spending.ts';
import { random } from '../../src/random.ts';

const looks = { firstLook: 6, lastLook: 20 };
const equallySpaced = (k: number) => Array.from({ length: k }, (_, i) => i + 1);

test("Pocock's constants for K equally spaced looks at α = 0.05, two-sided (Pocock 1977; Jennison & Turnbull 2000, table 2.1)", () => {
  const published: Array<[number, number]> = [
    [1, 1.96],
    [2, 2.178],
    [3, 2.289],
    [4, 2.361],
    [5, 2.413],
    [10, 2.555],
  ];
  for (const [k, c] of published) assert.ok(Math.abs(pocockBoundary(0.05, equallySpaced(k)) - c) < 1.5e-3, `K = ${k}: ${pocockBoundary(0.05, equallySpaced(k))} ≠ ${c}`);
});

test('the integration agrees with simulated random walks: looks at rounds 6..20 cross the boundary at the rate it says', () => {
  const info = Array.from({ length: 15 }, (_, i) => 6 + i);
  const c = pocockBoundary(0.01, info);
  assert.ok(Math.abs(crossingProbability(c, info) - 0.01) < 1e-6);
  const rand = random.mulberry32(11);
  const reps = 40_000;
  let crossed = 0;
  for (let r = 0; r < reps; r++) {
    let s = 0;
    for (let n = 1; n <= 20; n++) {
      s += random.normal(rand);
      if (n >= 6 && Math.abs(s / Math.sqrt(n)) >= c) {
        crossed++;
        break;
      }
    }
  }
  // 0.01 ± 3 standard errors of a binomial proportion over 40 000 walks.
  assert.ok(Math.abs(crossed / reps - 0.01) < 3 * Math.sqrt((0.01 * 0.99) / reps), `${crossed / reps}`);
});

test('every planned look gets the same nominal level, well above Bonferroni over the looks; nothing outside them', () => {
  const at6 = alphaAtLook(0.05, 6, looks);
  assert.equal(alphaAtLook(0.05, 13, looks), at6);
  assert.equal(alphaAtLook(0.05, 20, looks), at6);
  assert.ok(at6 > 0.05 / 15 && at6 < 0.05, `${at6}`);
  assert.equal(alphaAtLook(0.05, 5, looks), 0);
  assert.equal(alphaAtLook(0.05, 21, looks), 0);
  assert.equal(alphaAtLook(0, 8, looks), 0);
});

test("equivalence's one-sided level is one side of the boundary at twice the error", () => {
  const l = lookLevels(0.01, 8, looks);
  assert.equal(l.difference, alphaAtLook(0.01, 8, looks));
  assert.equal(l.equivalence, alphaAtLook(0.02, 8, looks) / 2);
  assert.ok(l.equivalence > l.difference / 2, 'a one-sided test at 2α is less strict than one side of the two-sided one at α');
});
