import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compareRuns } from '../../src/diff/compare.ts';
import { KEPT_OBSERVATIONS, noisePath, noiseSetting, observedDriftPct, readNoise, recordNoise, thresholdOf } from '../../src/diff/noise.ts';
import { makeRun } from '../fixtures/run.ts';

const tmpResults = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-noise-')), 'results');
const obs = (maxAbsDeltaPct: number, i = 0) => ({ runs: [`a${i}`, `b${i}`] as [string, string], profile: 'default', at: `2026-11-27T10:0${i}:00.000Z`, maxAbsDeltaPct });

test('the observed drift is the largest |Δ| over results ok in both runs, significant or not', () => {
  const a = makeRun({ 'go-native': 0.4, 'c-native': 0.2, 'js': 1 });
  const b = makeRun({ 'go-native': 0.404, 'c-native': 0.194, 'js': 1 }, { id: 'b' });
  b.results[2] = { variant: 'js', parameters: {}, command: 'x', status: 'failed', error: 'boom' };
  assert.equal(observedDriftPct(compareRuns({ doc: a, file: 'a' }, { doc: b, file: 'b' })).toFixed(6), '3.000000'); // c-native −3 %
  assert.equal(observedDriftPct(compareRuns({ doc: a, file: 'a' }, { doc: a, file: 'a' })), 0);
});

test('the threshold is the worst remembered drift rounded up, and at least 1 %', () => {
  assert.equal(thresholdOf([obs(0.3)]), 1);
  assert.equal(thresholdOf([obs(4.1), obs(2)]), 5);
  assert.equal(thresholdOf([obs(3)]), 3);
});

test('recordNoise keeps the newest observations only, so one bad A/A check is forgotten in time', () => {
  const results = tmpResults();
  assert.equal(readNoise(results, 'fp'), null);
  assert.equal(recordNoise(results, 'fp', obs(9.5)).noisePct, 10);
  for (let i = 1; i < KEPT_OBSERVATIONS; i++) assert.equal(recordNoise(results, 'fp', obs(1.2, i)).noisePct, 10);
  const after = recordNoise(results, 'fp', obs(1.2, 9));
  assert.equal(after.observations.length, KEPT_OBSERVATIONS);
  assert.equal(after.noisePct, 2);
  assert.deepEqual(readNoise(results, 'fp'), after);
  assert.equal(readNoise(results, 'other-machine'), null);
});

test('a corrupt noise file is an error naming it, never silently ignored', () => {
  const results = tmpResults();
  mkdirSync(path.dirname(noisePath(results, 'fp')), { recursive: true });
  writeFileSync(noisePath(results, 'fp'), '{"fingerprint": "fp", "noisePct": -1, "observations": []}');
  assert.throws(() => readNoise(results, 'fp'), /fp\.json is not a noise file/);
});

test('noiseSetting: --noise wins, then what was learned on the machine both runs share, else none', () => {
  const results = tmpResults();
  const a = makeRun({ x: 1 });
  const b = makeRun({ x: 1 }, { id: 'b' });
  const elsewhere = makeRun({ x: 1 }, { id: 'c', machine: { ...a.machine, fingerprint: 'beef' } });
  assert.deepEqual(noiseSetting(results, a, b, undefined), { noisePct: 0, source: 'none' });
  recordNoise(results, a.machine.fingerprint, obs(4.1));
  assert.deepEqual(noiseSetting(results, a, b, undefined), { noisePct: 5, source: 'learned', file: noisePath(results, a.machine.fingerprint) });
  assert.deepEqual(noiseSetting(results, a, b, 0), { noisePct: 0, source: 'option' });
  assert.deepEqual(noiseSetting(results, a, elsewhere, undefined), { noisePct: 0, source: 'none' });
});
