import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { discoverVariants } from '../src/discover.ts';

test('a package with a build:go script is Go-built, and must run a program under {pkg}/bin/', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-discover-'));
  const pkg = (name: string, scripts: Record<string, string>, command: string) => {
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ name, scripts, arena: { command, summary: name } }));
  };
  pkg('go-a', { build: 'go build', 'build:go': 'sh ../../go-kit/build-go.sh' }, '{pkg}/bin/go-a');
  pkg('go-b', { build: 'go build', 'build:go': 'sh ../../go-kit/build-go.sh' }, '{pkg}/out/go-b');
  pkg('c-a', { build: 'cc' }, '{pkg}/bin/c-a');
  const { variants, broken } = discoverVariants(root, root);
  assert.deepEqual(
    variants.map((v) => [v.name, v.goBuilt]),
    [
      ['c-a', false],
      ['go-a', true],
    ],
  );
  assert.deepEqual(
    broken.map((b) => b.name),
    ['go-b'],
  );
  assert.match(broken[0]!.error, /a variant with a build:go script runs a program under \{pkg\}\/bin\//);
});

test('a declared twin must be a variant found beside it that runs no module; otherwise the wasm host is broken, named', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-discover-'));
  const pkg = (name: string, arena: Record<string, unknown>) => {
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ name, arena: { command: `node {pkg}/dist/main.js`, summary: name, ...arena } }));
  };
  pkg('a-js', {});
  pkg('a-wasi', { wasmModules: true, twin: 'a-js' });
  pkg('b-wasi', { wasmModules: true, twin: 'nope' });
  pkg('c-wasi', { wasmModules: true, twin: 'a-wasi' });
  pkg('d-js', { twin: 'a-js' });
  const { variants, broken } = discoverVariants(root, root);
  assert.deepEqual(
    variants.map((v) => [v.name, v.manifest.twin]),
    [
      ['a-js', undefined],
      ['a-wasi', 'a-js'],
    ],
  );
  assert.deepEqual(
    broken.map((b) => b.name),
    ['b-wasi', 'c-wasi', 'd-js'],
  );
  assert.equal(broken[0]!.error, 'b-wasi/package.json "arena": twin names nope, but no variant nope was found beside it');
  assert.equal(broken[1]!.error, 'c-wasi/package.json "arena": twin names a-wasi, but a-wasi runs kernel modules (wasmModules: true), so it is no native twin');
  assert.match(broken[2]!.error, /^d-js\/package\.json "arena": .*twin names the native twin of a wasm host: it needs wasmModules: true/s);
});

test('splitSkipped: a producer skipped for every workload is unavailable (said once); skipped for some, a gap per workload', async () => {
  const { splitSkipped } = await import('../src/discover.ts');
  const built = [
    { producer: 'clang', workload: 'fib' },
    { producer: 'assemblyscript', workload: 'fib' },
  ] as Parameters<typeof splitSkipped>[0];
  const skipped = [
    { producer: 'tinygo', workload: 'fib', reason: 'tinygo not found' },
    { producer: 'tinygo', workload: 'nbody', reason: 'tinygo not found' },
    { producer: 'assemblyscript', workload: 'nbody', reason: 'no as/ kernel' },
  ];
  assert.deepEqual(splitSkipped(built, skipped), {
    skipped: [{ producer: 'assemblyscript', workload: 'nbody', reason: 'no as/ kernel' }],
    unavailable: [{ producer: 'tinygo', reason: 'tinygo not found' }],
  });
});
