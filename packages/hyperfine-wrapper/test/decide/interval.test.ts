import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lookIntervals } from '../../src/decide/interval.ts';

const close = (a: number, b: number, tol = 1e-3) => assert.ok(Math.abs(a - b) < tol, `${a} ≠ ${b}`);

test("the intervals are Student-t's: half-widths t(1 − α/2, n − 1)·s/√n and t(1 − α, n − 1)·s/√n (published t: 2.776 and 2.132 at 4 df)", () => {
  const d = [0.1, 0.12, 0.08, 0.11, 0.09]; // mean 0.1, s = 0.01581
  const iv = lookIntervals(d, 0.05)!;
  const s = Math.sqrt(0.001 / 4);
  close(Math.log(iv.ratio), 0.1, 1e-12);
  close(Math.log(iv.difference.high) - 0.1, (2.776 * s) / Math.sqrt(5));
  close(0.1 - Math.log(iv.difference.low), (2.776 * s) / Math.sqrt(5));
  close(Math.log(iv.equivalence.high) - 0.1, (2.132 * s) / Math.sqrt(5));
});

test('at a smaller α the interval is wider (t(0.9995, 3) = 12.924, published)', () => {
  const d = [0, 0.02, -0.02, 0.01];
  const s = Math.sqrt((0 + 0.0004 + 0.0004 + 0.0001 - 4 * 0.0025 ** 2) / 3);
  const iv = lookIntervals(d, 0.001)!;
  close(Math.log(iv.difference.high) - 0.0025, (12.924 * s) / 2, 2e-3);
});

test('no interval from fewer than 2 rounds or with nothing to spend', () => {
  assert.equal(lookIntervals([0.1], 0.05), null);
  assert.equal(lookIntervals([0.1, 0.2], 0), null);
});
