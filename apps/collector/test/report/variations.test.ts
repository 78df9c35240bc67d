import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OkResult, RunDocument } from '@arena/contract';
import { findings } from '../../src/report/findings.ts';
import { renderReportMarkdown } from '../../src/report/markdown.ts';
import { callsRows, callsTables, plainRun, settingRows, settingsTables, variationFindings, warmTwinRows } from '../../src/report/variations.ts';
import { makeRun } from '../fixtures/run.ts';

/** A Go run on fib: go-native and go-wazero [clang] at defaults, two settings, and warm calls. */
function variationsRun(): RunDocument {
  const base = makeRun({
    'go-native': 0.5,
    wazero: 0.6,
    'wazero-cache': 0.45,
    'wazero-small': 0.2,
    'wazero-interp': 4,
    'native-warm': 0.3,
    'wazero-warm': 0.31,
    'native-one': 0.1,
    'wazero-one': 0.12,
  });
  const as: Record<string, { variant: string; parameters: Record<string, string>; size?: number; phases?: Record<string, number> }> = {
    'go-native': { variant: 'go-native', parameters: { go: '1.26' } },
    wazero: { variant: 'go-wazero', parameters: { module: 'clang', go: '1.26' } },
    'wazero-cache': { variant: 'go-wazero', parameters: { module: 'clang', settings: 'compilation-cache', go: '1.26' } },
    'wazero-small': { variant: 'go-wazero', parameters: { module: 'clang', size: '20', go: '1.26' }, size: 20 },
    'wazero-interp': { variant: 'go-wazero', parameters: { module: 'clang', settings: 'interpreter', size: '20', go: '1.26' }, size: 20 },
    'native-warm': { variant: 'go-native', parameters: { calls: '20', size: '25', go: '1.26' }, size: 25, phases: { firstCallMs: 15, laterCallMs: 10 } },
    'wazero-warm': { variant: 'go-wazero', parameters: { module: 'clang', calls: '20', size: '25', go: '1.26' }, size: 25, phases: { firstCallMs: 40, laterCallMs: 9 } },
    'native-one': { variant: 'go-native', parameters: { size: '25', go: '1.26' }, size: 25 },
    'wazero-one': { variant: 'go-wazero', parameters: { module: 'clang', size: '25', go: '1.26' }, size: 25 },
  };
  return {
    ...base,
    results: base.results.map((r) => {
      const x = as[r.variant]!;
      const ok = r as OkResult;
      return {
        ...ok,
        variant: x.variant,
        parameters: x.parameters,
        size: x.size ?? 30,
        goToolchain: 'go1.26.8',
        ...(x.variant === 'go-wazero' ? { twin: 'go-native' } : {}),
        phasesMs: { ...ok.phasesMs, ...x.phases },
      };
    }),
  };
}

test('the plain run keeps the results without settings, calls or size: the findings never see a variation', () => {
  const doc = variationsRun();
  assert.deepEqual(
    plainRun(doc).results.map((r) => [r.variant, r.parameters]),
    [
      ['go-native', { go: '1.26' }],
      ['go-wazero', { module: 'clang', go: '1.26' }],
    ],
  );
  const f = findings(doc);
  assert.equal(f.workloads[0]!.fastestGo!.label, 'go-native [go=1.26]', 'the faster cache setting is not the fastest Go way');
  assert.equal(f.workloads[0]!.wasmVsNative.length, 1);
});

test('each setting against its host at the defaults and the same size; at the same size also against the twin, directly; a slow one through its default (an estimate)', () => {
  const rows = settingRows(variationsRun());
  assert.deepEqual(
    rows.map((r) => [r.setting, r.size, Math.round(r.defaultMs), Math.round(r.tunedMs), r.gain.ratio.toFixed(2), r.outcome, r.twin?.native, r.twin?.estimate, r.twin?.flips]),
    [
      ['compilation-cache', 30, 600, 450, '0.75', 'faster', 'go-native · go 1.26', false, true],
      ['interpreter', 20, 200, 4000, '20.00', 'slower', 'go-native · go 1.26', true, false],
    ],
  );
  assert.equal(rows[1]!.twin!.after.ratio.toFixed(2), (20 * 1.2).toFixed(2), "the interpreter's gain times the default's 1.2×");
  const table = settingsTables(variationsRun())[0]!.table;
  assert.equal(table.rows[0]![2], 'compilation-cache ★', 'the best setting of its host and module');
  assert.match(table.rows[0]![10]!, /^flips: slower → faster$/);
  assert.match(table.rows[1]![9]!, /^≈24\.0×$/);
});

test('warm calls: first and later calls from the phases, N calls against one at the same size, and a warm-up that flips the twin answer', () => {
  const doc = variationsRun();
  assert.deepEqual(
    callsRows(doc).map((r) => [r.host, r.producer, r.calls, r.size, r.firstCallMs, r.laterCallMs, r.wall?.ratio.toFixed(1)]),
    [
      ['go-native · go 1.26', 'native', 20, 25, 15, 10, '3.0'],
      ['go-wazero · go 1.26', 'clang', 20, 25, 40, 9, '2.6'],
    ],
  );
  assert.deepEqual(
    warmTwinRows(doc).map((r) => [r.host, r.native, r.warm.toFixed(2), r.flips]),
    [['go-wazero · go 1.26', 'go-native · go 1.26', '0.90', true]],
  );
  assert.deepEqual(callsTables(doc)[0]!.table.rows[1]!.slice(4, 7), ['40.0', '9.0', '4.44×']);
  const lines = variationFindings(doc);
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^fib: go-wazero · go 1\.26 \[clang\] with compilation-cache turns slower than go-native · go 1\.26 \(1\.20× \(.*\)\) into faster \(0\.90× \(.*\)\)$/);
  assert.match(lines[1]!, /^fib: go-wazero · go 1\.26 \[clang\] is slower than go-native · go 1\.26 in one cold call \(1\.20× .*\), faster once warm \(later calls of 20: ≈0\.90×\)$/);
});

test('the Markdown report gives the settings and warm calls their own sections; a run without them has none', () => {
  const md = renderReportMarkdown(variationsRun(), [], 'go-native');
  for (const heading of ['## What settings and warm-up change', '## Engine settings: defaults against tuned', '## Warm calls: first call against later ones']) assert.ok(md.includes(heading), heading);
  const plain = renderReportMarkdown(plainRun(variationsRun()), [], 'go-native');
  assert.ok(!plain.includes('Engine settings'));
  assert.ok(!plain.includes('Warm calls'));
});
