import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleTree, startSampler, type TreeReader } from '../../src/memory/sampler.ts';

test('sampleTree sums the PSS of every process of the tree; a process gone meanwhile counts 0', () => {
  const reader: TreeReader = { tree: () => [1, 2, 3], pss: (pid) => (pid === 3 ? null : pid * 100) };
  assert.equal(sampleTree(1, reader), 300);
});

test('startSampler keeps the largest sum it saw, sampling until stopped', async () => {
  // Made-up tree whose total grows to 900 on the third sample, then falls.
  const totals = [100, 400, 900, 300, 200];
  let call = 0;
  const reader: TreeReader = { tree: () => [7], pss: () => totals[Math.min(call++, totals.length - 1)]! };
  const sampler = startSampler(7, { intervalMs: 1, reader });
  await new Promise((r) => setTimeout(r, 60));
  const seen = sampler.stop();
  assert.equal(seen.peakBytes, 900);
  assert.ok(seen.samples >= totals.length, `sampled ${seen.samples} times`);
  const after = call;
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(call, after, 'no sample after stop');
});
