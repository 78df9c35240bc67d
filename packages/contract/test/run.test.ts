// biome-ignore-all lint/suspicious/noExplicitAny: these tests turn valid documents into broken or older-schema ones, which no type describes
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runDocument, SCHEMA_VERSION } from '../src/run.ts';
import { fingerprintOf } from '../src/fingerprint.ts';
import { parseRunDocument, RunDocumentError } from '../src/read.ts';
import { sampleRun, sampleRunV2, sampleRunV3, sampleRunV4 } from './fixtures/run.ts';

test('accepts a run with an ok and a failed result', () => {
  const doc = runDocument.parse(sampleRun());
  assert.deepEqual(
    doc.results.map((r) => r.status),
    ['ok', 'failed'],
  );
});

test('rejects an ok result without times', () => {
  const doc = sampleRun() as any;
  delete doc.results[0].wallS.times;
  assert.equal(runDocument.safeParse(doc).success, false);
});

test('rejects a failed result without an error', () => {
  const doc = sampleRun() as any;
  delete doc.results[1].error;
  assert.equal(runDocument.safeParse(doc).success, false);
});

test('parseRunDocument names a newer schemaVersion and the file', () => {
  assert.throws(
    () => parseRunDocument({ ...sampleRun(), schemaVersion: SCHEMA_VERSION + 1 }, 'runs/x.json'),
    (e: unknown) => {
      assert.ok(e instanceof RunDocumentError);
      assert.match(e.message, /runs\/x\.json: schemaVersion 11 was written by a newer bench-arena/);
      return true;
    },
  );
});

test('parseRunDocument refuses an older version that has no migration', () => {
  assert.throws(() => parseRunDocument({ ...sampleRun(), schemaVersion: 0 }), /schemaVersion 0 is unknown and has no migration/);
});

test('parseRunDocument refuses non-documents and prints readable zod errors', () => {
  assert.throws(() => parseRunDocument([]), /not a JSON object/);
  assert.throws(() => parseRunDocument({ foo: 1 }), /no integer schemaVersion/);
  assert.throws(() => parseRunDocument({ ...sampleRun(), id: 'bad id' }), /does not match run\.schema\.json[\s\S]*id/);
});

test('rejects an ok result whose round list does not match its times', () => {
  const doc = sampleRun() as any;
  doc.results[0].wallS.round = [1, 1];
  assert.equal(runDocument.safeParse(doc).success, false);
});

