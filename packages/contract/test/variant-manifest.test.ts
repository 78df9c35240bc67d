import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { isNodeCommand, variantManifest } from '../src/variant-manifest.ts';

const base = { command: '{pkg}/bin/x', summary: 's', wasmModules: true };

const errorOf = (arena: unknown) => {
  const r = variantManifest.safeParse(arena);
  return r.success ? undefined : z.prettifyError(r.error);
};

test('nodeFlags defaults to none', () => {
  assert.deepEqual(variantManifest.parse({ command: 'node {pkg}/dist/main.js', summary: 's' }).nodeFlags, []);
});

test('a Node variant lists the flags it wants in nodeFlags', () => {
  const m = variantManifest.parse({ command: 'node {pkg}/dist/main.js', nodeFlags: ['--experimental-wasm-inlining', '--disable-warning=ExperimentalWarning'], summary: 's' });
  assert.deepEqual(m.nodeFlags, ['--experimental-wasm-inlining', '--disable-warning=ExperimentalWarning']);
});

test('flags written into a node command are refused: they belong in nodeFlags', () => {
  assert.match(errorOf({ command: 'node --experimental-wasm-inlining {pkg}/dist/main.js', summary: 's' })!, /put Node flags in nodeFlags[\s\S]*command/);
});

test('nodeFlags on a command that is not node is refused', () => {
  assert.match(errorOf({ command: '{pkg}/bin/x', nodeFlags: ['--x'], summary: 's' })!, /nodeFlags needs a command that starts with `node`/);
});

test('a flag is one word starting with a dash', () => {
  assert.match(errorOf({ command: 'node {pkg}/dist/main.js', nodeFlags: ['--a --b'], summary: 's' })!, /a flag is one word/);
  assert.match(errorOf({ command: 'node {pkg}/dist/main.js', nodeFlags: ['inlining'], summary: 's' })!, /a flag is one word/);
});

test('a command whose first word is node is a Node variant', () => {
  assert.equal(isNodeCommand('node {pkg}/dist/main.js'), true);
  assert.equal(isNodeCommand('{pkg}/bin/go-native'), false);
  assert.equal(isNodeCommand('nodejs x.js'), false);
});

test("twin names a wasm host's native twin, and is optional", () => {
  assert.equal(variantManifest.parse({ command: '{pkg}/bin/go-wazero', wasmModules: true, twin: 'go-native', summary: 's' }).twin, 'go-native');
  assert.equal(variantManifest.parse({ command: '{pkg}/bin/go-wazero', wasmModules: true, summary: 's' }).twin, undefined);
});

test('twin is only allowed with wasmModules: true, and is a variant name', () => {
  assert.match(errorOf({ command: '{pkg}/bin/go-native', twin: 'c-native', summary: 's' })!, /twin names the native twin of a wasm host: it needs wasmModules: true[\s\S]*twin/);
  assert.match(errorOf({ command: '{pkg}/bin/x', wasmModules: true, twin: 'Go Native', summary: 's' })!, /a variant name/);
});

test('settings default to none; a host setting and an engine-flags one are declared by name, slow and cache defaulting to false', () => {
  assert.deepEqual(variantManifest.parse(base).settings, {});
  const m = variantManifest.parse({
    ...base,
    command: 'node {pkg}/dist/main.js',
    settings: { 'no-liftoff': { kind: 'engine-flags', engine: 'v8', flags: ['--no-liftoff'], summary: 's' }, interp: { kind: 'host', summary: 's', slow: true } },
  });
  assert.deepEqual(m.settings, {
    'no-liftoff': { kind: 'engine-flags', engine: 'v8', flags: ['--no-liftoff'], summary: 's', slow: false },
    interp: { kind: 'host', summary: 's', slow: true, cache: false },
  });
});

test('a setting named default or not kebab-case, engine flags on a program that is not node, an unknown key or kind: refused', () => {
  const host = { kind: 'host', summary: 's' };
  for (const bad of [
    { ...base, settings: { default: host } },
    { ...base, settings: { No_Tier: host } },
    { ...base, command: '{pkg}/bin/x', settings: { x: { kind: 'engine-flags', engine: 'v8', flags: ['--x'], summary: 's' } } },
    { ...base, settings: { x: { ...host, cache: true, extra: 1 } } },
    { ...base, settings: { x: { kind: 'magic', summary: 's' } } },
    { ...base, command: 'node {pkg}/dist/main.js', settings: { x: { kind: 'engine-flags', engine: 'v8', flags: [], summary: 's' } } },
  ]) {
    assert.equal(variantManifest.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

test('counting is optional; a countable host defaults to no engine flags, arguments, children or environment', () => {
  assert.equal(variantManifest.parse(base).counting, undefined);
  assert.deepEqual(variantManifest.parse({ ...base, counting: { kind: 'countable' } }).counting, { kind: 'countable', engineFlags: {}, args: [], children: false, env: {} });
  const cluster = variantManifest.parse({
    ...base,
    command: 'node {pkg}/dist/main.js',
    counting: { kind: 'countable', engineFlags: { v8: ['--predictable'] }, args: ['--exit-workers'], children: true },
  });
  assert.deepEqual(cluster.counting, { kind: 'countable', engineFlags: { v8: ['--predictable'] }, args: ['--exit-workers'], children: true, env: {} });
  assert.deepEqual(variantManifest.parse({ ...base, counting: { kind: 'not-countable', why: 'its JIT spreads' } }).counting, { kind: 'not-countable', why: 'its JIT spreads' });
});

test('counting: engine flags on a program that is not node, a not-countable host without a reason, an unknown engine or key: refused', () => {
  for (const bad of [
    { ...base, counting: { kind: 'countable', engineFlags: { v8: ['--predictable'] } } },
    { ...base, counting: { kind: 'not-countable' } },
    { ...base, command: 'node {pkg}/dist/main.js', counting: { kind: 'countable', engineFlags: { spidermonkey: ['--x'] } } },
    { ...base, counting: { kind: 'countable', env: { 'bad name': '1' } } },
    { ...base, counting: { kind: 'countable', tool: 'callgrind' } },
  ]) {
    assert.equal(variantManifest.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.match(errorOf({ ...base, counting: { kind: 'countable', engineFlags: { v8: ['--predictable'] } } })!, /counting\.engineFlags needs a command that starts with `node`/);
});
