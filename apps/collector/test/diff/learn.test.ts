import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OkResult, RunDocument } from '@arena/contract';
import { wallStats } from '@arena/hyperfine-wrapper';
import { whyNotLearned } from '../../src/diff/learn.ts';
import { makeRun } from '../fixtures/run.ts';

const a = makeRun({ x: 0.4, y: 0.2 });
/** A second run of the same clean commit on the same machine, changed by `over`. */
const b = (over: Partial<RunDocument> = {}) => makeRun({ x: 0.4, y: 0.2 }, { id: 'b', ...over });
const config = (over: Partial<RunDocument['config']>) => ({ config: { ...a.config, ...over } });

/** Replaces y's times with `runs` runs spread over `rounds` rounds. */
function withY(doc: RunDocument, runs: number, rounds: number): RunDocument {
  const times = Array.from({ length: runs }, (_, i) => 0.2 + i * 0.001);
  const wallS = wallStats(
    times,
    times.map((_, i) => 1 + (i % rounds)),
  );
  return { ...doc, results: doc.results.map((r) => (r.variant === 'y' && r.status === 'ok' ? ({ ...r, wallS } as OkResult) : r)) };
}

test('two distinct clean runs of one commit, machine, config and result set, with judgeable samples, may teach', () => {
  assert.equal(whyNotLearned(a, b()), null);
  assert.equal(whyNotLearned(b(), a), null);
});

test('a run compared with itself teaches nothing: its drift is 0 by construction', () => {
  assert.match(whyNotLearned(a, a)!, /^A and B are the same run \(20261127T130000Z-abc1234\)/);
});

test('runs from two machines teach nothing', () => {
  assert.match(whyNotLearned(a, b({ machine: { ...a.machine, fingerprint: 'beef' } }))!, /different machines \(fingerprints f00d, beef\)/);
});

test('runs with another size, workers or profile teach nothing (e.g. a quick run against a default one)', () => {
  assert.match(whyNotLearned(a, b(config({ sizes: { fib: 40 } })))!, /configured differently \(sizes = fib=30 in A, fib=40 in B\)/);
  assert.match(whyNotLearned(a, b(config({ workers: [1, 2] })))!, /configured differently \(workers = 2 in A, 1,2 in B\)/);
  assert.match(whyNotLearned(a, b(config({ profile: 'default' })))!, /configured differently \(profile = quick in A, default in B\)/);
});

test('runs that measured different results teach nothing', () => {
  const fewer = makeRun({ x: 0.4, z: 0.3 }, { id: 'b' });
  assert.match(whyNotLearned(a, fewer)!, /measured different results \(only in A: y · fib; only in B: z · fib\)/);
  const failing = b();
  failing.results = failing.results.map((r) => ({
    variant: r.variant,
    workload: r.workload,
    size: r.size,
    parameters: r.parameters,
    command: r.command,
    runtime: r.runtime,
    goToolchain: r.goToolchain,
    status: 'failed' as const,
    error: 'boom',
  }));
  assert.equal(whyNotLearned(a, failing), 'no result is ok in both runs');
});

test('a pair whose samples can never show a change teaches nothing (quick profile: 3 runs, 1 round)', () => {
  assert.match(whyNotLearned(withY(a, 3, 1), withY(b(), 3, 1))!, /^the samples are too small to show drift \(y · fib: .*BENCH_PROFILE=default/);
  const quick = (d: RunDocument) => withY({ ...d, results: d.results.filter((r) => r.variant === 'y') }, 3, 1);
  assert.match(whyNotLearned(quick(a), quick(b()))!, /too small to show drift \(all results: /);
  // Enough runs but fewer than 6 rounds: the CI is the whole range.
  assert.match(whyNotLearned(withY(a, 20, 5), withY(b(), 20, 5))!, /too small to show drift \(y · fib: /);
  assert.equal(whyNotLearned(withY(a, 6, 6), withY(b(), 6, 6)), null);
  // 6 + 6 runs reach p = 2/924 ≈ 0.0022 at best.
  assert.match(whyNotLearned(withY(a, 6, 6), withY(b(), 6, 6), 0.001)!, /too small to show drift \(y · fib: p < 0\.001 must be attainable/);
});

test('runs of other commits, or of no known commit, teach nothing', () => {
  assert.match(whyNotLearned(a, b({ git: { commit: 'fedcba9876543', dirty: false } }))!, /different commits \(abc1234def, fedcba9876\)/);
  assert.match(whyNotLearned(a, b({ git: { commit: null, dirty: false } }))!, /no git commit/);
});

test("a dirty tree on either side teaches nothing, also for aa's own back-to-back runs", () => {
  assert.match(whyNotLearned(a, b({ git: { commit: a.git.commit, dirty: true } }))!, /^B \(b\) was made on a dirty tree/);
  assert.match(whyNotLearned(b({ git: { commit: a.git.commit, dirty: true } }), a)!, /^A \(b\) was made on a dirty tree/);
});
