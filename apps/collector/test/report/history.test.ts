import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunDocument } from '@arena/contract';
import { historyRows } from '../../src/report/data.ts';
import { historySeries, profileMethod, toolchainChanges, toolchainOf } from '../../src/report/history.ts';
import { historyTables } from '../../src/report/tables.ts';
import { HISTORY_RUNS, historyRun } from './fixtures/history-runs.ts';

const byId = new Map(HISTORY_RUNS.map((d) => [d.id, d]));
/** What a series must hold fixed, read from the run documents themselves (not from the code under test). */
const configOf = (d: RunDocument) => JSON.stringify([d.config.sizes.fib, d.config.targetCiPct === null, d.machine.cpuModel, d.machine.logicalCores, d.config.workers]);

test('history: a series never joins runs of another size, profile method or hardware', () => {
  const series = historySeries(HISTORY_RUNS);
  for (const s of series) {
    assert.equal(new Set(s.points.map((p) => configOf(byId.get(p.runId)!))).size, 1, `${s.result} in ${s.configurationLabel}`);
  }
  const names = series.map((s) => `${s.result} | ${s.configurationLabel}`).sort();
  assert.deepEqual(names, [
    'c-native · fib | fib size 30 · 2 workers · fixed runs · Test CPU, 2 cores, 23.3 GiB',
    'c-native · fib | fib size 40 · 2 workers · adaptive · Other CPU, 2 cores, 23.3 GiB',
    'c-native · fib | fib size 40 · 2 workers · adaptive · Test CPU, 2 cores, 23.3 GiB',
    'go-native · fib | fib size 30 · 2 workers · fixed runs · Test CPU, 2 cores, 23.3 GiB',
    'go-native · fib | fib size 40 · 2 workers · adaptive · Other CPU, 2 cores, 23.3 GiB',
    'go-native · fib | fib size 40 · 2 workers · adaptive · Test CPU, 2 cores, 23.3 GiB',
  ]);
  const pointsOf = (result: string, size: number, cpu = 'Test CPU') =>
    series.find((s) => s.result === result && s.configuration.size === size && s.configuration.cpuModel === cpu)!.points.map((p) => p.runId);
  assert.deepEqual(pointsOf('go-native · fib', 40), ['r1', 'r4']);
  assert.deepEqual(pointsOf('go-native · fib', 30), ['r2', 'r3']);
  assert.deepEqual(pointsOf('c-native · fib', 30), ['r2'], 'the narrowed run r3 did not run c-native');
  assert.deepEqual(pointsOf('c-native · fib', 40, 'Other CPU'), ['r5']);
  // Every recorded result is drawn somewhere: nothing hidden.
  assert.equal(
    series.reduce((n, s) => n + s.points.length, 0),
    HISTORY_RUNS.reduce((n, d) => n + d.results.length, 0),
  );
});

test('history: a Go upgrade does not split the series; it is marked at the run where it happens, on the Go-built result only', () => {
  const series = historySeries(HISTORY_RUNS);
  const at = (result: string) => series.find((s) => s.result === result && s.configuration.size === 40 && s.configuration.cpuModel === 'Test CPU')!.points;
  assert.deepEqual(
    at('go-native · fib').map((p) => [p.runId, p.toolchain]),
    [
      ['r1', []],
      ['r4', ['go go1.25.5 → go1.26.8']],
    ],
  );
  assert.deepEqual(
    at('c-native · fib').map((p) => [p.runId, p.toolchain]),
    [
      ['r1', []],
      ['r4', []],
    ],
  );
});

test('history: a step the diff rules call significant is marked, a level one is not', () => {
  const series = historySeries(HISTORY_RUNS);
  const at = (result: string) => series.find((s) => s.result === result && s.configuration.size === 40 && s.configuration.cpuModel === 'Test CPU')!.points;
  const c = at('c-native · fib')[1]!;
  assert.ok(c.status === 'ok' && c.step !== null);
  assert.ok(Math.abs(c.step.deltaPct - 20) < 1e-9 && c.step.p < 0.05);
  const g = at('go-native · fib')[1]!;
  assert.ok(g.status === 'ok' && g.step === null, 'same median: no step');
  // The learned noise applies as in diff: a 25 % threshold hides the 20 % step.
  const quiet = historySeries(HISTORY_RUNS, { noisePct: () => 25 });
  const c2 = quiet.find((s) => s.result === 'c-native · fib' && s.configuration.size === 40 && s.configuration.cpuModel === 'Test CPU')!.points[1]!;
  assert.ok(c2.status === 'ok' && c2.step === null);
});

