// The producer declarations (../producers/) are the only list of producers: discovery checks them,
// and turbo.json's inputs, the generator's templates and the workloads' specs follow from them.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { producer as producerName } from '@arena/contract';
import { declaredProducers, discoverWorkloads } from '@arena/workloads/scripts/discover.ts';
import { discoverProducers } from '../scripts/producers.ts';
import { readTurboJson, turboJson } from '../scripts/turbo-inputs.ts';
import { pkgDir, producers } from './helpers.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'arena-producers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('every declaration is named after its file, by the contract pattern, in a unique order; the default (clang) is first and required', () => {
  assert.deepEqual(producers.map((p) => p.name).sort(), declaredProducers()!);
  for (const p of producers) assert.ok(producerName.safeParse(p.name).success, p.name);
  assert.equal(new Set(producers.map((p) => p.order)).size, producers.length);
  assert.equal(producers[0]!.name, 'clang');
  assert.ok(producers[0]!.required);
});

test('turbo.json is what the declarations make it (pnpm --filter @arena/kernels turbo-inputs)', () => {
  assert.deepEqual(readTurboJson(), turboJson(producers));
});

test("every producer's generator template folder exists, and every workload's source sits under its declared inputs", () => {
  const templates = path.join(pkgDir, '..', '..', 'turbo', 'generators', 'templates', 'workload');
  for (const p of producers) {
    assert.ok(existsSync(path.join(templates, p.template)), `${p.name}: templates/workload/${p.template}`);
    const source = p.source('fib');
    assert.ok(
      p.inputs.some((g) => g.startsWith('*/') && source.startsWith(`fib/${g.slice(2).replace(/\*\*$/, '')}`)),
      `${p.name}: ${source} is under ${p.inputs.join(', ')}`,
    );
  }
});

test('a producer that is unavailable says why, with how to install it; a required one is available here', () => {
  for (const p of producers) {
    const why = p.unavailable();
    if (p.required) assert.equal(why, undefined, `${p.name} is required: ${why}`);
    else if (why !== undefined) assert.match(why, /\S/);
  }
});

test('discovery rejects a declaration named otherwise than its file, and a spec naming an undeclared producer', async () => {
  const dir = path.join(scratch, 'decl');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'clang-o1.ts'), "export default { name: 'clang', order: 0 };\n");
  await assert.rejects(discoverProducers(dir), /declares "clang", not its file name/);

  const root = path.join(scratch, 'repo');
  mkdirSync(path.join(root, 'packages', 'kernels', 'producers'), { recursive: true });
  writeFileSync(path.join(root, 'packages', 'kernels', 'producers', 'clang.ts'), '');
  const w = path.join(root, 'packages', 'workloads', 'w');
  mkdirSync(w, { recursive: true });
  const spec = {
    name: 'w',
    summary: 's',
    stresses: 's',
    size: { name: 'n', max: 10, profiles: { default: 1, quick: 1, article: 1 } },
    seeded: false,
    kernel: { export: 'w', params: [{ name: 'n', type: 'u32' }], results: [{ name: 'r', type: 'u32' }] },
    answer: { type: 'u32', compare: 'exact' },
    unsupported: { zig: 'no zig here' },
  };
  writeFileSync(path.join(w, 'workload.json'), JSON.stringify(spec));
  assert.throws(() => discoverWorkloads(path.join(root, 'packages', 'workloads')), /unsupported names "zig", which no packages\/kernels\/producers/);
  writeFileSync(path.join(root, 'packages', 'kernels', 'producers', 'zig.ts'), '');
  assert.equal(discoverWorkloads(path.join(root, 'packages', 'workloads'))[0]?.spec.unsupported?.zig, 'no zig here');
});
