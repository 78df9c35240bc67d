import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunDocument } from '@arena/contract';
import { runtimeChart } from '../../src/report/charts.ts';
import { runtimeRows } from '../../src/report/data.ts';
import { runtimeTable } from '../../src/report/tables.ts';
import { makeRun } from '../fixtures/run.ts';

/** threads-wasi on Node 20, 22 and 24 (slower on each), plus c-native without a node parameter. */
function overNodes(): RunDocument {
  const base = makeRun({ 'threads-wasi': 0.3, 'c-native': 0.2 });
  const results = base.results.flatMap((r) =>
    r.variant !== 'threads-wasi' || r.status !== 'ok'
      ? [r]
      : ['24', '20', '22'].map((node) => ({ ...r, parameters: { module: 'clang', node }, wallS: { ...r.wallS, median: r.wallS.median * (1 + Number(node) / 100) } })),
  );
  return { ...base, results };
}

test('runtime rows: one series per host without its runtime parameter, lines in numeric order', () => {
  const rows = runtimeRows(overNodes());
  assert.deepEqual(
    rows.map((r) => [r.series, r.line]),
    [
      ['threads-wasi [module=clang] · fib', 'Node 20'],
      ['threads-wasi [module=clang] · fib', 'Node 22'],
      ['threads-wasi [module=clang] · fib', 'Node 24'],
    ],
  );
  assert.ok(rows[0]!.ci95LowMs <= rows[0]!.ci95HighMs);
});

test('Bun and Deno results join the same series as Node ones: a column per runtime line, Node first', () => {
  const base = overNodes();
  const one = base.results.find((r) => r.variant === 'threads-wasi')!;
  const doc = { ...base, results: [...base.results, { ...one, parameters: { module: 'clang', deno: '2.9' } }, { ...one, parameters: { module: 'clang', bun: '1.4' } }] };
  assert.deepEqual(
    runtimeRows(doc).map((r) => [r.series, r.line]),
    ['Node 20', 'Node 22', 'Node 24', 'Bun 1.4', 'Deno 2.9'].map((l) => ['threads-wasi [module=clang] · fib', l]),
  );
  assert.deepEqual(runtimeTable(doc).header.slice(-2), ['Bun 1.4: ms (95 % CI)', 'Deno 2.9: ms (95 % CI)']);
});

test('the runtime table and chart show each line with its CI; a run on one line has neither', () => {
  const t = runtimeTable(overNodes());
  assert.deepEqual(t.header, ['variant', 'Node 20: ms (95 % CI)', 'Node 22: ms (95 % CI)', 'Node 24: ms (95 % CI)']);
  assert.match(t.rows[0]![1]!, /^360\.0 \(\d+\.\d–\d+\.\d\)$/);
  assert.equal(runtimeChart(overNodes())?.name, 'runtimes');
  assert.equal(runtimeTable(makeRun({ 'threads-wasi': 0.3 })).rows.length, 0);
  assert.equal(runtimeChart(makeRun({ 'threads-wasi': 0.3 })), null);
});

/** go-native built by Go 1.25, 1.27 and 1.9 (numeric order is 1.9, 1.25, 1.27), plus c-native without a go parameter. */
function overGos(): RunDocument {
  const base = makeRun({ 'go-native': 0.5, 'c-native': 0.2 });
  const results = base.results.flatMap((r) => (r.variant !== 'go-native' ? [r] : ['1.27', '1.9', '1.25'].map((go) => ({ ...r, parameters: { go }, goToolchain: `go${go}.0` }))));
  return { ...base, results };
}

test('Go toolchain rows, table and chart: one series per result without its go parameter, lines in numeric order', () => {
  assert.deepEqual(
    runtimeRows(overGos(), 'go').map((r) => [r.series, r.line]),
    [
      ['go-native · fib', '1.9'],
      ['go-native · fib', '1.25'],
      ['go-native · fib', '1.27'],
    ],
  );
  assert.deepEqual(runtimeTable(overGos(), 'go').header, ['variant', 'Go 1.9: ms (95 % CI)', 'Go 1.25: ms (95 % CI)', 'Go 1.27: ms (95 % CI)']);
  assert.equal(runtimeChart(overGos(), 'go')?.name, 'go-toolchains');
  assert.equal(runtimeChart(overGos(), 'node'), null, 'no Node lines in this run');
});
