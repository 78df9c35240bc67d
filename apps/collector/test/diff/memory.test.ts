import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PeakMemory } from '@arena/contract';
import { compareMemory, memoryWarning } from '../../src/diff/memory.ts';
import { makeRun } from '../fixtures/run.ts';

const peak = (bytes: number[], method: PeakMemory['method'] = 'sampled-pss'): PeakMemory => {
  const sorted = [...bytes].sort((a, b) => a - b);
  return { method, sampleIntervalMs: method === 'sampled-pss' ? 5 : null, bytes, medianBytes: sorted[1]!, minBytes: sorted[0]!, maxBytes: sorted.at(-1)! };
};

test('a memory change is flagged when the ranges do not overlap and the medians are ≥ 5 % apart', () => {
  const a = peak([100, 101, 102]);
  assert.deepEqual(compareMemory(a, peak([110, 111, 112])), { deltaPct: (111 / 101 - 1) * 100, rangesOverlap: false, significant: true });
  assert.equal(compareMemory(peak([110, 111, 112]), a)!.significant, true, 'less memory is a change too');
  // Apart, but by less than 5 %: ~.
  assert.deepEqual(compareMemory(a, peak([103, 104, 105])), { deltaPct: (104 / 101 - 1) * 100, rangesOverlap: false, significant: false });
  // 10 % apart in the median, but one run of B within A's range: ~.
  assert.equal(compareMemory(peak([100, 101, 115]), peak([111, 111, 112]))!.significant, false);
  // Touching ranges overlap.
  assert.equal(compareMemory(peak([100, 101, 110]), peak([110, 120, 121]))!.rangesOverlap, true);
  assert.equal(compareMemory(a, peak([200, 201, 202]), 150)!.significant, false, 'the threshold is a parameter');
});

test('no comparison without memory runs on both sides, or across methods', () => {
  const a = peak([100, 101, 102]);
  assert.equal(compareMemory(a, null), null);
  assert.equal(compareMemory(null, a), null);
  assert.equal(compareMemory(a, peak([200, 201, 202], 'cgroup-v2')), null);
});

test('runs measured with different methods get a warning; a run without memory does not', () => {
  const a = makeRun({ 'go-native': 0.4 });
  const b = makeRun({ 'go-native': 0.4 }, { id: 'b' });
  assert.equal(memoryWarning(a, b), null);
  for (const r of b.results) if (r.status === 'ok') r.peakMemory = { ...r.peakMemory!, method: 'cgroup-v2', sampleIntervalMs: null };
  assert.match(memoryWarning(a, b)!, /peak memory was measured by sampled-pss in A and cgroup-v2 in B: .* memory is not compared/);
  for (const r of b.results) if (r.status === 'ok') r.peakMemory = null;
  assert.equal(memoryWarning(a, b), null);
});