test('history: a failed result stays in its series, and the next step compares with the last ok point', () => {
  const failed = historyRun({ id: 'r6', at: '2026-11-29T15:00:00.000Z', medians: { 'c-native': 0.3 } });
  failed.results = failed.results.map((r) => ({
    variant: r.variant,
    workload: r.workload,
    size: r.size,
    parameters: r.parameters,
    command: r.command,
    runtime: null,
    goToolchain: null,
    status: 'failed' as const,
    error: 'wrong answer',
  }));
  const later = historyRun({ id: 'r7', at: '2026-11-29T16:00:00.000Z', medians: { 'c-native': 0.36 } });
  const s = historySeries([...HISTORY_RUNS, failed, later]).find((x) => x.result === 'c-native · fib' && x.configuration.size === 40 && x.configuration.cpuModel === 'Test CPU')!;
  assert.deepEqual(
    s.points.map((p) => [p.runId, p.status]),
    [
      ['r1', 'ok'],
      ['r4', 'ok'],
      ['r6', 'failed'],
      ['r7', 'ok'],
    ],
  );
  const last = s.points[3]!;
  assert.ok(last.status === 'ok' && last.step !== null && Math.abs(last.step.deltaPct - 20) < 1e-9, 'r7 against r4');
});

test('history: the profile method and the toolchain', () => {
  const [r1, r2] = HISTORY_RUNS as [RunDocument, RunDocument];
  assert.equal(profileMethod(r1.config), 'adaptive');
  assert.equal(profileMethod(r2.config), 'fixed runs');
  assert.equal(profileMethod({ ...r1.config, profile: 'article' }), 'article');
  const before = toolchainOf(r1, r1.results[0]!);
  assert.deepEqual(toolchainChanges(before, { ...before, kernel: '6.18.44', hyperfine: '1.16.0' }), ['hyperfine 1.15.0 → 1.16.0', 'kernel 6.1.0 → 6.18.44']);
  assert.deepEqual(toolchainChanges(before, before), []);
});

test('history chart data: each point in its series, runs named by time and commit, dirty marked, CI, marks where they happen', () => {
  const rows = historyRows(HISTORY_RUNS);
  // The configuration travels with every point, so no line can join two configurations.
  for (const series of new Set(rows.map((r) => r.series))) {
    assert.equal(new Set(rows.filter((r) => r.series === series).map((r) => configOf(byId.get(r.runId)!))).size, 1);
  }
  assert.equal(rows.find((r) => r.runId === 'r4' && r.result === 'go-native · fib')!.run, '2026-11-29 13:00:00 r400000 (dirty)');
  assert.deepEqual(
    rows.filter((r) => r.toolchain).map((r) => [r.runId, r.result, r.toolchain]),
    [['r4', 'go-native · fib', 'go go1.25.5 → go1.26.8']],
  );
  assert.deepEqual(
    rows.filter((r) => r.step).map((r) => [r.runId, r.result, r.step]),
    [['r4', 'c-native · fib', '+20.0 %']],
  );
  for (const r of rows) assert.ok(r.ci95LowMs <= r.medianMs && r.medianMs <= r.ci95HighMs);
});

test('history tables: one per configuration; a narrowed run shows "not run", never a number or a gap read as gone', () => {
  const tables = historyTables(HISTORY_RUNS);
  assert.deepEqual(
    tables.map((t) => [t.configuration.split(' · ').slice(0, 3).join(' · '), t.runs]),
    [
      ['fib size 40 · 2 workers · adaptive', 2],
      ['fib size 30 · 2 workers · fixed runs', 2],
      ['fib size 40 · 2 workers · adaptive', 1],
    ],
  );
  const quick = tables[1]!;
  assert.deepEqual(quick.table.header, ['result', '2026-11-29 11:00:00 r200000', '2026-11-29 12:00:00 r300000']);
  assert.deepEqual(
    quick.table.rows
      .find((r) => r[0] === 'c-native · fib')!
      .slice(1, 2)
      .map((c) => c.startsWith('3.00 (')),
    [true],
  );
  assert.equal(quick.table.rows.find((r) => r[0] === 'c-native · fib')![2], 'not run');
  const main = tables[0]!;
  assert.match(main.table.header[2]!, /r400000 \(dirty\)$/);
  assert.match(main.table.rows.find((r) => r[0] === 'c-native · fib')![2]!, /^300\.0 \(\d+\.\d–\d+\.\d\) ▲ \+20\.0 %$/);
  assert.match(main.table.rows.find((r) => r[0] === 'go-native · fib')![2]!, /^300\.0 \(.*\) †$/);
  assert.deepEqual(main.notes, ['† at 2026-11-29 13:00:00 r400000 (dirty): go go1.25.5 → go1.26.8']);
});
