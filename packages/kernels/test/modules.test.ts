// Every module the manifest says was built computes its workload's reference bits under a WASI
// preview1 host, through the wasm interface of packages/workloads/HOSTS.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { call, cases, distDir, instantiate, loadReference, producers, readManifest, wasmExports, workloads } from './helpers.ts';

const modules = readManifest().modules;
const built = modules.flatMap((m) => (m.status === 'built' ? [m] : []));

test("every workload has each required producer's module, unless its spec or sources say why not", () => {
  for (const [name] of workloads) {
    for (const p of producers.filter((x) => x.required)) {
      const m = modules.find((x) => x.workload === name && x.producer === p.name);
      assert.ok(m !== undefined, `${name}/${p.name} is in the manifest`);
      if (m.status === 'skipped') assert.doesNotMatch(m.reason, /not found on PATH/, `${name}/${p.name}: a required compiler is missing`);
    }
  }
  assert.ok(
    built.some((m) => m.workload === 'fib' && m.producer === 'clang'),
    'fib/clang (the default module) is built',
  );
});

for (const m of built) {
  test(`${m.workload}/${m.producer}: ${m.file} under node:wasi computes the reference bits`, async () => {
    const w = workloads.get(m.workload);
    assert.ok(w !== undefined, `${m.workload} is a workload folder`);
    const reference = await loadReference(w);
    const instance = await instantiate(`${distDir}${m.file}`);
    for (const name of wasmExports(w.spec)) assert.equal(typeof instance.exports[name], 'function', `exports ${name}`);
    for (const [size, seed] of cases(w.spec)) {
      assert.deepEqual(call(instance, w.spec, size, seed), reference(size, seed), `size ${size}, seed ${seed}`);
    }
  });
}
