import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, readSettings } from '../src/settings.ts';
import { discoverWorkloads } from '../src/workloads.ts';
import { repoRoot } from '../src/root.ts';

// Every discovered workload, so a new folder of packages/workloads/ changes no expectation here.
const found = discoverWorkloads(repoRoot()).workloads;
const sizesOf = (profile: 'default' | 'quick', names = found.map((w) => w.name)) => Object.fromEntries(found.filter((w) => names.includes(w.name)).map((w) => [w.name, w.spec.size.profiles[profile]]));
const foundList = found.map((w) => w.name).join(', ');

test("the quick profile takes each workload's quick size with one fixed round of 3 runs", () => {
  const { config } = readSettings({ BENCH_PROFILE: 'quick' });
  assert.deepEqual(config.sizes, sizesOf('quick'));
  assert.deepEqual([config.sizes.fib, config.sizes.nbody], [30, 100000]);
  assert.deepEqual([config.runsPerRound, config.minRounds, config.maxRounds], [3, 1, 1]);
  assert.equal(config.targetCiPct, null);
});

test('the default profile decides the findings: every workload at its default size, 1 run per round, at least 6 rounds, looks up to 20, δ 2 %, 12 min, no memory runs', () => {
  const { config, workloads, marginPct } = readSettings({});
  assert.deepEqual(config.sizes, sizesOf('default'));
  assert.deepEqual([config.sizes.fib, config.sizes.nbody], [40, 4000000]);
  assert.deepEqual(
    workloads.map((w) => w.name),
    found.map((w) => w.name),
  );
  assert.ok(found.length >= 2);
  assert.deepEqual(
    [config.warmup, config.runsPerRound, config.minRounds, config.maxRounds, config.targetCiPct, config.budgetS, config.suiteBudgetS, config.memoryRuns],
    [0, 1, 6, 20, null, null, 720, 0],
  );
  assert.deepEqual(config.decisions, { alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 });
  assert.equal(marginPct, 2);
  assert.equal(readSettings({ BENCH_SUITE_BUDGET_MIN: '12.5' }).config.suiteBudgetS, 750);
  assert.equal(readSettings({ BENCH_MARGIN: '1.5' }).config.decisions?.marginPct, 1.5);
  assert.deepEqual(readSettings({ BENCH_ROUNDS: '25' }).config.decisions, { alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 25 });
  assert.throws(() => readSettings({ BENCH_MARGIN: '0' }), /BENCH_MARGIN must be a number > 0, got "0"/);
});

test('the precise profile is the default before decisions: default sizes, at least 8 rounds of 3, at most 20, ±1 %, 45 min for the suite (memory runs included)', () => {
  const { config, marginPct } = readSettings({ BENCH_PROFILE: 'precise' });
  assert.deepEqual(config.sizes, sizesOf('default'));
  assert.deepEqual(
    [config.warmup, config.runsPerRound, config.minRounds, config.maxRounds, config.targetCiPct, config.budgetS, config.suiteBudgetS, config.memoryRuns],
    [2, 3, 8, 20, 1, null, 2700, 3],
  );
  assert.equal(config.decisions, null);
  assert.equal(readSettings({ BENCH_PROFILE: 'precise', BENCH_MARGIN: '3' }).marginPct, 3);
  assert.equal(marginPct, 2);
});

test("BENCH_WORKLOADS narrows the workloads and is recorded; BENCH_SIZE and BENCH_N (fib's n) set sizes", () => {
  const narrowed = readSettings({ BENCH_WORKLOADS: 'nbody', BENCH_SIZE: 'nbody=1000, fib=20' });
  assert.deepEqual([narrowed.config.workloads, narrowed.config.sizes, narrowed.workloads.map((w) => w.name)], [['nbody'], { nbody: 1000 }, ['nbody']]);
  assert.equal(readSettings({}).config.workloads, null);
  assert.deepEqual(readSettings({ BENCH_N: '25' }).config.sizes, { ...sizesOf('default'), fib: 25 });
});

test('overrides reach the config; a fixed profile runs exactly BENCH_ROUNDS rounds', () => {
  const { config } = readSettings({ BENCH_N: '25', BENCH_WORKERS: '1,2,4', BENCH_ROUNDS: '7', BENCH_RUNS_PER_ROUND: '2', BENCH_PROFILE: 'quick' });
  assert.deepEqual([config.sizes.fib, config.workers, config.minRounds, config.maxRounds, config.runsPerRound], [25, [1, 2, 4], 7, 7, 2]);
});

