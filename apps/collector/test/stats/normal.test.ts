import assert from 'node:assert/strict';
import { test } from 'node:test';
import { erfc, normalSf } from '../../src/stats/normal.ts';

// Standard normal upper-tail probabilities (Abramowitz & Stegun, table 26.1; scipy.stats.norm.sf).
const table: Array<[number, number]> = [
  [0, 0.5],
  [1, 0.15865525393145707],
  [1.959963984540054, 0.025],
  [3, 0.0013498980316301035],
  [5, 2.866515718791939e-7],
  [8, 6.22096057427178e-16],
];

test('normalSf matches tabulated tail probabilities', () => {
  for (const [z, p] of table) {
    assert.ok(Math.abs(normalSf(z) - p) <= 1e-12 * p, `sf(${z}) = ${normalSf(z)}, expected ${p}`);
    assert.ok(Math.abs(normalSf(-z) - (1 - p)) <= 1e-12, `sf(${-z})`);
  }
});

test('erfc at the edges', () => {
  assert.equal(erfc(0), 1);
  assert.equal(erfc(Infinity), 0);
  assert.equal(erfc(-Infinity), 2);
  assert.ok(Math.abs(erfc(0.5) - 0.4795001221869535) < 1e-15);
});
