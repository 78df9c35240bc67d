import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { noisePath } from '../../src/diff/noise.ts';
import { saveRun } from '../../src/store.ts';
import { makeRun } from '../fixtures/run.ts';
import { arena, sandbox } from '../helpers/cli.ts';

test('aa runs the suite twice and diffs the runs; a quick pair, which can never flag anything, teaches nothing', async () => {
  const s = sandbox();
  const run = await arena(['aa', '--profile', 'quick'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good' });
  // 3 runs against 3: the smallest exact two-sided p is 0.1, so a flag here could only be a bug, never noise.
  assert.equal(run.exitCode, 0, run.stderr);
  assert.match(run.stdout, /A\/A: 0 of 1 results flagged as changed at alpha 0\.05, no noise threshold/);
  assert.match(run.stdout, /Observed noise[\s\S]*fx-good \[node=\d+\] · fib\s+\S+ % \/ ±\S+ %/);
  assert.equal(readdirSync(path.join(s.results, 'runs')).length, 3, 'the earlier run plus A and B');
  assert.match(run.stdout, /^Note: the samples are too small to judge all results: 3 \+ 3 runs cannot give p below 0\.1 .*BENCH_PROFILE=default/m);
  assert.match(run.stdout, /^Nothing learned about noise: the samples are too small to show drift \(all results: /m);
  assert.equal(existsSync(path.join(s.results, 'noise')), false, 'five quick checks must not reset the threshold');
});

test('aa --from judges two recorded runs with what was learned before, then learns their drift', async () => {
  const s = sandbox();
  saveRun(s.results, makeRun({ 'go-native': 0.4, 'c-native': 0.2 }, { id: 'aa-a' }));
  saveRun(s.results, makeRun({ 'go-native': 0.412, 'c-native': 0.2 }, { id: 'aa-b' }));
  const env = { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock };
  const first = await arena(['aa', '--from', 'aa-a', 'aa-b'], env);
  assert.equal(first.exitCode, 1, first.stderr);
  assert.match(first.stdout, /A\/A: 1 of 2 results flagged as changed at alpha 0\.05, no noise threshold: go-native · fib$/m);
  assert.match(first.stdout, /Largest change the statistics alone call significant \(drift\): 3\.0 %\. This machine's noise threshold is now 3 %/);
  const second = await arena(['aa', '--from', 'aa-a', 'aa-b'], env);
  assert.equal(second.exitCode, 0, second.stderr);
  assert.match(second.stdout, /A\/A: 0 of 2 results flagged as changed at alpha 0\.05, noise threshold 3 % \(learned before this check\)$/m);
  assert.match(second.stdout, /worst of its last 1 A\/A check,/, 'the same pair judged again is one check');
  saveRun(s.results, makeRun({ 'go-native': 0.44, 'c-native': 0.2 }, { id: 'aa-other', git: { commit: 'fedcba9876543', dirty: false } }));
  const other = await arena(['aa', '--from', 'aa-a', 'aa-other'], env);
  assert.equal(other.exitCode, 1);
  assert.match(other.stdout, /Nothing learned about noise: the two runs measured different commits \(abc1234def, fedcba9876\)\./);
  saveRun(s.results, makeRun({ 'go-native': 0.4, 'c-native': 0.2 }, { id: 'aa-dirty', git: { commit: 'abc1234def567', dirty: true } }));
  assert.match((await arena(['aa', '--from', 'aa-a', 'aa-dirty'], env)).stdout, /Nothing learned about noise: B \(aa-dirty\) was made on a dirty tree/);
  assert.match((await arena(['aa', '--from', 'aa-a', 'aa-a'], env)).stdout, /Nothing learned about noise: A and B are the same run \(aa-a\)/);
  assert.match((await arena(['aa', '--from', 'aa-a', 'aa-b'], env)).stdout, /worst of its last 1 A\/A check,/, 'the refused pairs were not recorded');
  const stray = await arena(['aa', '--from', 'aa-a'], env);
  assert.equal(stray.exitCode, 2);
  assert.match(stray.stderr, /usage: pnpm arena aa --from <A> <B>/);
});

test('aa exits 1 and names the result when one is flagged', async () => {
  const s = sandbox();
  const run = await arena(['aa', '--profile', 'quick'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good,fx-wrong' });
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /A\/A: 1 of 2 results flagged as changed at alpha 0\.05, no noise threshold: fx-wrong \[node=\d+\] · fib\b/);
});

test('aa refuses an unknown profile with exit 2', async () => {
  const run = await arena(['aa', '--profile', 'fast'], {});
  assert.equal(run.exitCode, 2);
  assert.match(run.stderr, /--profile must be one of default, precise, quick, article, got "fast"/);
});

test('aa --from learns a pair once, in either order, and refuses a quick run against a default one', async () => {
  const s = sandbox();
  const env = { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock };
  saveRun(s.results, makeRun({ 'go-native': 0.4 }, { id: 'p-a' }));
  saveRun(s.results, makeRun({ 'go-native': 0.4 }, { id: 'p-b' }));
  assert.match((await arena(['aa', '--from', 'p-a', 'p-b'], env)).stdout, /worst of its last 1 A\/A check,/);
  assert.match((await arena(['aa', '--from', 'p-b', 'p-a'], env)).stdout, /worst of its last 1 A\/A check,/, '[B, A] is the check [A, B]');
  const quick = makeRun({ 'go-native': 0.2 }, { id: 'p-quick' });
  const dflt = makeRun({ 'go-native': 0.4 }, { id: 'p-default' });
  saveRun(s.results, quick);
  saveRun(s.results, { ...dflt, config: { ...dflt.config, profile: 'default', sizes: { fib: 40 } } });
  const mixed = await arena(['aa', '--from', 'p-quick', 'p-default', '--noise', '0'], env);
  assert.equal(mixed.exitCode, 1, 'still judged: +100 % is flagged');
  assert.match(mixed.stdout, /^Nothing learned about noise: the two runs were configured differently \(sizes = fib=30 in A, fib=40 in B\)\.$/m);
  assert.match((await arena(['aa', '--from', 'p-a', 'p-b'], env)).stdout, /worst of its last 1 A\/A check,/, 'the mixed pair was not recorded');
});

test('aa stops with an error naming a corrupt noise file instead of a bare SyntaxError', async () => {
  const s = sandbox();
  saveRun(s.results, makeRun({ 'go-native': 0.4 }, { id: 'c-a' }));
  saveRun(s.results, makeRun({ 'go-native': 0.4 }, { id: 'c-b' }));
  mkdirSync(path.join(s.results, 'noise'), { recursive: true });
  writeFileSync(noisePath(s.results, 'f00d'), '{"fingerprint": ');
  const run = await arena(['aa', '--from', 'c-a', 'c-b'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock });
  assert.equal(run.exitCode, 1);
  assert.match(run.stderr, /^error: .*noise\/f00d\.json is not readable JSON \(.*\); delete it and run `pnpm arena aa` again$/m);
});
