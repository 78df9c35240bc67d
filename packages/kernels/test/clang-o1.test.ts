// Adding a producer is one declaration (docs/extending.md, "Adding a producer"): in a temporary copy
// of this package, a throwaway `clang-o1` (clang at -O1) declared beside the others is discovered by
// the build, which builds every workload with it; each module computes the reference bits.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';

import type { Manifest } from '../scripts/manifest.ts';
import { call, cases, instantiate, kernelsCopy, loadReference, pkgDir, workloads } from './helpers.ts';

const copy = kernelsCopy('arena-clang-o1-');
after(() => rmSync(path.dirname(copy), { recursive: true, force: true }));

test('a clang-o1 declaration, and nothing else, builds every workload; every module computes the reference bits', { timeout: 5 * 60_000 }, async () => {
  const clang = readFileSync(path.join(pkgDir, 'producers', 'clang.ts'), 'utf8');
  const declaration = clang.replace("name: 'clang'", "name: 'clang-o1'").replace('order: 0', 'order: 90').replace("'-O2'", "'-O1'").replace("once('clang'", "once('clang-o1'");
  assert.notEqual(declaration, clang);
  writeFileSync(path.join(copy, 'producers', 'clang-o1.ts'), declaration);

  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: copy, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  const manifest = JSON.parse(readFileSync(path.join(copy, 'dist', 'manifest.json'), 'utf8')) as Manifest;
  const o1 = manifest.modules.filter((m) => m.producer === 'clang-o1');
  assert.deepEqual(
    o1.map((m) => `${m.workload}/${m.status}`),
    [...workloads.keys()].map((w) => `${w}/built`),
  );
  for (const m of o1) {
    assert.ok(m.status === 'built');
    assert.ok(m.flags.includes('-O1'), m.flags.join(' '));
    const w = workloads.get(m.workload)!;
    const reference = await loadReference(w);
    const instance = await instantiate(path.join(copy, 'dist', m.file));
    for (const [size, seed] of cases(w.spec)) assert.deepEqual(call(instance, w.spec, size, seed), reference(size, seed), `${m.workload} size ${size}, seed ${seed}`);
  }
});
