import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryRatio, pointRatio, timeRatio } from '../../src/report/ratio.ts';
import { seeded } from './fixtures/matrix-run.ts';

const rounds = (n: number, perRound = 1) => Array.from({ length: n * perRound }, (_, i) => Math.floor(i / perRound) + 1);

test('paired by round: a shared drift cancels, a constant factor comes out exactly', () => {
  const round = rounds(8);
  const b = round.map((r) => 0.2 * (1 + (r % 3) / 10)); // ±20 % drift, shared
  const a = b.map((t) => t * 2);
  const r = timeRatio({ times: a, round }, { times: b, round });
  assert.equal(r.method, 'paired-rounds');
  assert.ok(Math.abs(r.ratio - 2) < 1e-12);
  assert.deepEqual(
    [r.ci!.low, r.ci!.high].map((x) => x.toFixed(12)),
    ['2.000000000000', '2.000000000000'],
  );
  assert.equal(r.significant, true);
});

test('the same times up to symmetric noise: not significant', () => {
  const round = rounds(10);
  const b = round.map(() => 0.3);
  const a = round.map((_, i) => 0.3 * (1 + (i % 2 ? 0.01 : -0.01)));
  const r = timeRatio({ times: a, round }, { times: b, round });
  assert.equal(r.significant, false);
  assert.ok(r.ci!.low < 1 && r.ci!.high > 1);
});

test('fewer than 6 shared rounds: all runs as two samples; too few runs: no interval, not significant', () => {
  const round = rounds(3, 3);
  const b = round.map((_, i) => 0.1 + i / 1000);
  const a = b.map((t) => t * 1.5);
  const r = timeRatio({ times: a, round }, { times: b, round });
  assert.equal(r.method, 'runs');
  assert.ok(r.ci && r.ci.low > 1 && r.significant);
  const tiny = timeRatio({ times: [0.2, 0.21], round: [1, 2] }, { times: [0.1, 0.11], round: [1, 2] });
  assert.equal(tiny.ci, null); // 2 + 2 runs cannot reach 95 %
  assert.equal(tiny.significant, false);
});

// Fixed-seed simulation: log-normal runs (σ = 2 %) in rounds that share a drift of up to ±5 %, a true
// ratio of 1.3. The intervals must cover it about as often as they claim (≥ 95 %, achieved 95.1 % for
// 10 rounds), and pairing must make them narrower than ignoring the rounds.
test('coverage of the paired interval in a seeded simulation', () => {
  const random = seeded(42);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const round = rounds(10, 3);
  let covered = 0;
  let pairedWidth = 0;
  let unpairedWidth = 0;
  const trials = 1000;
  for (let k = 0; k < trials; k++) {
    const drift = Array.from({ length: 10 }, () => 1 + (random() - 0.5) * 0.1);
    const b = round.map((r) => 0.2 * drift[r - 1]! * Math.exp(0.02 * normal()));
    const a = round.map((r) => 0.26 * drift[r - 1]! * Math.exp(0.02 * normal()));
    const paired = timeRatio({ times: a, round }, { times: b, round });
    if (paired.ci!.low <= 1.3 && 1.3 <= paired.ci!.high) covered++;
    pairedWidth += Math.log(paired.ci!.high / paired.ci!.low);
    const unpaired = timeRatio({ times: a, round: round.map(() => 1) }, { times: b, round: round.map(() => 2) });
    unpairedWidth += Math.log(unpaired.ci!.high / unpaired.ci!.low);
  }
  const coverage = covered / trials;
  assert.ok(coverage >= 0.93 && coverage <= 0.98, `coverage ${coverage}`); // 95.1 % ± 2 binomial SE
  assert.ok(pairedWidth < unpairedWidth, 'pairing by round narrows the interval');
});

test('memory: ratio of medians, range bounds, significant only when the ranges do not overlap', () => {
  const m = (median: number, min: number, max: number) => ({ medianBytes: median, minBytes: min, maxBytes: max });
  const apart = memoryRatio(m(200, 190, 210), m(100, 95, 105));
  assert.deepEqual(apart, { ratio: 2, ci: { low: 190 / 105, high: 210 / 95 }, significant: true, method: 'range' });
  assert.equal(memoryRatio(m(101, 99, 104), m(100, 96, 103)).significant, false);
});

test('a ratio of single numbers has no interval and no verdict', () => {
  assert.deepEqual(pointRatio(3, 2), { ratio: 1.5, ci: null, significant: null, method: 'none' });
});
