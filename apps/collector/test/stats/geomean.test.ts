import assert from 'node:assert/strict';
import { test } from 'node:test';
import { geomean } from '../../src/stats/geomean.ts';

test('geomean of positive numbers', () => {
  assert.ok(Math.abs(geomean([1, 100]) - 10) < 1e-12);
  assert.ok(Math.abs(geomean([2, 8, 4]) - 4) < 1e-12);
  assert.equal(geomean([0.5]), 0.5);
});

test('geomean refuses an empty list and values ≤ 0', () => {
  assert.throws(() => geomean([]), /empty/);
  assert.throws(() => geomean([1, 0]), /positive/);
});
