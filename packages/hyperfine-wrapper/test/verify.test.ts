import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fibonacci, verifyOutput, verifyReport } from '../src/verify.ts';

const expected = { variant: 'fixture', n: 10, workers: 2 };
const line = (o: object) => JSON.stringify({ variant: 'fixture', n: 10, workers: 2, results: [55, 55], phasesMs: { computeMs: 1 }, ...o });

test('fibonacci reference values', () => {
  assert.deepEqual([0, 1, 2, 10, 40, 47].map(fibonacci), [0, 1, 1, 55, 102334155, 2971215073]);
});

test('accepts a correct report as the last stdout line', () => {
  const v = verifyOutput(`starting\n${line({})}\n`, expected);
  assert.equal(v.ok, true);
});

test('a wrong answer names expected and got', () => {
  const v = verifyReport(line({ results: [55, 56] }), expected);
  assert.deepEqual(v, { ok: false, error: 'wrong answer: expected fibonacci(10) = 55, got 56 from worker 1' });
});

test('ignored --workers and wrong n are caught', () => {
  const v = verifyReport(line({ workers: 1, results: [55] }), expected);
  assert.equal(v.ok, false);
  assert.match(!v.ok ? v.error : '', /workers: expected 2, got 1/);
});

test('garbage and contract violations are explained', () => {
  const g = verifyOutput('hello\n', expected);
  assert.match(!g.ok ? g.error : '', /not JSON/);
  const c = verifyReport(JSON.stringify({ variant: 'fixture', n: 10 }), expected);
  assert.match(!c.ok ? c.error : '', /breaks the contract[\s\S]*workers/);
  const none = verifyOutput('', expected);
  assert.match(!none.ok ? none.error : '', /no report line/);
});
