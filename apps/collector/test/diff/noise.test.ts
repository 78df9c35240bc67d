import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compareRuns } from '../../src/diff/compare.ts';
import { KEPT_OBSERVATIONS, noisePath, noiseSetting, observedDriftPct, readNoise, recordNoise, thresholdOf } from '../../src/diff/noise.ts';
import { wallStats } from '@arena/hyperfine-wrapper';
import { makeRun } from '../fixtures/run.ts';

const tmpResults = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-noise-')), 'results');
const obs = (maxFlaggedDeltaPct: number, i = 0) => ({ runs: [`a${i}`, `b${i}`] as [string, string], profile: 'default', at: `2026-11-27T10:0${i}:00.000Z`, maxFlaggedDeltaPct });

test('the observed drift is the largest |Δ| the diff without a threshold calls significant', () => {
  const a = makeRun({ 'go-native': 0.4, 'c-native': 0.2, wide: 1, js: 1 });
  const b = makeRun({ 'go-native': 0.404, 'c-native': 0.194, wide: 1.1, js: 1 }, { id: 'b' });
  // wide: +10 %, but B's runs spread ±40 %, so its CI overlaps A's and it is not a change.
  const wideTimes = Array.from({ length: 10 }, (_, i) => 1.1 * (1 + (i - 4.5) / 11.25));
  const wide = b.results[2]!;
  if (wide.status === 'ok')
    wide.wallS = wallStats(
      wideTimes,
      wideTimes.map((_, i) => i + 1),
    );
  b.results[3] = { variant: 'js', workload: 'fib', size: 30, parameters: {}, command: 'x', runtime: null, goToolchain: null, status: 'failed', error: 'boom' };
  const d = compareRuns({ doc: a, file: 'a' }, { doc: b, file: 'b' });
  assert.deepEqual(
    d.rows.map((r) => r.significant),
    [false, true, false, false],
  );
  assert.equal(observedDriftPct(d).toFixed(6), '3.000000'); // c-native −3 %
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
  assert.equal(thresholdOf(recordNoise(results, 'fp', obs(9.5)).observations), 10);
  for (let i = 1; i < KEPT_OBSERVATIONS; i++) assert.equal(thresholdOf(recordNoise(results, 'fp', obs(1.2, i)).observations), 10);
  const after = recordNoise(results, 'fp', obs(1.2, 9));
  assert.equal(after.observations.length, KEPT_OBSERVATIONS);
  assert.equal(thresholdOf(after.observations), 2);
  assert.deepEqual(readNoise(results, 'fp'), after);
  assert.equal(readNoise(results, 'other-machine'), null);
  const again = recordNoise(results, 'fp', obs(3.5, 9));
  assert.equal(again.observations.length, KEPT_OBSERVATIONS, 'the same pair judged again is one check');
  assert.deepEqual(again.observations.at(-1), obs(3.5, 9));
});

test('a noise file of the wrong shape is an error naming it, never silently ignored', () => {
  const results = tmpResults();
  mkdirSync(path.dirname(noisePath(results, 'fp')), { recursive: true });
  writeFileSync(noisePath(results, 'fp'), '{"fingerprint": "fp", "observations": []}');
  assert.throws(() => readNoise(results, 'fp'), /noise\/fp\.json is not a noise file .*delete it and run `pnpm arena aa` again/);
});

test('a noise file that is not JSON is an error naming it, not a bare SyntaxError', () => {
  const results = tmpResults();
  mkdirSync(path.dirname(noisePath(results, 'fp')), { recursive: true });
  writeFileSync(noisePath(results, 'fp'), '{"fingerprint": "fp", "observ');
  assert.throws(
    () => readNoise(results, 'fp'),
    (e: Error) => !(e instanceof SyntaxError) && e.message.startsWith(`${noisePath(results, 'fp')} is not readable JSON (`) && /delete it/.test(e.message),
  );
  assert.throws(() => recordNoise(results, 'fp', obs(1)), /fp\.json is not readable JSON/, 'nor overwritten when learning');
});

test('a pair is one check in either order: [B, A] replaces [A, B]', () => {
  const results = tmpResults();
  recordNoise(results, 'fp', obs(1.5, 1));
  recordNoise(results, 'fp', { ...obs(6.5, 2), runs: ['x', 'y'] });
  const swapped = recordNoise(results, 'fp', { ...obs(2.5, 3), runs: ['y', 'x'] });
  assert.deepEqual(
    swapped.observations.map((o) => o.runs),
    [
      ['a1', 'b1'],
      ['y', 'x'],
    ],
  );
  assert.equal(thresholdOf(swapped.observations), 3, "the swapped pair's 6.5 % no longer counts");
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
