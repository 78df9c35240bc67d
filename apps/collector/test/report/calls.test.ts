import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { nsPerCall, streamedWorkloads } from '../../src/report/calls.ts';

test('nanoseconds per call', () => {
  assert.equal(nsPerCall(0.5, 200_000), 2500);
});

test('the streamed workloads are read from packages/workloads; outside a checkout there are none', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-calls-'));
  writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
  const spec = (name: string, input?: object) => ({
    name,
    summary: 's',
    stresses: 's',
    size: { name: 'n', max: 10, profiles: { default: 5, quick: 1, article: 5 } },
    seeded: false,
    kernel: { export: name.replace('-', '_'), params: [{ name: 'n', type: 'u32' }], results: [{ name: 'r', type: 'u32' }] },
    answer: { type: 'u32', compare: 'exact' },
    ...(input ? { input } : {}),
  });
  for (const [name, input] of [
    ['fib', undefined],
    ['chunk-hash', { kind: 'stream', chunkBytes: 1024 }],
  ] as const) {
    mkdirSync(path.join(root, 'packages', 'workloads', name), { recursive: true });
    writeFileSync(path.join(root, 'packages', 'workloads', name, 'workload.json'), JSON.stringify(spec(name, input)));
  }
  assert.deepEqual([...streamedWorkloads(root)], ['chunk-hash']);
  assert.deepEqual([...streamedWorkloads(path.join(root, 'nowhere'))], []);
});