test('parseRunDocument migrates version 1: blocks of roundRuns become rounds, run counts become round counts', () => {
  const v1 = sampleRunV4() as any;
  v1.schemaVersion = 1;
  v1.config = { profile: 'default', n: 40, workers: [2], warmup: 2, minRuns: 10, maxRuns: 60, targetCiPct: 1, budgetS: 60, interleave: true, roundRuns: 5 };
  v1.results[0].wallS.times = [1, 2, 3, 4, 5, 6, 7];
  delete v1.results[0].wallS.round;
  const doc = parseRunDocument(v1);
  assert.equal(doc.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual({ per: doc.config.runsPerRound, min: doc.config.minRounds, max: doc.config.maxRounds, only: doc.config.only }, { per: 5, min: 2, max: 12, only: null });
  const ok = doc.results[0]!;
  assert.equal(ok.status, 'ok');
  if (ok.status === 'ok') assert.deepEqual(ok.wallS.round, [1, 1, 1, 1, 1, 2, 2]);
});

test('a result must say its runtime: a JavaScript one with its engine, or null', () => {
  const doc = sampleRun() as any;
  delete doc.results[0].runtime;
  assert.equal(runDocument.safeParse(doc).success, false);
  const bun = sampleRun() as any;
  bun.results[1].runtime = { name: 'bun', version: '1.4.5', engine: 'jsc', engineVersion: null, flags: [] };
  assert.equal(runDocument.safeParse(bun).success, true);
  for (const bad of [
    { name: 'node', version: 'latest', engine: 'v8', engineVersion: null, flags: [] },
    { name: 'node', version: 'v24.22.3', flags: [] },
    { name: 'bun', version: '1.4.5', engine: 'spidermonkey', engineVersion: null, flags: [] },
    { name: 'Bun!', version: '1.4.5', engine: 'jsc', engineVersion: null, flags: [] },
  ]) {
    bun.results[1].runtime = bad;
    assert.equal(runDocument.safeParse(bun).success, false, JSON.stringify(bad));
  }
});

test("config.js is the BENCH_JS runtimes as <runtime>@<line>, or null for the harness's Node", () => {
  const doc = sampleRun() as any;
  doc.config.js = ['node@20', 'bun@1.4', 'deno@2.9'];
  assert.equal(runDocument.safeParse(doc).success, true);
  for (const bad of [[], ['24'], ['node@'], undefined]) {
    doc.config.js = bad;
    assert.equal(runDocument.safeParse(doc).success, false, JSON.stringify(bad));
  }
});

test('parseRunDocument migrates version 8: config.node becomes config.js, Node runtimes ran V8; keys stay', () => {
  const v8 = sampleRun() as any;
  v8.schemaVersion = 8;
  delete v8.config.js;
  v8.config.node = ['20', '24'];
  v8.results[1].runtime = { name: 'node', version: 'v20.20.2', flags: [] };
  const doc = parseRunDocument(v8);
  assert.deepEqual(doc.config.js, ['node@20', 'node@24']);
  assert.equal('node' in doc.config, false);
  assert.deepEqual(doc.results[1]!.runtime, { name: 'node', version: 'v20.20.2', engine: 'v8', engineVersion: null, flags: [] });
  assert.deepEqual(
    doc.results.map((r) => r.parameters),
    sampleRun().results.map((r) => r.parameters),
  );
  v8.config.node = null;
  assert.equal(parseRunDocument(v8).config.js, null);
});

test('parseRunDocument migrates version 9: it ran every engine at its defaults, one call per worker', () => {
  const v9 = sampleRun() as any;
  v9.schemaVersion = 9;
  delete v9.config.settings;
  delete v9.config.calls;
  const doc = parseRunDocument(v9);
  assert.equal(doc.schemaVersion, SCHEMA_VERSION);
  assert.equal(doc.config.settings, null);
  assert.equal(doc.config.calls, null);
  assert.deepEqual(doc.results, parseRunDocument(sampleRun()).results);
});

test('parseRunDocument migrates version 2: Node results ran on machine.versions.node with the flags of their command', () => {
  const doc = parseRunDocument(sampleRunV2());
  assert.equal(doc.schemaVersion, SCHEMA_VERSION);
  assert.equal(doc.config.js, null);
  const byVariant = Object.fromEntries(doc.results.map((r) => [r.variant, { parameters: r.parameters, runtime: r.runtime }]));
  assert.deepEqual(byVariant, {
    'go-native': { parameters: { go: '1.26' }, runtime: null },
    'threads-wasi': {
      parameters: { module: 'clang', node: '20' },
      runtime: { name: 'node', version: 'v20.20.2', engine: 'v8', engineVersion: null, flags: ['--disable-warning=ExperimentalWarning', '--experimental-wasm-inlining'] },
    },
    'cluster-js': { parameters: { node: '20' }, runtime: { name: 'node', version: 'v20.20.2', engine: 'v8', engineVersion: null, flags: [] } },
  });
  assert.deepEqual(doc.order, ['1:go-native [go=1.26] · fib', '1:threads-wasi [module=clang, node=20] · fib', '1:cluster-js [node=20] · fib', '2:cluster-js [node=20] · fib']);
});

test('a migrated version 2 Node result has the parameters a version 3 run gives the same target, so diffs still match rows', () => {
  const old = parseRunDocument(sampleRunV2()).results.find((r) => r.variant === 'cluster-js')!;
  const now = sampleRun().results.find((r) => r.variant === 'cluster-js')!;
  assert.deepEqual(old.parameters, now.parameters);
});

test('migrating version 2 recomputes the fingerprint without Node: two runs under different Nodes on one machine match', () => {
  const a = sampleRunV2();
  const b = sampleRunV2();
  b.machine = { ...b.machine, versions: { ...b.machine.versions, node: 'v22.23.5' }, fingerprint: 'old-and-different' };
  const [ma, mb] = [parseRunDocument(a).machine, parseRunDocument(b).machine];
  assert.equal(ma.fingerprint, mb.fingerprint);
  assert.equal(ma.fingerprint, fingerprintOf(ma));
  assert.equal(mb.versions.node, 'v22.23.5', "the harness's Node stays recorded");
});

test('parseRunDocument migrates version 3: Go variants (go-*) and the Go-compiled module were built by machine.versions.go', () => {
  const v3 = sampleRunV3();
  v3.results.push({ ...v3.results[1], variant: 'threads-wasi', parameters: { module: 'go', node: '20' } });
  v3.order.push('1:threads-wasi [module=go, node=20]');
  const doc = parseRunDocument(v3);
  assert.equal(doc.config.go, null);
  assert.deepEqual(
    doc.results.map((r) => [r.variant, r.parameters, r.goToolchain]),
    [
      ['go-native', { go: '1.26' }, 'go1.26.8'],
      ['cluster-js', { node: '20' }, null],
      ['threads-wasi', { module: 'go', node: '20', go: '1.26' }, 'go1.26.8'],
    ],
  );
  assert.deepEqual(doc.order, ['1:go-native [go=1.26] · fib', '1:cluster-js [node=20] · fib', '1:threads-wasi [module=go, node=20, go=1.26] · fib']);
  assert.deepEqual(doc.results[0]!.parameters, sampleRun().results[0]!.parameters, 'the row a version 4 run gives the same target');
});

test('migrating version 3 recomputes the fingerprint without Go: runs built by different Gos on one machine match', () => {
  const a = sampleRunV3();
  const b = sampleRunV3();
  b.machine = { ...b.machine, versions: { ...b.machine.versions, go: 'go1.27.3' }, fingerprint: 'old-and-different' };
  const [ma, mb] = [parseRunDocument(a).machine, parseRunDocument(b).machine];
  assert.equal(ma.fingerprint, mb.fingerprint);
  assert.equal(mb.versions.go, 'go1.27.3');
});

test('config.go is the BENCH_GO lines, or null for the Go on PATH; a result names its Go or null', () => {
  const doc = sampleRun() as any;
  doc.config.go = ['1.26', '1.27'];
  assert.equal(runDocument.safeParse(doc).success, true);
  for (const bad of [[], ['go1.27'], ['1.27.3'], undefined]) {
    doc.config.go = bad;
    assert.equal(runDocument.safeParse(doc).success, false, JSON.stringify(bad));
  }
  const r = sampleRun() as any;
  delete r.results[0].goToolchain;
  assert.equal(runDocument.safeParse(r).success, false, 'goToolchain is required, null when no Go code ran');
  r.results[0].goToolchain = '1.26.8';
  assert.equal(runDocument.safeParse(r).success, false, 'as go env GOVERSION prints it');
});

test('parseRunDocument migrates version 4: every result ran workload fib of size config.n, unseeded, and keeps matching the rows of a version 5 run', () => {
  const doc = parseRunDocument(sampleRunV4());
  assert.equal(doc.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(doc.config.sizes, { fib: 30 });
  assert.equal(doc.config.workloads, null);
  assert.equal(doc.config.suiteBudgetS, null);
  assert.deepEqual(
    doc.results.map((r) => [r.variant, r.workload, r.size]),
    [
      ['go-native', 'fib', 30],
      ['cluster-js', 'fib', 30],
    ],
  );
  const ok = doc.results[0]!;
  assert.ok(ok.status === 'ok');
  assert.deepEqual({ ...ok.report, phasesMs: undefined }, { variant: 'go-native', workload: 'fib', size: 30, seed: null, workers: 2, results: [832040, 832040], phasesMs: undefined });
  assert.deepEqual(ok.seeds, []);
  assert.deepEqual(doc.order, sampleRun().order);
});

test("a report line carries its workload, size and seed, and answers of the spec's type", () => {
  const doc = sampleRun() as any;
  doc.results[0].report = {
    ...doc.results[0].report,
    workload: 'nbody',
    size: 1000,
    seed: 7,
    results: [
      [-0.1, -0.2],
      [-0.1, -0.2],
    ],
  };
  assert.equal(runDocument.safeParse(doc).success, true);
  doc.results[0].report.seed = -1;
  assert.equal(runDocument.safeParse(doc).success, false, 'a seed is a u32');
  doc.results[0].report.seed = 7;
  doc.results[0].report.results = [[], []];
  assert.equal(runDocument.safeParse(doc).success, false, 'an array answer has at least one value');
});

test('parseRunDocument migrates version 6: what a narrowing left out was not recorded (leftOut null)', () => {
  const { leftOut, ...config } = sampleRun().config;
  void leftOut;
  const doc = parseRunDocument({ ...sampleRun(), schemaVersion: 6, config: { ...config, only: ['go-native'] } });
  assert.equal(doc.schemaVersion, SCHEMA_VERSION);
  assert.equal(doc.config.leftOut, null);
  assert.deepEqual(doc.config.only, ['go-native']);
});

test('parseRunDocument migrates version 7: nothing was decided while measuring (config and run decisions null)', () => {
  const { decisions: ruleOf, ...config } = sampleRun().config;
  void ruleOf;
  const { decisions, ...rest } = sampleRun();
  void decisions;
  const doc = parseRunDocument({ ...rest, schemaVersion: 7, config });
  assert.equal(doc.schemaVersion, SCHEMA_VERSION);
  assert.equal(doc.config.decisions, null);
  assert.equal(doc.decisions, null);
});

test('a run records its decisions: the rule, and per workload each pair and each fastest member with outcome, interval and round', () => {
  const d = {
    rule: { method: 'sequential', alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 },
    workloads: [
      {
        workload: 'fib',
        table: 'fib · workers=2',
        pairs: [{ id: 'p', a: 'x · fib', b: 'y · fib', outcome: 'slower', ratio: 1.5, interval: { low: 1.4, high: 1.6 }, round: 6, alpha: 0.0003 }],
        fastest: [{ id: 'fastest go', family: 'go', leader: 'y · fib', decided: true, members: [{ key: 'y · fib', state: 'leader', than: null, decision: null }] }],
      },
    ],
  };
  assert.equal(runDocument.parse({ ...sampleRun(), decisions: d }).decisions?.workloads[0]?.pairs[0]?.outcome, 'slower');
  assert.throws(() => runDocument.parse({ ...sampleRun(), decisions: { ...d, rule: { ...d.rule, method: 'peeking' } } }));
});
