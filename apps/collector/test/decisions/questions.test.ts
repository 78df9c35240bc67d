import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Measured, Target } from '@arena/hyperfine-wrapper';
import { answerLines } from '../../src/decisions/answer.ts';
import { decideOnce } from '../../src/decisions/final.ts';
import { questionsOf } from '../../src/decisions/questions.ts';
import { recordDecisions } from '../../src/decisions/record.ts';
import { makeMatrixRun } from '../report/fixtures/matrix-run.ts';

const rule = { alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 };

function target(variant: string, parameters: Record<string, string>, node = false): Target {
  const p = Object.entries(parameters);
  const key = `${variant}${p.length ? ` [${p.map(([k, v]) => `${k}=${v}`).join(', ')}]` : ''} · fib`;
  return {
    key,
    variant,
    parameters,
    command: '',
    asked: { variant, workload: 'fib', size: 30, workers: 2 },
    seeded: false,
    table: 'fib · workers=2',
    ...(node ? { runtime: { name: 'node', version: 'v20.20.2', flags: [] } } : {}),
    ...(parameters.go ? { goToolchain: 'go1.26.8' } : {}),
  } as Target;
}

const TARGETS = [
  target('c-native', {}),
  target('threads-js', { node: '20' }, true),
  target('threads-wasi', { module: 'clang', node: '20' }, true),
  target('threads-wasi', { module: 'assemblyscript', node: '20' }, true),
  target('go-native', { go: '1.26' }),
  target('go-wazero', { module: 'clang', go: '1.26' }),
];

test("the questions come from the targets through the report's own placement and twin rules", () => {
  const plan = questionsOf(TARGETS, rule);
  const qs = plan.questions['fib · workers=2']!;
  assert.deepEqual(
    qs.filter((q) => q.kind === 'pair').map((q) => (q.kind === 'pair' ? [q.a, q.b] : [])),
    [
      ['threads-wasi [module=clang, node=20] · fib', 'threads-js [node=20] · fib'],
      ['threads-wasi [module=assemblyscript, node=20] · fib', 'threads-js [node=20] · fib'],
      ['go-wazero [module=clang, go=1.26] · fib', 'go-native [go=1.26] · fib'],
    ],
  );
  const fastest = Object.fromEntries(qs.flatMap((q) => (q.kind === 'fastest' ? [[q.id, q.members.length]] : [])));
  assert.deepEqual(fastest, { 'fastest node': 3, 'fastest go': 2 });
  assert.deepEqual(plan.keep['fib · workers=2'], ['c-native · fib']);
});

/** Made-up measurements: each target's runs at its level times a per-round wobble. */
function measuredAt(levels: number[], rounds: number): Measured[] {
  return TARGETS.map((t, i) => {
    const times = Array.from({ length: rounds }, (_, r) => levels[i]! * (1 + 0.004 * Math.sin((r + 1) * (i + 1.7))));
    return { status: 'ok', target: t, times, round: times.map((_, r) => r + 1), userS: 0, systemS: 0, reports: [], seeds: [], stop: { reason: 'fixed-runs', ciHalfWidthPct: 0, cvPct: 0 } };
  });
}

test('a run measured without sequential decisions decides its findings in one look after its last round, and records them', () => {
  const plan = questionsOf(TARGETS, { ...rule, firstLook: 1, lastLook: 1 });
  const families = decideOnce(plan, measuredAt([0.2, 0.8, 0.3, 0.8, 0.4, 0.45], 10));
  const doc = recordDecisions(plan, families, TARGETS, 'fixed');
  assert.equal(doc.rule.method, 'fixed');
  const w = doc.workloads[0]!;
  assert.equal(w.workload, 'fib');
  assert.deepEqual(
    w.pairs.map((p) => [p.a.split(' [')[0], p.outcome]),
    [
      ['threads-wasi', 'faster'],
      ['threads-wasi', 'equivalent'],
      ['go-wazero', 'slower'],
    ],
  );
  assert.ok(w.pairs.every((p) => p.round === 10 && p.interval !== null));
  const node = w.fastest.find((f) => f.family === 'node')!;
  assert.equal(node.leader, 'threads-wasi [module=clang, node=20] · fib');
  assert.equal(node.decided, true);
});

test('a failed result takes no question with it that would keep the others waiting', () => {
  const plan = questionsOf(TARGETS, { ...rule, firstLook: 1, lastLook: 1 });
  const measured = measuredAt([0.2, 0.8, 0.3, 0.8, 0.4, 0.45], 10);
  measured[5] = { status: 'failed', target: TARGETS[5]!, error: 'wrong answer' };
  const doc = recordDecisions(plan, decideOnce(plan, measured), TARGETS, 'fixed', new Set([TARGETS[5]!.key]));
  assert.equal(doc.workloads[0]!.pairs.length, 2);
  assert.deepEqual(doc.workloads[0]!.fastest.find((f) => f.family === 'go')?.members.length, undefined, 'one Go result left: no race');
});

test('the answer names the fastest ways, where wasm helps or hurts, and what stayed undecided', () => {
  const plan = questionsOf(TARGETS, { ...rule, firstLook: 1, lastLook: 1 });
  const decisions = recordDecisions(plan, decideOnce(plan, measuredAt([0.2, 0.8, 0.3, 0.81, 0.4, 0.45], 3)), TARGETS, 'fixed');
  const lines = answerLines({ ...makeMatrixRun(), decisions });
  assert.match(lines[0]!, /^The answer \(decided after the last round; δ 2 %, 5 % error per workload\):/);
  assert.match(lines[1]!, /fib: fastest node: threads-wasi \[module=clang, node=20\]/);
  assert.ok(lines.length <= 15);
  assert.equal(answerLines({ ...makeMatrixRun(), decisions: null }).length, 0, 'an older run has no recorded answer');
});

test('a setting or warm-calls target asks one question, against its host at the defaults with one call at its size; the findings questions stay those of the plain targets', () => {
  const inTable = (t: Target, table: string) => ({ ...t, table });
  const small = 'fib · workers=2 · size=20';
  const plan = questionsOf(
    [
      ...TARGETS,
      target('go-wazero', { module: 'clang', settings: 'compilation-cache', go: '1.26' }),
      inTable(target('go-wazero', { module: 'clang', size: '20', go: '1.26' }), small),
      inTable(target('go-wazero', { module: 'clang', settings: 'interpreter', size: '20', go: '1.26' }), small),
      inTable(target('go-native', { calls: '5', size: '20', go: '1.26' }), small),
      inTable(target('go-native', { size: '20', go: '1.26' }), small),
    ],
    rule,
  );
  assert.deepEqual(plan.questions['fib · workers=2'], [
    ...questionsOf(TARGETS, rule).questions['fib · workers=2']!,
    {
      kind: 'pair',
      id: 'go-wazero [module=clang, settings=compilation-cache, go=1.26] · fib against go-wazero [module=clang, go=1.26] · fib',
      a: 'go-wazero [module=clang, settings=compilation-cache, go=1.26] · fib',
      b: 'go-wazero [module=clang, go=1.26] · fib',
    },
  ]);
  assert.deepEqual(
    plan.questions[small]!.map((q) => q.id),
    [
      'go-wazero [module=clang, settings=interpreter, size=20, go=1.26] · fib against go-wazero [module=clang, size=20, go=1.26] · fib',
      'go-native [calls=5, size=20, go=1.26] · fib against go-native [size=20, go=1.26] · fib',
    ],
  );
  assert.deepEqual(plan.keep[small], [], 'no plain result in the sized table: nothing kept for ratios');
});
