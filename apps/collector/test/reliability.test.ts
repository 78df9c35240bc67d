import { SCHEMA_VERSION } from '@arena/contract';
// Fault injection: every fault gets a clear error, and no earlier result is lost or changed.
import assert from 'node:assert/strict';
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isBenchLocked } from '@arena/hyperfine-wrapper';
import { repoRoot } from '@arena/suite';
import { startDecoys, watchTree } from '@arena/variant-kit/testing';
import { arena, cli, fixtureVariants, latestOf, sandbox, snapshot, watchedArena } from './helpers/cli.ts';

const earlierRun = (results: string) => readFileSync(path.join(results, 'runs', 'earlier-run.json'));
const errorOf = (doc: { results: Array<{ variant: string; workload: string; error?: string }> }, variant: string, workload = 'fib') =>
  doc.results.find((r) => r.variant === variant && r.workload === workload)?.error ?? '';

test('a wrong answer, a crash, garbage and a broken report line each fail with their reason, on every workload; the good variant still runs', async () => {
  const s = sandbox();
  const before = earlierRun(s.results);
  const run = await arena(['bench'], {
    BENCH_RESULTS_DIR: s.results,
    BENCH_LOCK_FILE: s.lock,
    BENCH_ONLY: 'fx-good,fx-wrong,fx-crash,fx-garbage,fx-contract',
    BENCH_WORKLOADS: 'fib,nbody',
    BENCH_SIZE: 'nbody=1000',
  });
  assert.equal(run.exitCode, 1, 'a failed result makes the bench exit 1');
  const doc = latestOf(s.results);
  const status = Object.fromEntries(doc.results.map((r: { variant: string; workload: string; status: string }) => [`${r.variant} · ${r.workload}`, r.status]));
  assert.deepEqual(status, {
    'fx-contract · fib': 'failed',
    'fx-crash · fib': 'failed',
    'fx-garbage · fib': 'failed',
    'fx-good · fib': 'ok',
    'fx-wrong · fib': 'failed',
    'fx-contract · nbody': 'failed',
    'fx-crash · nbody': 'failed',
    'fx-garbage · nbody': 'failed',
    'fx-good · nbody': 'ok',
    'fx-wrong · nbody': 'failed',
  });
  assert.match(errorOf(doc, 'fx-wrong'), /wrong answer: expected fib\(20\) = 6765, got 6766 from worker 0/);
  // nbody is seeded: the harness passed a seed and checked both energies against its own reference for it.
  assert.match(errorOf(doc, 'fx-wrong', 'nbody'), /wrong answer: expected nbody\(1000, seed \d+\) = \[-0\.1690\d+,-0\.1690\d+\], got \[0\.8309\d+,-0\.1690\d+\] from worker 0/);
  for (const workload of ['fib', 'nbody']) {
    assert.match(errorOf(doc, 'fx-crash', workload), /exited with status 139; last stderr lines:\nfixture: segmentation fault \(simulated\)/);
    assert.match(errorOf(doc, 'fx-garbage', workload), /report line is not JSON: \}\{ not json at all/);
    assert.match(errorOf(doc, 'fx-contract', workload), /report line breaks the contract:\n✖ .*\n {2}→ at phasesMs/);
  }
  const good = (workload: string) => doc.results.find((r: { variant: string; workload: string }) => r.variant === 'fx-good' && r.workload === workload);
  assert.deepEqual([good('fib').size, good('fib').seeds, good('fib').report.seed], [20, [], null], 'fib takes no seed');
  assert.equal(good('nbody').size, 1000);
  assert.equal(good('nbody').seeds.length, 1, 'one seed per round (quick: 1 round)');
  assert.equal(good('nbody').report.seed, good('nbody').seeds[0], "the report line ran with the round's seed");
  assert.equal(good('nbody').report.results.length, 2, 'one answer per worker');
  assert.match(run.stdout, /^fib \(size 20\)\n[\s\S]*fx-wrong \[node=\d+\]\s+FAILED\s.*wrong answer/m);
  assert.match(run.stdout, /^nbody \(size 1000, a new seed every round\)\n[\s\S]*fx-good \[node=\d+\]\s+\d/m);
  assert.deepEqual(earlierRun(s.results), before);
  // The narrowing is recorded with what it left out, and said at the top of the table.
  const fixtures = readdirSync(fixtureVariants).filter((v) => existsSync(path.join(fixtureVariants, v, 'package.json')));
  assert.deepEqual(doc.config.leftOut, {
    variants: fixtures.filter((v) => !['fx-good', 'fx-wrong', 'fx-crash', 'fx-garbage', 'fx-contract'].includes(v)).sort(),
    workloads: readdirSync(path.join(repoRoot(), 'packages/workloads'))
      .filter((w) => existsSync(path.join(repoRoot(), 'packages/workloads', w, 'workload.json')) && !['fib', 'nbody'].includes(w))
      .sort(),
  });
  assert.ok(doc.config.leftOut.variants.length > 0 && doc.config.leftOut.workloads.length > 0);
  assert.match(run.stdout, /^Partial run: variants fx-good, fx-wrong, fx-crash, fx-garbage, fx-contract only \(BENCH_ONLY; left out: .*fx-/m);
});

test('after the rounds, memory runs: each verified (a wrong answer there fails the result), each peak recorded with its method', async () => {
  const s = sandbox();
  const counter = path.join(s.dir, 'late-count');
  const run = await arena(['bench'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good,fx-late', ARENA_FIXTURE_COUNTER: counter });
  assert.equal(run.exitCode, 1, 'a result failed');
  const doc = latestOf(s.results);
  assert.equal(doc.config.memoryRuns, 3);
  assert.match(errorOf(doc, 'fx-late'), /^memory run 1 of 3: wrong answer: expected fib\(20\) = 6765, got 6766 from worker 0$/);
  assert.equal(readFileSync(counter, 'utf8'), '6', 'timed right, then failed at its first memory run and ran no more');
  const good = doc.results.find((r: { variant: string }) => r.variant === 'fx-good');
  assert.equal(good.status, 'ok');
  assert.equal(good.peakMemory.method, 'sampled-pss');
  assert.equal(good.peakMemory.sampleIntervalMs, 5);
  assert.equal(good.peakMemory.bytes.length, 3);
  // A Node process: tens of MiB, not bytes nor gigabytes.
  assert.ok(good.peakMemory.minBytes > 10 * 2 ** 20 && good.peakMemory.maxBytes < 500 * 2 ** 20, JSON.stringify(good.peakMemory));
  assert.ok(doc.accountingS.memory > 0 && doc.accountingS.total >= doc.accountingS.rounds + doc.accountingS.memory);
  assert.match(run.stderr, /then 3 memory runs per result \(sampled PSS every 5 ms\)/);
  assert.match(run.stdout, /peak MiB \(PSS, sampled\)\s+CPU s/);
});

test('BENCH_MEMORY_RUNS=0 measures no memory; a BENCH_MEMORY_CGROUP that is no cgroup stops before timing (exit 2)', async () => {
  const s = sandbox();
  const off = await arena(['bench'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good', BENCH_MEMORY_RUNS: '0' });
  assert.equal(off.exitCode, 0, off.stderr);
  const doc = latestOf(s.results);
  assert.deepEqual([doc.config.memoryRuns, doc.results[0].peakMemory, doc.accountingS.memory], [0, null, 0]);
  assert.match(off.stdout, /fx-good \[node=\d+\]\s.*\s—\s+\d+\.\d{3}/);
  const before = snapshot(s.results);
  const bad = await arena(['bench'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good', BENCH_MEMORY_CGROUP: s.dir });
  assert.equal(bad.exitCode, 2);
  assert.match(bad.stderr, /BENCH_MEMORY_CGROUP: .* is not a cgroup v2 folder \(no cgroup.controllers\) nor a v1 memory cgroup/);
  assert.deepEqual(snapshot(s.results), before);
});

test('a hanging variant is killed with its process tree after the timeout and recorded as timed out', async (t) => {
  const s = sandbox();
  // Another checkout's hanging fixture is not this bench's leftover (the check looks at its own tree).
  const decoys = startDecoys(['fixture-variant.mjs hang']);
  t.after(() => decoys.stop());
  const run = await watchedArena(['bench'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-hang,fx-good', BENCH_TIMEOUT_S: '2' });
  assert.equal(run.exitCode, 1);
  assert.match(errorOf(latestOf(s.results), 'fx-hang'), /verification run: timed out after 2\.0 s \(process group killed\)/);
  const hang = 'fixture-variant.mjs hang';
  assert.ok(
    run.tree.seen().some((p) => p.commandLine.includes(hang)),
    'the watch saw the hanging variant',
  );
  assert.deepEqual(await run.tree.leftovers(300), []);
});

test('missing hyperfine, go and clang stop the run before timing, with the commands that install them', async () => {
  const s = sandbox();
  const before = snapshot(s.results);
  const bin = path.join(s.dir, 'bin');
  mkdirSync(bin);
  execSync(`ln -s ${process.execPath} ${bin}/node`);
  const run = await arena(['bench'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, PATH: bin });
  assert.equal(run.exitCode, 1);
  assert.match(run.stderr, /hyperfine is not installed: apt-get install hyperfine/);
  assert.match(run.stderr, /go is not installed: install Go 1\.24\+/);
  assert.match(run.stderr, /clang is not installed: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32/);
  assert.deepEqual(snapshot(s.results), before);
});

for (const [name, value, message] of <Array<[string, string, RegExp]>>[
  ['BENCH_N', '0', /error: BENCH_N must be an integer in 1\.\.47, got "0"/],
  ['BENCH_WORKERS', '0', /error: BENCH_WORKERS must be an integer in 1\.\.256, got "0"/],
  ['BENCH_PROFILE', 'turbo', /error: BENCH_PROFILE must be one of default, precise, quick, article, got "turbo"/],
]) {
  test(`${name}=${value} stops before timing with exit 2 and names the variable`, async () => {
    const s = sandbox();
    const before = snapshot(s.results);
    const run = await arena(['bench'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, [name]: value });
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, message);
    assert.deepEqual(snapshot(s.results), before);
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} in the middle of a run stops the children, releases the lock and writes nothing`, async (t) => {
    const s = sandbox();
    const before = snapshot(s.results);
    // Processes elsewhere on the machine with the command lines of this bench's children (another
    // checkout's tests): not this bench's leftovers, since the check looks at its own tree.
    const decoys = startDecoys(['fixture-variant.mjs slow', 'hyperfine -N']);
    t.after(() => decoys.stop());
    // In a session and group of its own, its tree watched: hyperfine and the variants each run in a
    // group the bench makes for them, which the watch notes.
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'bench'], {
      detached: true,
      env: {
        ...process.env,
        BENCH_PROFILE: 'quick',
        BENCH_WORKLOADS: 'fib',
        BENCH_N: '20',
        BENCH_ROUNDS: '14',
        BENCH_SKIP_BUILD: '1',
        BENCH_VARIANTS_DIR: fixtureVariants,
        BENCH_ONLY: 'fx-slow',
        BENCH_RESULTS_DIR: s.results,
        BENCH_LOCK_FILE: s.lock,
      },
    });
    const tree = watchTree(child.pid!);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    await new Promise<void>((resolve) =>
      child.stderr.on('data', () => {
        if (/round 1: timing/.test(stderr)) resolve();
      }),
    );
    await new Promise((r) => setTimeout(r, 700));
    child.kill(signal);
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    assert.equal(code, 130, stderr);
    assert.match(stderr, new RegExp(`${signal}: stopping the benchmark; no run will be written and latest.json stays as it was`));
    assert.deepEqual(snapshot(s.results), before);
    assert.equal(await isBenchLocked(s.lock), false);
    for (const started of ['fixture-variant.mjs slow', 'hyperfine -N'])
      assert.ok(
        tree.seen().some((p) => p.commandLine.includes(started)),
        `the watch saw ${started}`,
      );
    assert.deepEqual(await tree.leftovers(300), []);
  });
}

test('two benchmarks at once: the second waits for the lock, says so, and their timings never overlap', async () => {
  const s = sandbox();
  const log = path.join(s.dir, 'runs.log');
  const env = { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-slow', BENCH_ROUNDS: '1', ARENA_FIXTURE_LOG: log };
  const first = arena(['bench'], env);
  await new Promise((r) => setTimeout(r, 1500));
  const second = arena(['bench'], env);
  const [a, b] = await Promise.all([first, second]);
  assert.equal(a.exitCode, 0, a.stderr);
  assert.equal(b.exitCode, 0, b.stderr);
  assert.match(b.stderr, /another benchmark holds the lock \(pid \d+.*waiting for it to finish so timings never overlap/);
  // Runs are sequential within a bench, so any overlap at all would come from the other one.
  const lines = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(' '));
  let open = 0;
  for (const [what] of lines) {
    open += what === 'start' ? 1 : -1;
    assert.ok(open <= 1, 'two variant processes ran at the same time');
  }
  assert.equal(lines.length, 2 * 2 * (1 + 1 + 3 + 3), 'verify + warmup + 3 runs + 3 memory runs, start and end, twice');
});

test('a stale lock from a killed bench is detected and cleared', async () => {
  const s = sandbox();
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => dead.on('exit', r));
  mkdirSync(`${s.lock}.lock`, { recursive: true });
  writeFileSync(`${s.lock}.owner`, JSON.stringify({ pid: dead.pid, since: new Date().toISOString(), cwd: '/' }));
  const run = await arena(['bench'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good' });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`cleared a stale benchmark lock left by pid ${dead.pid}`));
});

test('a run document with an unknown schemaVersion gets a clear message', async () => {
  const s = sandbox();
  const file = path.join(s.dir, 'future.json');
  writeFileSync(file, JSON.stringify({ ...latestOf(s.results), schemaVersion: SCHEMA_VERSION + 1 }));
  const run = await arena(['collect', file], {});
  assert.equal(run.exitCode, 2, 'an input error');
  assert.match(run.stderr, new RegExp(`future\\.json: schemaVersion ${SCHEMA_VERSION + 1} was written by a newer bench-arena; this one reads up to ${SCHEMA_VERSION}`));
});
