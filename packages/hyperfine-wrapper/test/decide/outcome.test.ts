import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWrong, marginBounds, outcomeOf } from '../../src/decide/outcome.ts';

test('the margin is symmetric on the log scale: δ 2 % is [1/1.02, 1.02]', () => {
  const m = marginBounds(2);
  assert.equal(m.high, 1.02);
  assert.equal(m.low, 1 / 1.02);
});

test('equivalent when the equivalence interval lies inside the margin, and that takes precedence over a difference', () => {
  assert.equal(outcomeOf({ low: 0.99, high: 1.01 }, { low: 0.995, high: 1.005 }, 2), 'equivalent');
  // The difference interval excludes 1 too, but equivalence is decided first.
  assert.equal(outcomeOf({ low: 1.002, high: 1.01 }, { low: 1.003, high: 1.009 }, 2), 'equivalent');
});

test('faster or slower when the difference interval excludes 1 and equivalence is not shown', () => {
  assert.equal(outcomeOf({ low: 0.5, high: 0.9 }, { low: 0.55, high: 0.85 }, 2), 'faster');
  assert.equal(outcomeOf({ low: 1.01, high: 1.2 }, { low: 1.02, high: 1.15 }, 2), 'slower');
});

test('undecided when the difference interval holds 1 and the equivalence interval leaves the margin', () => {
  assert.equal(outcomeOf({ low: 0.97, high: 1.04 }, { low: 0.975, high: 1.035 }, 2), 'undecided');
});

test('a decision is wrong when the truth contradicts it: faster at 1 or above, slower at 1 or below, equivalent outside the margin', () => {
  assert.equal(isWrong('faster', 1, 2), true);
  assert.equal(isWrong('faster', 0.99, 2), false);
  assert.equal(isWrong('slower', 0.99, 2), true);
  assert.equal(isWrong('slower', 1.5, 2), false);
  assert.equal(isWrong('equivalent', 1.03, 2), true);
  assert.equal(isWrong('equivalent', 1.019, 2), false);
  assert.equal(isWrong('undecided', 5, 2), false);
});
