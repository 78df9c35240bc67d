import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Target } from '@arena/hyperfine-wrapper';
import type { Variant } from '../src/discover.ts';
import { goBuildOutputs } from '../src/go-builds.ts';
import { withoutMissingPrograms } from '../src/programs.ts';

const variant = (name: string, goBuilt: boolean, wasmModules = false, command = `{pkg}/bin/${name}`): Variant => ({
  name, dir: `packages/variants/${name}`, manifest: { command, wasmModules, nodeFlags: [], summary: name }, goBuilt,
});

test("a toolchain's build:go must leave each Go-built program under bin/go/<version>/, and the Go module when a WASI variant runs", () => {
  const go = { line: '1.27', version: 'go1.27.3', isDefault: false };
  assert.deepEqual(goBuildOutputs([variant('go-native', true), variant('c-native', false)], go), ['packages/variants/go-native/bin/go/go1.27.3/go-native']);
  assert.deepEqual(goBuildOutputs([variant('threads-wasi', false, true, 'node {pkg}/dist/main.js'), variant('go-wazero', true, true)], go), [
    'packages/variants/go-wazero/bin/go/go1.27.3/go-wazero',
    'packages/kernels/dist/go/go1.27.3/manifest.json',
  ]);
});

test('a target whose program was not built fails with the build to look at; a command on PATH or a present file is kept', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-programs-'));
  mkdirSync(path.join(root, 'bin'));
  writeFileSync(path.join(root, 'bin', 'present'), '');
  const target = (command: string, goToolchain?: string): Target => ({
    key: command, variant: 'v', parameters: {}, command, expected: { variant: 'v', n: 1, workers: 1 }, table: 't', ...(goToolchain ? { goToolchain } : {}),
  });
  const planned = { targets: [target('bin/present --n 1'), target('node x.js'), target('bin/go/go1.27.3/absent --n 1', 'go1.27.3'), target('bin/absent')], problems: [] };
  const { targets, problems } = withoutMissingPrograms(planned, root);
  assert.deepEqual(targets.map((t) => t.command), ['bin/present --n 1', 'node x.js']);
  assert.deepEqual(problems.map((p) => p.error), [
    'bin/go/go1.27.3/absent was not built by go1.27.3 (its build:go failed; see the build output above)',
    'bin/absent was not built (see the build output above)',
  ]);
});

test('discovery: a package with a build:go script is Go-built, and must run a program under {pkg}/bin/', async () => {
  const { discoverVariants } = await import('../src/discover.ts');
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-discover-'));
  const pkg = (name: string, scripts: Record<string, string>, command: string) => {
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ name, scripts, arena: { command, summary: name } }));
  };
  pkg('go-a', { build: 'go build', 'build:go': 'sh ../../go-kit/build-go.sh' }, '{pkg}/bin/go-a');
  pkg('go-b', { build: 'go build', 'build:go': 'sh ../../go-kit/build-go.sh' }, '{pkg}/out/go-b');
  pkg('c-a', { build: 'cc' }, '{pkg}/bin/c-a');
  const { variants, broken } = discoverVariants(root, root);
  assert.deepEqual(variants.map((v) => [v.name, v.goBuilt]), [['c-a', false], ['go-a', true]]);
  assert.deepEqual(broken.map((b) => b.name), ['go-b']);
  assert.match(broken[0]!.error, /a variant with a build:go script runs a program under \{pkg\}\/bin\//);
});
