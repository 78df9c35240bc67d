import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fibonacci } from '../src/fibonacci.js';

it('matches the iterative sequence for 0..25, base cases 0 and 1', () => {
  let [a, b] = [0, 1];
  for (let n = 0; n <= 25; n++) {
    assert.equal(fibonacci(n), a, `fibonacci(${n})`);
    [a, b] = [b, a + b];
  }
});
