import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Variant } from '@arena/suite';
import { goBuildOutputs } from '../src/go-builds.ts';

const variant = (name: string, goBuilt: boolean, wasmModules = false, command = `{pkg}/bin/${name}`): Variant => ({
  name,
  dir: `packages/variants/${name}`,
  manifest: { command, wasmModules, nodeFlags: [], settings: {}, summary: name },
  goBuilt,
});

test("a toolchain's build:go must leave each Go-built program under bin/go/<version>/, and the Go module when a WASI variant runs", () => {
  const go = { line: '1.27', version: 'go1.27.3', isDefault: false };
  assert.deepEqual(goBuildOutputs([variant('go-native', true), variant('c-native', false)], go), ['packages/variants/go-native/bin/go/go1.27.3/go-native']);
  assert.deepEqual(goBuildOutputs([variant('threads-wasi', false, true, 'node {pkg}/dist/main.js'), variant('go-wazero', true, true)], go), [
    'packages/variants/go-wazero/bin/go/go1.27.3/go-wazero',
    'packages/kernels/dist/go/go1.27.3/manifest.json',
  ]);
});
