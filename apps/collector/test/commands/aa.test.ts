import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { saveRun } from '../../src/store.ts';
import { makeRun } from '../fixtures/run.ts';
import { arena, sandbox } from '../helpers/cli.ts';

test('aa runs the suite twice, diffs the runs and exits 0 when nothing is flagged', async () => {
  const s = sandbox();
  const run = await arena(['aa', '--profile', 'quick'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good' });
  // 3 runs against 3: the smallest exact two-sided p is 0.1, so a flag here could only be a bug, never noise.
  assert.equal(run.exitCode, 0, run.stderr);
  assert.match(run.stdout, /A\/A: 0 of 1 results flagged as changed at alpha 0\.05, no noise threshold/);
  assert.match(run.stdout, /Observed noise[\s\S]*fx-good\s+\S+ % \/ ±\S+ %/);
  assert.equal(readdirSync(path.join(s.results, 'runs')).length, 3, 'the earlier run plus A and B');
  assert.match(run.stdout, /This machine's noise threshold is now \d+ % \(worst of its last 1 A\/A check, .*noise\/[0-9a-f]{16}\.json\)/);
  assert.equal(readdirSync(path.join(s.results, 'noise')).length, 1);
});

test('aa --from judges two recorded runs with what was learned before, then learns their drift', async () => {
  const s = sandbox();
  saveRun(s.results, makeRun({ 'go-native': 0.4, 'c-native': 0.2 }, { id: 'aa-a' }));
  saveRun(s.results, makeRun({ 'go-native': 0.412, 'c-native': 0.2 }, { id: 'aa-b' }));
  const env = { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock };
  const first = await arena(['aa', '--from', 'aa-a', 'aa-b'], env);
  assert.equal(first.exitCode, 1, first.stderr);
  assert.match(first.stdout, /A\/A: 1 of 2 results flagged as changed at alpha 0\.05, no noise threshold: go-native$/m);
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
  assert.match((await arena(['aa', '--from', 'aa-a', 'aa-dirty'], env)).stdout, /Nothing learned about noise: a recorded run was made on a dirty tree/);
  assert.match((await arena(['aa', '--from', 'aa-a', 'aa-b'], env)).stdout, /worst of its last 1 A\/A check,/, 'the refused pairs were not recorded');
  const stray = await arena(['aa', '--from', 'aa-a'], env);
  assert.equal(stray.exitCode, 2);
  assert.match(stray.stderr, /usage: pnpm arena aa --from <A> <B>/);
});

test('aa exits 1 and names the result when one is flagged', async () => {
  const s = sandbox();
  const run = await arena(['aa', '--profile', 'quick'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good,fx-wrong' });
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /A\/A: 1 of 2 results flagged as changed at alpha 0\.05, no noise threshold: fx-wrong/);
});

test('aa refuses an unknown profile with exit 2', async () => {
  const run = await arena(['aa', '--profile', 'fast'], {});
  assert.equal(run.exitCode, 2);
  assert.match(run.stderr, /--profile must be one of default, quick, article, got "fast"/);
});
