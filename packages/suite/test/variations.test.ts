import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineSetting } from '@arena/contract';
import type { Variant } from '../src/discover.ts';
import { ConfigError } from '../src/errors.ts';
import { checkSettingNames, isVariation, perCallSize, referenceParameters, slowSize, variationParameters, variationsOf } from '../src/variations.ts';
import type { Workload } from '../src/workloads.ts';

const nbody: Workload = {
  name: 'nbody',
  dir: 'packages/workloads/nbody',
  spec: {
    name: 'nbody',
    summary: 's',
    stresses: 's',
    seeded: true,
    size: { name: 'steps', max: 1e8, profiles: { default: 4000, quick: 100, article: 4000 }, slow: { default: 40, quick: 10, article: 40 }, perCall: { default: 400, quick: 200, article: 400 } },
    kernel: { export: 'nbody', params: [{ name: 'steps', type: 'u32' }], results: [{ name: 'e', type: 'f64' }] },
    answer: { type: 'f64[]', compare: 'exact' },
  },
};
const host = (settings: Variant['manifest']['settings']): Variant => ({
  name: 'go-x',
  dir: 'packages/variants/go-x',
  manifest: { command: '{pkg}/bin/go-x', wasmModules: true, nodeFlags: [], settings, summary: 's' },
  goBuilt: true,
});
const slow: EngineSetting = { kind: 'host', summary: 's', slow: true, cache: false };
const fast: EngineSetting = { kind: 'host', summary: 's', slow: false, cache: false };
const flags: EngineSetting = { kind: 'engine-flags', engine: 'v8', flags: ['--no-liftoff'], summary: 's', slow: false };

test('only settings, calls and size make a variation; its reference drops settings and calls and keeps the size', () => {
  assert.equal(isVariation({ module: 'clang', node: '20' }), false);
  for (const k of ['settings', 'calls', 'size']) assert.equal(isVariation({ module: 'clang', [k]: '1' }), true, k);
  assert.deepEqual(referenceParameters({ module: 'clang', settings: 'interpreter', size: '40', go: '1.26' }), { module: 'clang', size: '40', go: '1.26' });
  assert.deepEqual(referenceParameters({ calls: '20', size: '400' }), { size: '400' });
  assert.equal(referenceParameters({ module: 'clang', size: '40' }), undefined, 'a sized default is a reference itself');
});

test("the slow and per-call sizes come from the spec for the run's profile (precise: default's), never above the run's size", () => {
  const sizes = (n: number) => ({ nbody: n });
  assert.equal(slowSize(nbody, { profile: 'default', sizes: sizes(4000) }), 40);
  assert.equal(slowSize(nbody, { profile: 'precise', sizes: sizes(4000) }), 40);
  assert.equal(slowSize(nbody, { profile: 'quick', sizes: sizes(100) }), 10);
  assert.equal(perCallSize(nbody, { profile: 'quick', sizes: sizes(100) }), 100, 'BENCH_SIZE or the profile below size.perCall wins');
  const plain: Workload = { ...nbody, spec: { ...nbody.spec, size: { name: 'steps', max: 1e8, profiles: nbody.spec.size.profiles } } };
  assert.equal(slowSize(plain, { profile: 'default', sizes: sizes(4000) }), 4000, 'a spec without size.slow: the run size');
});

test('variations: plain first; each selected setting its engine takes (slow ones at size.slow, beside the defaults there); warm calls at size.perCall beside one call; duplicates merged', () => {
  const v = host({ interpreter: slow, cache: fast, 'no-liftoff': flags });
  const config = { profile: 'default', sizes: { nbody: 4000 }, settings: 'all' as const, calls: [1, 5, 20] };
  assert.deepEqual(variationsOf(v, nbody, config, undefined).map(variationParameters), [
    {},
    { size: '40' },
    { settings: 'interpreter', size: '40' },
    { settings: 'cache' },
    { size: '400' },
    { calls: '5', size: '400' },
    { calls: '20', size: '400' },
  ]);
  assert.deepEqual(variationsOf(v, nbody, { ...config, settings: ['no-liftoff'], calls: null }, 'v8').map(variationParameters), [{}, { settings: 'no-liftoff' }], 'engine flags on their engine');
  assert.deepEqual(variationsOf(v, nbody, { ...config, settings: ['no-liftoff'], calls: null }, 'jsc').map(variationParameters), [{}], 'not on another engine');
  assert.deepEqual(variationsOf(v, nbody, { ...config, settings: null, calls: null }, undefined).map(variationParameters), [{}], 'nothing asked: the plain run alone');
});

test('BENCH_SETTINGS names must be declared by a variant run: an unknown one is a usage error naming the declared ones', () => {
  const variants = [host({ interpreter: slow }), host({ 'no-liftoff': flags })];
  checkSettingNames({ settings: ['interpreter'] }, variants);
  checkSettingNames({ settings: 'all' }, variants);
  checkSettingNames({ settings: null }, []);
  assert.throws(
    () => checkSettingNames({ settings: ['interpreter', 'pully'] }, variants),
    (e: unknown) => e instanceof ConfigError && e.message === 'BENCH_SETTINGS names no declared setting: pully (declared by the variants run: interpreter, no-liftoff)',
  );
});
