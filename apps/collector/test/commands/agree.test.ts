import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ConfigError } from '@arena/suite';
import { agree } from '../../src/commands/agree.ts';
import { saveRun } from '../../src/store.ts';
import { captureIo } from '../fixtures/io.ts';
import { makeRun } from '../fixtures/run.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'arena-agree-'));
const results = path.join(dir, 'results');
const saved = process.env.BENCH_RESULTS_DIR;
before(() => {
  process.env.BENCH_RESULTS_DIR = results;
});
after(() => {
  if (saved === undefined) delete process.env.BENCH_RESULTS_DIR;
  else process.env.BENCH_RESULTS_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

const rule = { method: 'sequential' as const, alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 };
const pair = (id: string, outcome: 'slower' | 'equivalent' | 'undecided') => ({ id, a: 'x', b: 'y', outcome, ratio: 1, interval: null, round: outcome === 'undecided' ? null : 6, alpha: 0.01 });
const decisions = (outcomes: Array<'slower' | 'equivalent' | 'undecided'>) => ({
  rule,
  workloads: [{ workload: 'fib', table: 'fib', pairs: outcomes.map((o, i) => pair(`p${i}`, o)), fastest: [] }],
});

test('agree prints how many findings both runs decided, how many agree, and every disagreement', async () => {
  saveRun(results, makeRun({ 'c-native': 0.3 }, { id: 'def', decisions: decisions(['slower', 'slower', 'equivalent', 'undecided']) }));
  saveRun(results, makeRun({ 'c-native': 0.3 }, { id: 'pre', decisions: decisions(['slower', 'slower', 'slower', 'slower']) }));
  const io = captureIo(dir);
  assert.equal(await agree([path.join(results, 'runs', 'def.json'), path.join(results, 'runs', 'pre.json')], io), 0);
  assert.match(io.stdout(), /both decided 3 findings; 2 agree \(66\.7 %\); decided only in A: 0, only in B: 1/);
  assert.match(io.stdout(), /fib: p2: A equivalent, B slower/);
});

test('a run without recorded decisions, or a wrong number of runs, is bad input', async () => {
  saveRun(results, makeRun({ 'c-native': 0.3 }, { id: 'old' }));
  await assert.rejects(
    agree([path.join(results, 'runs', 'old.json'), path.join(results, 'runs', 'pre.json')], captureIo(dir)),
    (e: Error) => e instanceof ConfigError && /run A \(old\) has no recorded decisions/.test(e.message),
  );
  await assert.rejects(agree([], captureIo(dir)), ConfigError);
});
