// dist/manifest.json has the shape the harness expects and tells the truth about each file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { distDir, producers, readManifest, wasmExports, workloads } from './helpers.ts';

const manifest = readManifest();
const BUILT_KEYS = ['workload', 'producer', 'status', 'file', 'compiler', 'flags', 'sizeBytes', 'sha256', 'exports', 'imports', 'execModel'];
const SKIPPED_KEYS = ['workload', 'producer', 'status', 'reason'];

test('schemaVersion is 2 and every workload appears with every declared producer once, in declared order, clang (the default module) first', () => {
  assert.deepEqual(Object.keys(manifest).sort(), ['modules', 'schemaVersion']);
  assert.equal(manifest.schemaVersion, 2);
  assert.deepEqual(
    manifest.modules.map((m) => `${m.workload}/${m.producer}`),
    [...workloads.keys()].flatMap((w) => producers.map((p) => `${w}/${p.name}`)),
  );
  assert.equal(producers[0]?.name, 'clang');
});

test("a skipped module says why: the spec's reason, a missing source, or (an optional producer) its missing compiler", () => {
  for (const m of manifest.modules) {
    if (m.status !== 'skipped') continue;
    assert.deepEqual(Object.keys(m).sort(), [...SKIPPED_KEYS].sort());
    const unsupported = workloads.get(m.workload)?.spec.unsupported?.[m.producer];
    if (unsupported !== undefined) assert.equal(m.reason, unsupported);
    else if (m.reason === producers.find((p) => p.name === m.producer && !p.required)?.unavailable()) continue;
    else assert.match(m.reason, /^no \S+ source: packages\/workloads\/\S+ is missing$/, `${m.workload}/${m.producer}`);
  }
});

for (const m of manifest.modules) {
  if (m.status !== 'built') continue;
  test(`${m.workload}/${m.producer}: the manifest entry matches dist/${m.file}`, () => {
    assert.deepEqual(Object.keys(m).sort(), [...BUILT_KEYS].sort());
    assert.equal(m.file, `${m.workload}/${m.producer}.wasm`);
    const bytes = readFileSync(`${distDir}${m.file}`);
    assert.equal(m.sizeBytes, bytes.length);
    assert.equal(m.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.ok(m.compiler.length > 0, 'compiler version recorded');
    assert.ok(m.flags.length > 0, 'flags recorded');

    const mod = new WebAssembly.Module(bytes);
    assert.deepEqual(
      m.exports,
      WebAssembly.Module.exports(mod).map((e) => e.name),
    );
    assert.deepEqual(
      m.imports,
      WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`),
    );
    const spec = workloads.get(m.workload)!.spec;
    for (const name of wasmExports(spec)) {
      assert.equal(WebAssembly.Module.exports(mod).find((e) => e.name === name)?.kind, 'function', `exports a ${name} function`);
    }
    assert.ok(m.exports.includes('memory'), "exports memory (node:wasi's initialize() needs it)");
    // Every host calls _initialize first, so each module must be a reactor.
    assert.equal(m.execModel, 'reactor');
    assert.ok(m.exports.includes('_initialize'));
    assert.ok(!m.exports.includes('_start'));
    // A WASI preview1 host provides nothing else.
    for (const imp of m.imports) assert.match(imp, /^wasi_snapshot_preview1\./);
  });
}
