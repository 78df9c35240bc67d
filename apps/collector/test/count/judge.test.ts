import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CountedResult } from '@arena/contract';
import { countRegressions, countRows, judgeCounted, spreadPct } from '../../src/count/judge.ts';

type Counted = Extract<CountedResult, { status: 'counted' }>;

/** A counted result: `small` and `large` are each run's instructions at sizes 10 and 20. */
const counted = (small: number[], large: number[], variant = 'c-native'): Counted => ({
  status: 'counted',
  key: `${variant} · nbody`,
  variant,
  workload: 'nbody',
  parameters: {},
  small: { size: 10, instructions: small },
  large: { size: 20, instructions: large },
});

// Start-up 100 M, kernel 100 M at the small size and 200 M at the large one: a steady host.
const steady = counted([200_000_000, 200_010_000, 199_995_000], [300_000_000, 300_010_000, 299_990_000]);

test('spread: (max − min) / median, in percent', () => {
  assert.equal(spreadPct([100, 101, 99]), 2);
  assert.equal(spreadPct([5, 5]), 0);
});

test('A/A: the same counts on both sides are not flagged', () => {
  const j = judgeCounted(steady, steady, 0.5);
  assert.equal(j.change, 'counted');
  assert.equal(j.flagged, false);
  assert.equal(j.whole!.deltaPct, 0);
  assert.equal(j.kernel!.a, 100_000_000);
  assert.equal(j.whole!.changed, false);
});

test('a kernel doing 1 % more work is flagged, in the kernel and (diluted) not in the whole process', () => {
  // +1 % of the kernel: +1 M at the small size, +2 M at the large one.
  const b = counted([201_000_000, 201_010_000, 200_995_000], [302_000_000, 302_010_000, 301_990_000]);
  const j = judgeCounted(steady, b, 0.5);
  assert.ok(Math.abs(j.kernel!.deltaPct - 1) < 0.01, String(j.kernel!.deltaPct));
  assert.equal(j.kernel!.flagged, true);
  assert.ok(Math.abs(j.whole!.deltaPct - 0.667) < 0.01);
  assert.equal(j.whole!.flagged, true);
  assert.equal(j.flagged, true);
  // With a gate of 0.8 % the whole process's +0.67 % passes and the kernel's +1 % does not.
  const strict = judgeCounted(steady, b, 0.8);
  assert.equal(strict.whole!.flagged, false);
  assert.equal(strict.kernel!.flagged, true);
});

test('fewer instructions are a change, never a failure', () => {
  const b = counted([198_000_000, 198_000_000, 198_000_000], [296_000_000, 296_000_000, 296_000_000]);
  const j = judgeCounted(steady, b, 0.5);
  assert.equal(j.kernel!.changed, true);
  assert.ok(j.kernel!.deltaPct < -1.9);
  assert.equal(j.flagged, false);
});

test('a change within 3× the spread is not flagged, however large against --fail-above', () => {
  // Each side's kernel spreads 0.4 % (0.2 M at each size, over a kernel of 100 M); the change is 1 %.
  const a = counted([200_000_000, 200_200_000, 200_000_000], [300_000_000, 300_200_000, 300_000_000]);
  const b = counted([201_000_000, 201_200_000, 201_000_000], [302_000_000, 302_200_000, 302_000_000]);
  const j = judgeCounted(a, b, 0.5);
  assert.ok(j.kernel!.spreadPct > 0.39 && j.kernel!.spreadPct < 0.41, String(j.kernel!.spreadPct));
  assert.equal(j.kernel!.changed, false);
  assert.equal(j.kernel!.flagged, false);
});

test('counts spreading more than 0.2 % on either side are not countable, with the side and size named', () => {
  const noisy = counted([200_000_000, 200_000_000, 200_000_000], [300_000_000, 301_000_000, 300_000_000]);
  const j = judgeCounted(steady, noisy, 0.5);
  assert.equal(j.change, 'not-countable');
  assert.equal(j.flagged, false);
  assert.match(j.why!, /^counts spread 0\.33 % on B at size 20 \(over 3 runs\), above 0\.2 %/);
});

test('a larger size that counts no more than the smaller: the kernel is not seen, the whole process still judged', () => {
  const flat = counted([300_000_000, 300_000_000, 300_000_000], [300_000_000, 300_000_000, 300_000_000]);
  const j = judgeCounted(flat, flat, 0.5);
  assert.equal(j.kernel, null);
  assert.match(j.why!, /kernel is not seen: size 20 counted no more than size 10 on A/);
  assert.equal(j.whole!.changed, false);
});

test('rows: one per result of either side, in the time diff words; the gate fails on flagged, now failing and one-sided rows', () => {
  const fail = (variant: string): CountedResult => ({ status: 'failed', key: `${variant} · nbody`, variant, workload: 'nbody', parameters: {}, error: 'wrong answer' });
  const nc = (variant: string): CountedResult => ({ status: 'not-countable', key: `${variant} · nbody`, variant, workload: 'nbody', parameters: {}, why: 'bun: its spread' });
  const slower = counted([202_000_000, 202_000_000, 202_000_000], [304_000_000, 304_000_000, 304_000_000], 'slower');
  const a = [steady, counted(steady.small.instructions, steady.large.instructions, 'slower'), counted([1], [2], 'breaks'), nc('bun-host'), counted([1], [2], 'gone'), fail('still')];
  const b = [steady, slower, fail('breaks'), nc('bun-host'), counted([1], [2], 'new'), fail('still')];
  const rows = countRows(a, b, 0.5);
  const by = (v: string) => rows.find((r) => r.key === `${v} · nbody`)!;
  assert.equal(rows.length, 7);
  assert.equal(by('c-native').change, 'counted');
  assert.equal(by('slower').flagged, true);
  assert.equal(by('breaks').change, 'now-failing');
  assert.equal(by('bun-host').change, 'not-countable');
  assert.equal(by('bun-host').why, 'bun: its spread');
  assert.equal(by('gone').change, 'gone');
  assert.equal(by('new').change, 'new');
  assert.equal(by('still').change, 'still-failing');
  assert.deepEqual(
    countRegressions(rows, false).map((r) => r.key),
    ['slower · nbody', 'breaks · nbody', 'gone · nbody', 'new · nbody'],
  );
  assert.deepEqual(
    countRegressions(rows, true).map((r) => r.key),
    ['slower · nbody', 'breaks · nbody'],
  );
});
