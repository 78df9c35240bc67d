import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callPhases, median, runCalls } from '../src/calls.js';
import type { Job } from '../src/jobs.js';

const job = (calls: number, seed: number | null = 7): Job => ({ workload: 'w', size: 5, seed, calls, worker: 2, workers: 3 });

/** A kernel that records its calls and answers `answers[k]` on call k (0-based), the last one after. */
function kernel(...answers: number[][]) {
  const seen: Array<[number, number]> = [];
  const run = (size: number, seed: number) => {
    seen.push([size, seed]);
    return answers[Math.min(seen.length, answers.length) - 1] as number[];
  };
  return { run, seen };
}

describe('runCalls', () => {
  it('calls the kernel once for one call, without durations', () => {
    const k = kernel([42]);
    assert.deepEqual(runCalls(k.run, job(1)), { kind: 'result', value: [42] });
    assert.deepEqual(k.seen, [[5, 7]]);
  });
  it('an unseeded job calls the kernel with seed 0', () => {
    const k = kernel([1]);
    runCalls(k.run, job(1, null));
    assert.deepEqual(k.seen, [[5, 0]]);
  });
  it("calls the kernel N times with the same size and seed, and answers the first call's results with each call's duration", () => {
    const k = kernel([0.1, -0], [0.1, -0], [0.1, -0]);
    const message = runCalls(k.run, job(3));
    assert.deepEqual(k.seen, [
      [5, 7],
      [5, 7],
      [5, 7],
    ]);
    assert.equal(message.kind, 'result');
    assert.ok(Object.is(message.value[1], -0));
    assert.equal(message.callsMs?.length, 3);
    for (const ms of message.callsMs ?? []) assert.ok(ms >= 0);
  });
  it('takes NaN for NaN', () => {
    assert.deepEqual(runCalls(kernel([Number.NaN]).run, job(2)).value, [Number.NaN]);
  });
  for (const [name, answers, call] of [
    [
      'another number',
      [
        [1, 2],
        [1, 2],
        [1, 3],
      ],
      3,
    ],
    ['-0 for 0', [[0], [-0]], 2],
    ['one result fewer', [[1, 2], [1]], 2],
    ['the last bit of a double', [[0.1 + 0.2], [0.30000000000000004], [0.3]], 3],
  ] as const) {
    it(`throws naming the worker and the first call whose answer differs: ${name}`, () => {
      const k = kernel(...answers.map((a) => [...a]));
      assert.throws(() => runCalls(k.run, job(4)), { message: `worker 2 of 3: call ${call}'s answer differs from call 1's` });
      assert.equal(k.seen.length, call, 'stops at that call');
    });
  }
  it('keeps a copy of the first answer: a kernel that rewrites the array it returned is caught', () => {
    const shared = [1];
    let calls = 0;
    const rewriting = () => {
      shared[0] = ++calls === 1 ? 1 : 2;
      return shared;
    };
    assert.throws(() => runCalls(rewriting, job(2)), /call 2's answer differs from call 1's/);
  });
  it("throws a kernel's error as it comes", () => {
    assert.throws(
      () =>
        runCalls(() => {
          throw new Error('k.wasm: trap: unreachable');
        }, job(3)),
      { message: 'k.wasm: trap: unreachable' },
    );
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, whatever the order', () => {
    assert.equal(median([3]), 3);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
});

describe('callPhases', () => {
  it("gives the slowest first call and the median of every worker's later calls, pooled", () => {
    assert.deepEqual(
      callPhases([
        [10, 1, 9],
        [12, 2, 2],
      ]),
      { firstCallMs: 12, laterCallMs: 2 },
    );
    assert.deepEqual(callPhases([[7, 4]]), { firstCallMs: 7, laterCallMs: 4 });
  });
});
