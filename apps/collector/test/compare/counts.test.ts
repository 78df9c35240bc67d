import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPARE_SCHEMA_VERSION, compareDocument, migrateCompare, type CompareDocument, type CountedResult, type RunDocument } from '@arena/contract';
import { report } from '../../src/commands/compare.ts';
import { captureIo } from '../fixtures/io.ts';
import { makeRun } from '../fixtures/run.ts';

/** A counted result of `variant` on fib: start-up `startup` plus `kernel` per size unit, the same on every run. */
const counted = (variant: string, startup: number, kernel: number): CountedResult => ({
  status: 'counted',
  key: `${variant} · fib`,
  variant,
  workload: 'fib',
  parameters: {},
  small: { size: 10, instructions: [startup + 10 * kernel, startup + 10 * kernel + 1000, startup + 10 * kernel] },
  large: { size: 20, instructions: [startup + 20 * kernel, startup + 20 * kernel, startup + 20 * kernel + 1000] },
});
const notCountable = (variant: string): CountedResult => ({ status: 'not-countable', key: `${variant} · fib`, variant, workload: 'fib', parameters: {}, why: `${variant} declares no counting` });

const run = makeRun({ 'go-native': 0.4 });
const doc = (a: CountedResult[], b: CountedResult[], runs?: [RunDocument, RunDocument]): CompareDocument =>
  compareDocument.parse({
    schemaVersion: COMPARE_SCHEMA_VERSION,
    kind: 'compare',
    id: 'cmp',
    createdAt: '2026-12-07T20:00:00.000Z',
    metric: runs ? 'both' : 'instructions',
    counting: { tool: 'cachegrind', valgrind: 'valgrind-3.19.0', options: ['--tool=cachegrind', '--cache-sim=no'], runsPerSize: 3, spreadLimitPct: 0.2, seeds: {}, machine: run.machine },
    a: { ref: 'main', commit: 'a'.repeat(40), dirty: false, run: runs ? { ...runs[0], id: 'cmp-a' } : null, counts: a },
    b: { ref: 'HEAD', commit: 'b'.repeat(40), dirty: false, run: runs ? { ...runs[1], id: 'cmp-b' } : null, counts: b },
  });

const options = (failAbovePct?: number) => ({ format: 'text' as const, alpha: 0.05, failAbovePct, allowMissing: false });

test('instructions gate: an A/A passes at the default 0.5 %; a not-countable result is listed with its reason and never fails it', () => {
  const side = [counted('go-native', 50_000_000, 10_000_000), notCountable('mystery')];
  const io = captureIo('/');
  assert.equal(report(doc(side, side), 'cmp.json', options(), io), 0);
  const out = io.stdout();
  assert.match(out, /^Instructions/m);
  assert.match(out, /go-native · fib\s+250\.00 → 250\.00\s+~ \(\+0\.00 %\)/);
  assert.match(out, /mystery · fib\s+not countable/);
  assert.match(out, /^mystery · fib: mystery declares no counting$/m);
  assert.match(out, /^ok: no result executes more instructions by more than 0\.5 % and 3× their spread/m);
  assert.match(out, /^1 of 2 results not countable/m);
  assert.doesNotMatch(out, /Holm/);
});

test('instructions gate: a kernel doing 1 % more work fails it, named with its change; --fail-above moves the line', () => {
  const a = [counted('c-native', 50_000_000, 10_000_000)];
  const b = [counted('c-native', 50_000_000, 10_100_000)];
  let io = captureIo('/');
  assert.equal(report(doc(a, b), 'cmp.json', options(), io), 1);
  assert.match(io.stdout(), /^REGRESSION: .*c-native · fib \(\+0\.80 % whole, \+1\.00 % kernel\)/m);
  assert.match(io.stdout(), /\+1\.00 % ▲/);
  io = captureIo('/');
  assert.equal(report(doc(a, b), 'cmp.json', options(2), io), 0);
  assert.match(io.stdout(), /~ \(\+1\.00 %\)/);
});

test('--metric both: time is reported beside the counts, with the disagreement marked, and only instructions gate', () => {
  const a = [counted('go-native', 50_000_000, 10_000_000)];
  const b = [counted('go-native', 50_000_000, 10_000_000)];
  // Time says B is 20 % slower; instructions say nothing changed: they disagree, and the gate passes.
  const io = captureIo('/');
  assert.equal(report(doc(a, b, [run, makeRun({ 'go-native': 0.48 })]), 'cmp.json', options(), io), 0);
  const out = io.stdout();
  assert.match(out, /p → p Holm/);
  assert.match(out, /Δ time\s+disagree/);
  assert.match(out, /go-native · fib .*\+20\.0 %\s+≠/);
});

test('json: an instructions compare prints its rows, method and notes; both prints time and instructions', () => {
  const side = [counted('go-native', 50_000_000, 10_000_000)];
  let io = captureIo('/');
  report(doc(side, side), 'cmp.json', { ...options(), format: 'json' }, io);
  const j = JSON.parse(io.stdout()) as { metric: string; rows: Array<{ key: string; flagged: boolean }>; notes: string[] };
  assert.equal(j.metric, 'instructions');
  assert.deepEqual(
    j.rows.map((r) => [r.key, r.flagged]),
    [['go-native · fib', false]],
  );
  io = captureIo('/');
  report(doc(side, side, [run, run]), 'cmp.json', { ...options(), format: 'json' }, io);
  const both = JSON.parse(io.stdout()) as { time: { rows: unknown[] }; instructions: { metric: string } };
  assert.equal(both.time.rows.length, 1);
  assert.equal(both.instructions.metric, 'both');
});

test('a compare document of schema 1 reads as a time compare without counts', () => {
  const v1 = {
    schemaVersion: 1,
    kind: 'compare',
    id: 'old',
    createdAt: '2026-12-04T20:00:00.000Z',
    a: { ref: 'main', commit: 'a', dirty: false, run },
    b: { ref: 'HEAD', commit: 'b', dirty: false, run },
  };
  const d = compareDocument.parse(migrateCompare(v1));
  assert.equal(d.metric, 'time');
  assert.equal(d.counting, null);
  assert.equal(d.b.counts, null);
  assert.equal(d.b.run?.results.length, 1);
});
