import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunDecisions } from '@arena/contract';
import { decidedNote, findingSections } from '../../src/report/findings-text.ts';
import { findings } from '../../src/report/findings.ts';
import { buildMatrix } from '../../src/report/matrix.ts';
import { cellText } from '../../src/report/matrix-markdown.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

const decision = (a: string, b: string, outcome: 'faster' | 'slower' | 'equivalent' | 'undecided', ratio: number, round: number | null) => ({
  a,
  b,
  outcome,
  ratio,
  interval: { low: ratio * 0.98, high: ratio * 1.02 },
  round,
  alpha: 0.001,
});

const DECISIONS: RunDecisions = {
  rule: { method: 'sequential', alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 },
  workloads: [
    {
      workload: 'fib',
      table: 'fib · workers=2',
      pairs: [
        { id: 'clang', ...decision('threads-wasi [module=clang, node=20] · fib', 'threads-js [node=20] · fib', 'faster', 0.4, 6) },
        { id: 'as', ...decision('threads-wasi [module=assemblyscript, node=20] · fib', 'threads-js [node=20] · fib', 'undecided', 1.01, null) },
        { id: 'go', ...decision('go-wazero [module=clang, go=1.26] · fib', 'go-native [go=1.26] · fib', 'equivalent', 1.005, 9) },
      ],
      fastest: [
        {
          id: 'fastest node',
          family: 'node',
          leader: 'threads-wasi [module=clang, node=20] · fib',
          decided: false,
          members: [
            { key: 'threads-wasi [module=clang, node=20] · fib', state: 'leader', than: null, decision: null },
            {
              key: 'threads-js [node=20] · fib',
              state: 'slower',
              than: 'threads-wasi [module=clang, node=20] · fib',
              decision: decision('threads-js [node=20] · fib', 'threads-wasi [module=clang, node=20] · fib', 'slower', 2.5, 6),
            },
            {
              key: 'threads-wasi [module=assemblyscript, node=20] · fib',
              state: 'open',
              than: null,
              decision: decision('threads-wasi [module=assemblyscript, node=20] · fib', 'threads-wasi [module=clang, node=20] · fib', 'undecided', 1.01, null),
            },
          ],
        },
      ],
    },
  ],
};

test("a decided run's findings are its recorded decisions: verdicts, intervals, the fastest way and what stayed undecided", () => {
  const doc = { ...makeMatrixRun(), decisions: DECISIONS };
  const f = findings(doc);
  const fib = f.workloads.find((w) => w.workload === 'fib')!;
  assert.deepEqual(
    fib.wasmVsNative.map((x) => [x.producer, x.verdict, x.ratio.ratio]),
    [
      ['clang', 'faster', 0.4],
      ['assemblyscript', 'undecided', 1.01],
      ['clang', 'equivalent', 1.005],
    ],
  );
  assert.equal(fib.fastestNode!.label, 'threads-wasi [module=clang, node=20]');
  assert.deepEqual(fib.fastestNode!.decision, { decided: false, tied: [], undecided: ['threads-wasi [module=assemblyscript, node=20]'] });
  const text = findingSections(f)
    .flatMap((s) => s.items.flatMap((i) => [i.text, ...i.sub]))
    .join('\n');
  assert.match(text, /undecided against threads-wasi \[module=assemblyscript, node=20\]/);
  assert.match(text, /assemblyscript ~1\.01× \(0\.99–1\.03\), undecided/);
  assert.match(text, /clang ~1\.00× \(0\.98–1\.03\), as fast within the margin/);
  assert.match(decidedNote(f), /decided while measuring: looked at after every round from round 6 to 20/);
});

test('an older run is labelled as not sequentially decided, its findings recomputed as before', () => {
  const f = findings(makeMatrixRun());
  assert.equal(f.rule, null);
  assert.match(decidedNote(f), /^Not sequentially decided/);
  assert.ok(f.workloads[0]!.wasmVsNative.every((x) => ['faster', 'slower', 'same'].includes(x.verdict)));
});

test('the time matrix marks a wasm result whose verdict stayed undecided', () => {
  const m = buildMatrix({ ...makeMatrixRun(), decisions: DECISIONS }, 'wall')!;
  const cell = m.cells.find((c) => c.label === 'threads-wasi [module=assemblyscript, node=20] · fib')!;
  assert.equal(cell.undecided, true);
  assert.match(cellText(cell), / \?$/);
  assert.ok(!cellText(m.cells.find((c) => c.label === 'threads-wasi [module=clang, node=20] · fib')).endsWith('?'));
});