test('BENCH_ONLY is recorded in the config, so a narrowed run says what it left out', () => {
  assert.deepEqual(readSettings({ BENCH_ONLY: 'go-native, c-native' }).config.only, ['go-native', 'c-native']);
  assert.equal(readSettings({}).config.only, null);
});

test("BENCH_NODE is recorded as the Node lines asked for, as BENCH_JS writes them; unset, null (the harness's Node)", () => {
  assert.deepEqual(readSettings({ BENCH_NODE: '22,20' }).config.js, ['node@22', 'node@20']);
  assert.deepEqual(readSettings({ BENCH_NODE: 'all' }).config.js, ['node@20', 'node@22', 'node@24', 'node@26']);
  assert.equal(readSettings({}).config.js, null);
  assert.equal(readSettings({ BENCH_NODE: ' ' }).config.js, null);
});

test('BENCH_JS names runtimes and lines; a bare name is its default line; all is every pinned one', () => {
  assert.deepEqual(readSettings({ BENCH_JS: 'node@20,node@26,bun,deno' }).config.js, ['node@20', 'node@26', 'bun@1.4', 'deno@2.9']);
  assert.deepEqual(readSettings({ BENCH_JS: 'all' }).config.js, ['node@20', 'node@22', 'node@24', 'node@26', 'bun@1.4', 'deno@2.9']);
  assert.deepEqual(readSettings({ BENCH_JS: 'node' }).config.js, [`node@${process.versions.node.split('.')[0]}`]);
  assert.throws(() => readSettings({ BENCH_JS: 'bun,20' }), /BENCH_JS must be "all" or a comma-separated list of runtimes from node@20, .*bun@1\.4, deno@2\.9 .*; got "20"$/);
  assert.throws(() => readSettings({ BENCH_JS: 'bun@1.3' }), /got "bun@1\.3"/);
  assert.throws(() => readSettings({ BENCH_JS: 'bun', BENCH_NODE: '20' }), /set BENCH_JS or BENCH_NODE, not both/);
});

test('BENCH_GO is recorded as the Go lines asked for; unset, null (the Go on PATH)', () => {
  assert.deepEqual(readSettings({ BENCH_GO: '1.27,1.26' }).config.go, ['1.27', '1.26']);
  assert.deepEqual(readSettings({ BENCH_GO: 'all' }).config.go, ['1.25', '1.26', '1.27']);
  assert.equal(readSettings({}).config.go, null);
});

test('BENCH_SETTINGS: unset or default runs the defaults only (null); all, or names (default among them adds nothing)', () => {
  assert.equal(readSettings({}).config.settings, null);
  assert.equal(readSettings({ BENCH_SETTINGS: 'default' }).config.settings, null);
  assert.equal(readSettings({ BENCH_SETTINGS: 'all' }).config.settings, 'all');
  assert.deepEqual(readSettings({ BENCH_SETTINGS: 'default, interpreter,no-liftoff,interpreter' }).config.settings, ['interpreter', 'no-liftoff']);
});

test('BENCH_CALLS: a sorted list of call counts; unset or only 1 is one call (null)', () => {
  assert.equal(readSettings({}).config.calls, null);
  assert.equal(readSettings({ BENCH_CALLS: '1' }).config.calls, null);
  assert.deepEqual(readSettings({ BENCH_CALLS: '20,1,5,20' }).config.calls, [1, 5, 20]);
});

