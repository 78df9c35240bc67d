import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { arena, sandbox } from '../helpers/cli.ts';

test('aa runs the suite twice, diffs the runs and exits 0 when nothing is flagged', async () => {
  const s = sandbox();
  const run = await arena(['aa', '--profile', 'quick'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good' });
  // 3 runs against 3: the smallest exact two-sided p is 0.1, so a flag here could only be a bug, never noise.
  assert.equal(run.exitCode, 0, run.stderr);
  assert.match(run.stdout, /A\/A: 0 of 1 results flagged as changed at alpha 0\.05/);
  assert.match(run.stdout, /Observed noise[\s\S]*fx-good\s+\S+ % \/ ±\S+ %/);
  assert.equal(readdirSync(path.join(s.results, 'runs')).length, 3, 'the earlier run plus A and B');
});

test('aa exits 1 and names the result when one is flagged', async () => {
  const s = sandbox();
  const run = await arena(['aa', '--profile', 'quick'], { BENCH_RESULTS_DIR: s.results, BENCH_LOCK_FILE: s.lock, BENCH_ONLY: 'fx-good,fx-wrong' });
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /A\/A: 1 of 2 results flagged as changed at alpha 0\.05: fx-wrong/);
});

test('aa refuses an unknown profile with exit 2', async () => {
  const run = await arena(['aa', '--profile', 'fast'], {});
  assert.equal(run.exitCode, 2);
  assert.match(run.stderr, /--profile must be one of default, quick, article, got "fast"/);
});
