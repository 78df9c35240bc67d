// radix-sort's modules beyond the common cases of modules.test.ts: sizes around the digit boundaries
// (255/256/257: one digit value short of, at and past a full count table; 65539 = 2^16 + 3) and the
// quick size, in one instance per module, growing and then small again — a kernel that keeps its
// buffers between calls must not read stale keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { distDir, instantiate, loadReference, producers, readManifest, workloads } from './helpers.ts';

const SIZES = [1, 2, 255, 256, 257, 65539, 1048576];
const SEEDS = [0, 42, 4294967295];

test("radix-sort: every producer's module computes the reference checksum, one instance for every call", async () => {
  const modules = readManifest().modules.flatMap((m) => (m.workload === 'radix-sort' && m.status === 'built' ? [m] : []));
  // Every declared producer that can build here (an optional one may be skipped, its compiler missing).
  const buildable = producers.filter((p) => p.unavailable() === undefined).map((p) => p.name);
  assert.deepEqual(
    modules.map((m) => m.producer),
    buildable,
  );
  const w = workloads.get('radix-sort');
  assert.ok(w !== undefined);
  const reference = await loadReference(w);
  const cases = SIZES.flatMap((size) => SEEDS.map((seed) => [size, seed] as const));
  const expected = cases.map(([size, seed]) => reference(size, seed)[0]);
  for (const m of modules) {
    const instance = await instantiate(`${distDir}${m.file}`);
    const radixSort = instance.exports.radix_sort as (size: number, seed: number) => number;
    assert.deepEqual(
      cases.map(([size, seed]) => radixSort(size, seed) >>> 0),
      expected,
      m.producer,
    );
    assert.equal(radixSort(257, 7) >>> 0, reference(257, 7)[0], `${m.producer}: a small call after a large one`);
  }
});
