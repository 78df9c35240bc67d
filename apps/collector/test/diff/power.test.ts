import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minAttainableP, smallSampleNote, tooSmall } from '../../src/diff/power.ts';
import { mannWhitneyU } from '../../src/stats/mann-whitney.ts';

const close = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-15, `${x} vs ${y}`);

test('the smallest attainable two-sided exact p is 2 / C(m+n, m), capped at 1', () => {
  close(minAttainableP(3, 3), 0.1);
  close(minAttainableP(4, 4), 2 / 70);
  close(minAttainableP(3, 5), 2 / 56);
  close(minAttainableP(5, 3), 2 / 56);
  close(minAttainableP(10, 10), 2 / 184756);
  close(minAttainableP(1, 2), 2 / 3);
  assert.equal(minAttainableP(1, 1), 1);
  assert.equal(minAttainableP(0, 5), 1, 'capped: 2 / C(5, 0) = 2');
});

test('it is the p the exact U test gives for two fully separated samples', () => {
  for (const [m, n] of [
    [2, 3],
    [3, 3],
    [4, 4],
    [3, 6],
    [5, 5],
    [8, 8],
  ] as const) {
    const x = Array.from({ length: m }, (_, i) => i);
    const y = Array.from({ length: n }, (_, i) => 100 + i);
    const u = mannWhitneyU(x, y);
    assert.equal(u.method, 'exact');
    close(u.p, minAttainableP(m, n));
  }
});

test('a pair is too small when p < alpha is out of reach or a CI rests on fewer than 6 rounds', () => {
  assert.equal(tooSmall({ runs: [3, 3], ciInformative: true }, 0.05), true);
  assert.equal(tooSmall({ runs: [3, 3], ciInformative: true }, 0.11), false);
  assert.equal(tooSmall({ runs: [4, 4], ciInformative: true }, 0.05), false);
  assert.equal(tooSmall({ runs: [4, 4], ciInformative: true }, 0.02), true, '2/70 ≈ 0.029');
  assert.equal(tooSmall({ runs: [30, 30], ciInformative: false }, 0.05), true);
});

test('the note names the results too small to judge, or says "all results", and says why', () => {
  const big = { label: 'big', runs: [10, 10] as [number, number], ciInformative: true };
  const quick = { label: 'quick', runs: [3, 3] as [number, number], ciInformative: false };
  const rounds = { label: 'rounds', runs: [10, 10] as [number, number], ciInformative: false };
  assert.equal(smallSampleNote([big], 0.05), null);
  assert.equal(smallSampleNote([], 0.05), null);
  assert.equal(
    smallSampleNote([big, quick], 0.05),
    "Note: the samples are too small to judge quick: 3 + 3 runs cannot give p below 0.1 (alpha 0.05); a median's CI needs at least 6 rounds and spans the whole sample with fewer. Use the default profile (BENCH_PROFILE=default) for judgements.",
  );
  assert.match(smallSampleNote([quick, rounds], 0.05)!, /too small to judge all results: 3 \+ 3 runs/);
  assert.match(smallSampleNote([big, rounds], 0.05)!, /too small to judge rounds: a median's CI needs at least 6 rounds/);
});
