import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { callsPerWorker, discoverWorkloads, loadReference } from '../src/workloads.ts';
import { repoRoot } from '../src/root.ts';

const root = repoRoot(import.meta.dirname);

test("the repository's workloads are discovered, sorted, with their sizes per profile; a folder without workload.json (stream/) is not one", async () => {
  const { workloads, broken } = discoverWorkloads(root);
  assert.deepEqual(broken, []);
  const names = workloads.map((w) => w.name);
  assert.deepEqual(names, [...names].sort());
  assert.ok(!names.includes('stream'));
  const byName = new Map(workloads.map((w) => [w.name, w]));
  assert.deepEqual(
    ['fib', 'nbody', 'chunk-hash'].map((n) => byName.get(n)).map((w) => [w?.name, w?.dir, w?.spec.size.name, w?.spec.size.profiles.default]),
    [
      ['fib', 'packages/workloads/fib', 'n', 40],
      ['nbody', 'packages/workloads/nbody', 'steps', 4000000],
      ['chunk-hash', 'packages/workloads/chunk-hash', 'chunks', byName.get('chunk-hash')?.spec.size.profiles.default],
    ],
  );
  const fib = await loadReference(root, byName.get('fib')!);
  assert.equal(fib(30, 0), 832040);
  const nbody = await loadReference(root, byName.get('nbody')!);
  assert.deepEqual(
    (nbody(1000, 0) as number[]).map((e) => e.toFixed(9)),
    ['-0.169075164', '-0.169087605'],
  );
  // FNV-1a of the first 1 KiB of seed 0's stream (computed apart, in Python).
  assert.equal((await loadReference(root, byName.get('chunk-hash')!))(1, 0), 1599734575);
});

test('callsPerWorker: size (one call per chunk) for a streamed workload, null for one computed in one call', () => {
  const { workloads } = discoverWorkloads(root);
  const spec = (name: string) => workloads.find((w) => w.name === name)!.spec;
  assert.equal(callsPerWorker(spec('chunk-hash'), 5000), 5000);
  assert.equal(callsPerWorker(spec('fib'), 40), null);
  assert.equal(callsPerWorker(spec('nbody'), 1000), null);
});

test('a third workload is one new folder: discovered without touching anything else; a broken spec is named', async () => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'arena-workloads-'));
  cpSync(path.join(root, 'packages', 'workloads', 'fib'), path.join(copy, 'packages', 'workloads', 'fib'), { recursive: true });
  const dir = path.join(copy, 'packages', 'workloads', 'sum');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'workload.json'),
    JSON.stringify({
      name: 'sum',
      summary: 'sum of 0..n-1',
      stresses: 'a loop',
      size: { name: 'n', max: 1000, profiles: { default: 100, quick: 10, article: 100 } },
      seeded: false,
      kernel: { export: 'sum', params: [{ name: 'n', type: 'u32' }], results: [{ name: 's', type: 'u32' }] },
      answer: { type: 'u32', compare: 'exact' },
    }),
  );
  writeFileSync(path.join(dir, 'reference.ts'), 'export const reference = (n: number): number => (n * (n - 1)) / 2;\n');
  mkdirSync(path.join(copy, 'packages', 'workloads', 'bad'));
  writeFileSync(path.join(copy, 'packages', 'workloads', 'bad', 'workload.json'), '{"name": "bad"}');
  const { workloads, broken } = discoverWorkloads(copy);
  assert.deepEqual(
    workloads.map((w) => w.name),
    ['fib', 'sum'],
  );
  assert.equal((await loadReference(copy, workloads[1]!))(100, 0), 4950);
  assert.deepEqual(
    broken.map((b) => b.name),
    ['bad'],
  );
  assert.match(broken[0]!.error, /packages\/workloads\/bad\/workload\.json: /);
});
