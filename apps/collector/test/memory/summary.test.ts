import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peakMemoryOf } from '../../src/memory/summary.ts';

test('peakMemoryOf: every run in order, their median and range, the method and (sampled only) the interval', () => {
  const mib = 2 ** 20;
  assert.deepEqual(peakMemoryOf([212 * mib, 208 * mib, 215 * mib], { method: 'sampled-pss', intervalMs: 5 }), {
    method: 'sampled-pss',
    sampleIntervalMs: 5,
    bytes: [212 * mib, 208 * mib, 215 * mib],
    medianBytes: 212 * mib,
    minBytes: 208 * mib,
    maxBytes: 215 * mib,
  });
  const cg = peakMemoryOf([10, 20, 30, 40], { method: 'cgroup-v2', parent: '/cg' });
  assert.deepEqual([cg.sampleIntervalMs, cg.medianBytes, cg.minBytes, cg.maxBytes], [null, 25, 10, 40]);
  assert.throws(() => peakMemoryOf([], { method: 'cgroup-v1', parent: '/cg' }));
});
