// The sensitivity study's pure parts (scripts/sensitivity/): the slowdown fixture, the decision
// rules applied to resampled tries, with made-up numbers and fixed seeds. Nothing here is timed.
//   node --import tsx --test scripts/sensitivity.test.ts
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { OkResult, RunDocument } from '@arena/contract';
import { wallStats } from '@arena/hyperfine-wrapper';
import { resultKey } from '../apps/collector/src/diff/key.ts';
import { makeRun } from '../apps/collector/test/fixtures/run.ts';
import { rng, simulateCompare, simulateDiff, smallestSeen } from './sensitivity/analysis.ts';
import { extraFraction, slowC, slowGo } from './sensitivity/slowdown.ts';

test('slowdown: the extra calls are 2 % and 5 % of the compute at the sizes measured', () => {
  for (const n of [36, 40]) {
    assert.ok(Math.abs(extraFraction(0.02, n) - 0.02) < 0.001, `${n}: ${extraFraction(0.02, n)}`);
    assert.ok(Math.abs(extraFraction(0.05, n) - 0.05) < 0.001, `${n}: ${extraFraction(0.05, n)}`);
  }
});

test('slowdown: the slowed C and Go kernels still give fibonacci(n)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-slow-'));
  writeFileSync(path.join(dir, 'fib.c'), `${slowC(0.05)}\n#include <stdio.h>\nint main(void) { double out[1]; fib_run(27, 0, out); printf("%.0f\\n", out[0]); return 0; }\n`);
  execFileSync('cc', ['-O2', '-o', path.join(dir, 'fib'), path.join(dir, 'fib.c')]);
  assert.equal(execFileSync(path.join(dir, 'fib'), { encoding: 'utf8' }).trim(), '196418');
  const mod = path.join(dir, 'go');
  execFileSync('mkdir', ['-p', path.join(mod, 'fib')]);
  writeFileSync(path.join(mod, 'go.mod'), 'module slow\n\ngo 1.24\n');
  writeFileSync(path.join(mod, 'fib', 'fib.go'), slowGo(0.05));
  writeFileSync(path.join(mod, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"slow/fib"\n)\n\nfunc main() { fmt.Println(fib.Run(27, 0)[0]) }\n');
  assert.equal(execFileSync('go', ['run', '.'], { cwd: mod, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } }).trim(), '196418');
});

/** A pool of per-round log ratios: symmetric noise of about ±sd. */
const pool = (sd: number, seed: number) => {
  const next = rng(seed);
  return Array.from({ length: 100 }, () => sd * (next() + next() + next() - 1.5) * 2);
};

test('simulateCompare: Holm keeps suite false alarms near alpha; a 5 % slowdown in 2 % noise is seen, the unchanged result is not', () => {
  const noise = new Map([
    ['steady', pool(0.01, 1)],
    ['noisy', pool(0.05, 2)],
    ['other', pool(0.02, 3)],
  ]);
  const none = simulateCompare(noise, { rounds: 20, slowdown: 0, slowed: new Set(['steady', 'noisy']), tries: 2000, seed: 9 });
  assert.ok(none.any <= 0.07, `false alarms ${none.any}`);
  const five = simulateCompare(noise, { rounds: 20, slowdown: 0.05, slowed: new Set(['steady', 'noisy']), tries: 1000, seed: 10 });
  assert.ok(five.slower.get('steady')! > 0.95);
  assert.ok(five.slower.get('noisy')! < five.slower.get('steady')!);
  assert.ok(five.slower.get('other')! < 0.05);
});

/** Benches of unchanged code whose whole level drifts from bench to bench by ±drift, runs ±1 %. */
function benches(count: number, drift: number, seed: number): RunDocument[] {
  const next = rng(seed);
  return Array.from({ length: count }, (_, b) => {
    const doc = makeRun({ steady: 0.1 }, { id: `b${b}` });
    const level = 1 + drift * (next() - 0.5) * 2;
    const round = Array.from({ length: 36 }, (_, i) => Math.floor(i / 3) + 1);
    (doc.results[0] as OkResult).wallS = wallStats(
      round.map(() => 0.1 * level * (1 + 0.02 * (next() - 0.5))),
      round,
    );
    return doc;
  });
}

const steadyKey = resultKey({ variant: 'steady', workload: 'fib', parameters: {} });

test('simulateDiff: drift between benches makes diff flag unchanged code unless the noise threshold covers it', () => {
  const docs = benches(10, 0.04, 4);
  const raw = simulateDiff(docs, { slowdown: 0, slowed: new Set(), noisePct: 0, tries: 300, seed: 5 });
  const guarded = simulateDiff(docs, { slowdown: 0, slowed: new Set(), noisePct: 5, tries: 300, seed: 5 });
  assert.ok(raw.any > 0.5, `without a threshold ${raw.any}`);
  assert.ok(guarded.any < raw.any);
  const big = simulateDiff(docs, { slowdown: 0.2, slowed: new Set([steadyKey]), noisePct: 5, tries: 200, seed: 6 });
  assert.ok(big.slower.get(steadyKey)! > 0.9, JSON.stringify([...big.slower]));
});

test('smallestSeen: the smallest slowdown reaching the power, or null', () => {
  const at = [
    { slowdown: 0.05, power: 0.9 },
    { slowdown: 0.01, power: 0.2 },
    { slowdown: 0.02, power: 0.81 },
  ];
  assert.equal(smallestSeen(at), 0.02);
  assert.equal(smallestSeen(at, 0.85), 0.05);
  assert.equal(smallestSeen(at, 0.95), null);
});
