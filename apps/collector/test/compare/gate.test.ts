import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPARE_SCHEMA_VERSION, compareDocument, type CompareDocument, type RunDocument } from '@arena/contract';
import { report } from '../../src/commands/compare.ts';
import { captureIo } from '../fixtures/io.ts';
import { makeRun } from '../fixtures/run.ts';

const doc = (a: RunDocument, b: RunDocument): CompareDocument =>
  compareDocument.parse({
    schemaVersion: COMPARE_SCHEMA_VERSION,
    kind: 'compare',
    id: 'cmp',
    createdAt: '2026-12-04T20:00:00.000Z',
    metric: 'time',
    counting: null,
    a: { ref: 'main', commit: 'a'.repeat(40), dirty: false, run: { ...a, id: 'cmp-a' }, counts: null },
    b: { ref: 'HEAD', commit: 'b'.repeat(40), dirty: false, run: { ...b, id: 'cmp-b' }, counts: null },
  });

const options = (failAbovePct: number | undefined, allowMissing = false) => ({ format: 'text' as const, alpha: 0.05, failAbovePct, allowMissing });

test('compare gate: a result on one side only fails it (gone or new) unless --allow-missing', () => {
  const d = doc(makeRun({ 'go-native': 0.4, removed: 0.3 }), makeRun({ 'go-native': 0.4, added: 0.2 }));
  let io = captureIo('/');
  assert.equal(report(d, 'cmp.json', options(5), io), 1);
  assert.match(io.stdout(), /REGRESSION: .*on one side only: removed · fib \(gone: .*\), added · fib \(new: only in B; --allow-missing if it was added on purpose\)/);
  io = captureIo('/');
  assert.equal(report(d, 'cmp.json', options(5, true), io), 0);
  assert.match(io.stdout(), /on one side only, allowed by --allow-missing: removed · fib, added · fib/);
  io = captureIo('/');
  assert.equal(report(d, 'cmp.json', options(undefined), io), 0);
  assert.match(io.stdout(), /^A: main · .*\nB: HEAD · /);
  assert.match(io.stdout(), /p → p Holm/);
});

test('compare gate: the same runs on both sides pass; an interrupted compare exits 1', () => {
  const same = makeRun({ 'go-native': 0.4, 'c-native': 0.3 });
  assert.equal(report(doc(same, same), 'cmp.json', options(5), captureIo('/')), 0);
  assert.equal(report(doc(same, same), 'cmp.json', options(5), captureIo('/'), 'interrupted'), 1);
});
