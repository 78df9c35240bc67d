import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OkResult, RunDocument } from '@arena/contract';
import { wallStats } from '@arena/hyperfine-wrapper';
import { pairedChange, pairedDiff } from '../../src/compare/paired.ts';
import { regressions } from '../../src/diff/compare.ts';
import { renderDiff } from '../../src/diff/render.ts';
import { makeRun } from '../fixtures/run.ts';

/** mulberry32: a fixed-seed generator for made-up noise. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two sides of `rounds` rounds of 3 runs: a drift shared by the round (the machine's state, ±10 %)
 * times each run's own noise (±cv), B slower by `factor`.
 */
function sides(variants: Record<string, number>, rounds: number, cv: number, seed: number): [RunDocument, RunDocument] {
  const next = rng(seed);
  const a = makeRun(Object.fromEntries(Object.keys(variants).map((v) => [v, 0.3])), { id: 'a' });
  const b = makeRun(Object.fromEntries(Object.keys(variants).map((v) => [v, 0.3])), { id: 'b' });
  for (const [i, [v, factor]] of Object.entries(variants).entries()) {
    const ta: number[] = [];
    const tb: number[] = [];
    const round: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      const drift = 1 + 0.2 * (next() - 0.5);
      for (let k = 0; k < 3; k++) {
        ta.push(0.3 * drift * (1 + cv * (next() - 0.5)));
        tb.push(0.3 * factor * drift * (1 + cv * (next() - 0.5)));
        round.push(r);
      }
    }
    (a.results[i] as OkResult).wallS = wallStats(ta, round);
    (b.results[i] as OkResult).wallS = wallStats(tb, round);
    assert.equal(a.results[i]!.variant, v);
  }
  return [a, b];
}

test('pairedChange: the per-round ratio B/A, its CI and p; nothing without shared rounds', () => {
  const a = { times: [1, 1, 2, 2, 3, 3], round: [1, 1, 2, 2, 3, 3] };
  const b = { times: [1.1, 1.1, 2.2, 2.2, 3.3, 3.3], round: [1, 1, 2, 2, 3, 3] };
  const c = pairedChange(a, b)!;
  assert.equal(c.rounds, 3);
  assert.ok(Math.abs(c.ratio - 1.1) < 1e-12);
  assert.equal(c.ci, null); // 3 rounds cannot reach 95 %
  assert.equal(c.minP, 0.25);
  assert.equal(pairedChange(a, { times: [1], round: [9] }), null);
});

test('pairedDiff: a 3 % slowdown under ±10 % round drift is flagged; unchanged results are not', () => {
  const [a, b] = sides({ slow: 1.03, same: 1, fast: 0.95 }, 12, 0.02, 7);
  const d = pairedDiff({ doc: a, file: 'a.json' }, { doc: b, file: 'b.json' });
  const row = (v: string) => d.rows.find((r) => r.variant === v)!;
  assert.equal(d.test, 'paired-signed-rank');
  assert.equal(row('slow').significant, true);
  assert.ok(Math.abs(row('slow').deltaPct! - 3) < 1.5, `Δ ${row('slow').deltaPct}`);
  assert.ok(row('slow').paired!.ci!.low > 1);
  assert.equal(row('same').significant, false);
  assert.equal(row('fast').significant, true);
  assert.ok(row('fast').deltaPct! < 0);
  for (const r of d.rows) assert.ok(r.paired!.pHolm >= r.paired!.p);
  assert.deepEqual(
    regressions(d, 1).map((r) => r.variant),
    ['slow'],
  );
  assert.deepEqual(
    regressions(d, 5).map((r) => r.variant),
    [],
  );
  const text = renderDiff(d, 'text');
  assert.match(text, /p → p Holm/);
  assert.match(text, /Holm over all 3 compared results/);
  const md = renderDiff(d, 'markdown');
  assert.match(md, /\| slow · fib \|/);
});

test('pairedDiff: with too few rounds for Holm, nothing is flagged and the note says why', () => {
  const [a, b] = sides({ x: 1.5, y: 1.5, z: 1.5 }, 5, 0.02, 3);
  const d = pairedDiff({ doc: a, file: 'a' }, { doc: b, file: 'b' });
  assert.ok(d.rows.every((r) => !r.significant && r.tooSmall));
  assert.match(renderDiff(d, 'text'), /too few rounds to judge all results: 5 rounds cannot give a signed-rank p below 0\.063, and Holm over 3 results needs p < 0\.017/);
});

test('Holm keeps the family-wise false alarms of unchanged suites at alpha (simulated, fixed seeds)', () => {
  const suites = 400;
  let alarms = 0;
  let rawAlarms = 0;
  for (let s = 0; s < suites; s++) {
    const [a, b] = sides(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`v${i}`, 1])), 12, 0.1, 1000 + s);
    const d = pairedDiff({ doc: a, file: 'a' }, { doc: b, file: 'b' });
    if (d.rows.some((r) => r.significant)) alarms++;
    if (d.rows.some((r) => r.paired!.p < 0.05)) rawAlarms++;
  }
  assert.ok(alarms / suites <= 0.07, `family-wise rate ${alarms / suites}`);
  assert.ok(rawAlarms / suites > 0.25, `without Holm ${rawAlarms / suites}: the simulation must be able to see a missing correction`);
});