for (const [name, value, message] of [
  ['BENCH_GO', '1.24', /BENCH_GO must be "all" or a comma-separated list of Go lines from 1\.25, 1\.26, 1\.27; got "1\.24"/],
  ['BENCH_NODE', '18', /BENCH_NODE must be "all" or a comma-separated list of Node lines from 20, 22, 24, 26; got "18"/],
  ['BENCH_N', '48', /BENCH_N must be an integer in 1\.\.47, got "48"/],
  ['BENCH_N', '4.5', /BENCH_N must be an integer in 1\.\.47/],
  ['BENCH_N', 'abc', /BENCH_N must be an integer in 1\.\.47/],
  ['BENCH_SIZE', 'nbody=0', /BENCH_SIZE \(nbody\) must be an integer in 1\.\.100000000, got "0"/],
  ['BENCH_SIZE', 'sort=5', new RegExp(`BENCH_SIZE \\(sort\\): no workload sort \\(found: ${foundList}\\)`)],
  ['BENCH_SIZE', 'nbody', /BENCH_SIZE must be <workload>=<size>/],
  ['BENCH_WORKLOADS', 'fib,sort', new RegExp(`BENCH_WORKLOADS names no workload: sort \\(found: ${foundList}\\)`)],
  ['BENCH_SUITE_BUDGET_MIN', '0', /BENCH_SUITE_BUDGET_MIN must be a number > 0/],
  ['BENCH_WORKERS', '0', /BENCH_WORKERS must be an integer in 1\.\.256, got "0"/],
  ['BENCH_ROUNDS', '-3', /BENCH_ROUNDS must be an integer in 1\.\.1000/],
  ['BENCH_RUNS', '3', /BENCH_RUNS is no longer read; use BENCH_ROUNDS/],
  ['BENCH_PROFILE', 'fast', /BENCH_PROFILE must be one of default, precise, quick, article, got "fast"/],
  ['BENCH_MARGIN', 'wide', /BENCH_MARGIN must be a number > 0, got "wide"/],
  ['BENCH_TIMEOUT_S', 'soon', /BENCH_TIMEOUT_S must be a number > 0/],
  ['BENCH_INTERLEAVE', '0', /BENCH_INTERLEAVE is no longer read/],
  ['BENCH_MEMORY_RUNS', '2', /BENCH_MEMORY_RUNS must be 0 \(off\) or an integer in 3\.\.100, got "2"/],
  ['BENCH_MEMORY_RUNS', 'many', /BENCH_MEMORY_RUNS must be an integer in 0\.\.100/],
  ['BENCH_SETTINGS', 'all,interpreter', /BENCH_SETTINGS must be default, all, or setting names/],
  ['BENCH_SETTINGS', 'No_Liftoff', /BENCH_SETTINGS must be default, all, or setting names/],
  ['BENCH_CALLS', '0', /BENCH_CALLS must be an integer in 1\.\.1000, got "0"/],
  ['BENCH_CALLS', '1,x', /BENCH_CALLS must be an integer in 1\.\.1000, got "x"/],
] as const) {
  test(`${name}=${value} is refused, naming the variable`, () => {
    assert.throws(
      () => readSettings({ [name]: value }),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
  });
}

test('BENCH_BASELINE, BENCH_SKIP_BUILD and BENCH_VARIANTS_DIR are settings too; unset, go-native, build, packages/variants/', () => {
  const unset = readSettings({});
  assert.deepEqual([unset.baseline, unset.skipBuild, unset.variantsDir], ['go-native', false, null]);
  const set = readSettings({ BENCH_BASELINE: 'c-native', BENCH_SKIP_BUILD: '1', BENCH_VARIANTS_DIR: 'fixtures/v' });
  assert.deepEqual([set.baseline, set.skipBuild, set.variantsDir], ['c-native', true, path.resolve('fixtures/v')]);
});

test('BENCH_MEMORY_RUNS: 3 memory runs per result in every profile, 0 turns them off; BENCH_MEMORY_CGROUP is resolved, unset null (sampled PSS)', () => {
  for (const profile of ['precise', 'quick', 'article']) assert.equal(readSettings({ BENCH_PROFILE: profile }).config.memoryRuns, 3, profile);
  assert.equal(readSettings({}).config.memoryRuns, 0, 'the default profile measures no memory');
  assert.equal(readSettings({ BENCH_MEMORY_RUNS: '3' }).config.memoryRuns, 3);
  assert.equal(readSettings({ BENCH_PROFILE: 'precise', BENCH_MEMORY_RUNS: '0' }).config.memoryRuns, 0);
  assert.equal(readSettings({ BENCH_MEMORY_RUNS: '5' }).config.memoryRuns, 5);
  assert.equal(readSettings({}).memoryCgroup, null);
  assert.equal(readSettings({ BENCH_MEMORY_CGROUP: ' ' }).memoryCgroup, null);
  assert.equal(readSettings({ BENCH_MEMORY_CGROUP: 'cg/bench' }).memoryCgroup, path.resolve('cg/bench'));
});
