import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallStats } from '@arena/hyperfine-wrapper';
import type { OkResult, RunDocument } from '@arena/contract';
import { compareRuns, regressions } from '../../src/diff/compare.ts';
import { renderDiff } from '../../src/diff/render.ts';
import { makeMigratedRun, makeRun } from '../fixtures/run.ts';

const pair = (a: RunDocument, b: RunDocument, alpha?: number) => compareRuns({ doc: a, file: 'a.json' }, { doc: b, file: 'b.json' }, alpha);

/** Replaces one ok result's times (and their statistics); one run per round unless rounds are given. */
function withTimes(doc: RunDocument, variant: string, times: number[], rounds = times.map((_, i) => i + 1)): RunDocument {
  return {
    ...doc,
    results: doc.results.map((r) => (r.variant === variant && r.status === 'ok' ? ({ ...r, wallS: wallStats(times, rounds) } as OkResult) : r)),
  };
}

test('one row per variant + parameters, with medians, CI, change and p', () => {
  const a = makeRun({ 'go-native': 0.4, 'c-native': 0.3 });
  const b = makeRun({ 'go-native': 0.48, 'c-native': 0.3 }, { id: 'b' });
  const d = pair(a, b);
  assert.deepEqual(
    d.rows.map((r) => r.label),
    ['go-native · fib', 'c-native · fib'],
  );
  const go = d.rows[0]!;
  assert.equal(go.a.status === 'ok' && go.a.medianS, 0.4);
  assert.equal(go.b.status === 'ok' && go.b.medianS, 0.48);
  assert.ok(Math.abs(go.deltaPct! - 20) < 1e-9);
  assert.equal(go.significant, true);
  // 10 v 10 runs, fully separated: normal approximation (both samples > 8 runs).
  assert.equal(go.pMethod, 'asymptotic');
  assert.ok(go.p! < 0.001);
  assert.equal(d.rows[1]!.significant, false);
  assert.ok(d.geomean);
  assert.ok(Math.abs(d.geomean.aS - Math.sqrt(0.4 * 0.3)) < 1e-12);
  assert.ok(Math.abs(d.geomean.bS - Math.sqrt(0.48 * 0.3)) < 1e-12);
});

test('results are matched by variant and parameters, not by position', () => {
  const a = makeRun({ v: 0.4 });
  const b = makeRun({ v: 0.4 }, { id: 'b' });
  a.results = [
    { ...(a.results[0] as OkResult), parameters: { workers: '1' } },
    { ...(a.results[0] as OkResult), parameters: { workers: '2' } },
  ];
  b.results = [...a.results].reverse();
  const d = pair(a, b);
  assert.deepEqual(
    d.rows.map((r) => r.label),
    ['v [workers=1] · fib', 'v [workers=2] · fib'],
  );
  assert.ok(d.rows.every((r) => r.deltaPct === 0));
});

test('an A/A pair drawn from one distribution shows ~', () => {
  // One sample of 20 times, split alternately between the two runs.
  const all = Array.from({ length: 20 }, (_, i) => 0.4 + 0.004 * Math.sin(i * 7.3));
  const a = withTimes(
    makeRun({ 'go-native': 0.4 }),
    'go-native',
    all.filter((_, i) => i % 2 === 0),
  );
  const b = withTimes(
    makeRun({ 'go-native': 0.4 }, { id: 'b' }),
    'go-native',
    all.filter((_, i) => i % 2 === 1),
  );
  const d = pair(a, b);
  assert.equal(d.rows[0]!.significant, false);
  assert.ok(d.rows[0]!.p! > 0.05);
  assert.match(renderDiff(d, 'text'), /go-native .* ~ +p=/);
  // Identical runs: every time tied, p = 1.
  assert.equal(pair(makeRun({ x: 0.4 }), makeRun({ x: 0.4 }, { id: 'b' })).rows[0]!.p, 1);
});

test('the gate: only significant slowdowns above the threshold', () => {
  const a = makeRun({ 'go-native': 0.4, 'c-native': 0.3 });
  const b = makeRun({ 'go-native': 0.48, 'c-native': 0.303 }, { id: 'b' });
  const d = pair(a, b);
  assert.deepEqual(
    regressions(d, 5).map((r) => r.variant),
    ['go-native'],
  );
  assert.deepEqual(regressions(d, 25), []);
  assert.deepEqual(regressions(pair(b, a), 5), []); // faster is never a regression
});

test('warnings: other machine, other config, dirty tree', () => {
  const a = makeRun({ v: 0.4 });
  const b = makeRun(
    { v: 0.4 },
    {
      id: 'b',
      git: { commit: 'abc', dirty: true },
      machine: { ...a.machine, fingerprint: 'beef' },
      config: { ...a.config, sizes: { fib: 40 }, workers: [1, 2] },
    },
  );
  const w = pair(a, b).warnings.join('\n');
  assert.match(w, /different machines/);
  assert.match(w, /fib's size = 30 in A, 40 in B/);
  assert.match(w, /workers = 2 in A, 1,2 in B/);
  assert.match(w, /B \(b\) was recorded on a dirty git tree/);
  assert.deepEqual(pair(a, makeRun({ v: 0.4 }, { id: 'c' })).warnings, []);
  assert.match(renderDiff(pair(a, b), 'markdown'), /> \*\*Warning:\*\* the runs come from different machines/);
});

test('failed, missing and new results get their own rows; the geomean uses rows ok on both sides', () => {
  const a = makeRun({ x: 0.4, y: 0.2, gone: 0.1 });
  const b = makeRun({ x: 0.4, fresh: 0.3 }, { id: 'b' });
  b.results.push({ variant: 'y', workload: 'fib', size: 30, parameters: {}, command: 'bin/y', runtime: null, goToolchain: null, status: 'failed', error: 'wrong result\nmore' });
  const d = pair(a, b);
  assert.deepEqual(
    d.rows.map((r) => [r.label, r.a.status, r.b.status, r.change]),
    [
      ['x · fib', 'ok', 'ok', 'compared'],
      ['y · fib', 'ok', 'failed', 'now-failing'],
      ['gone · fib', 'ok', 'missing', 'gone'],
      ['fresh · fib', 'missing', 'ok', 'new'],
    ],
  );
  assert.equal(d.geomean?.rows, 1);
  const text = renderDiff(d, 'text');
  assert.match(text, /B: y · fib failed: wrong result$/m);
  const json = JSON.parse(renderDiff(d, 'json'));
  assert.equal(json.rows.length, 4);
  assert.equal(json.alpha, 0.05);
});

test('--alpha changes what counts as significant', () => {
  // 10 v 10 runs, fully separated (CIs apart): p is small (~2e-4) but not tiny.
  const a = makeRun({ v: 1 });
  const b = makeRun({ v: 1.05 }, { id: 'b' });
  const p = pair(a, b).rows[0]!.p!;
  assert.ok(p > 0.0001 && p < 0.05, `p = ${p}`);
  assert.equal(pair(a, b, 0.05).rows[0]!.significant, true);
  assert.equal(pair(a, b, p / 2).rows[0]!.significant, false);
});

test('the gate: a variant that worked in A and fails in B is a regression at any threshold', () => {
  const a = makeRun({ 'go-native': 0.4 });
  const b = makeRun({ 'go-native': 0.4 }, { id: 'b' });
  b.results[0] = { variant: 'go-native', workload: 'fib', size: 30, parameters: {}, command: 'x', runtime: null, goToolchain: null, status: 'failed', error: 'wrong answer' };
  assert.deepEqual(
    regressions(pair(a, b), 1000).map((r) => r.variant),
    ['go-native'],
  );
  assert.deepEqual(regressions(pair(b, a), 5), []); // fixed is never a regression
});

test('a noise threshold turns significant changes smaller than it into ~', () => {
  const a = makeRun({ 'go-native': 0.4 });
  const b = makeRun({ 'go-native': 0.412 }, { id: 'b' });
  assert.equal(compareRuns({ doc: a, file: 'a' }, { doc: b, file: 'b' }).rows[0]!.significant, true);
  const quiet = compareRuns({ doc: a, file: 'a' }, { doc: b, file: 'b' }, 0.05, { noisePct: 5, source: 'option' });
  assert.equal(quiet.rows[0]!.significant, false);
  assert.equal(quiet.noisePct, 5);
  assert.deepEqual(regressions(quiet, 1), []);
});

test("a change with p < alpha whose medians' CIs overlap is ~: drift inside one noisy run is not a change", () => {
  const a = makeRun({ 'go-native': 0.4 });
  // B: 10 runs, 7 around +6 %, 3 near A: U test significant, but B's median CI reaches into A's.
  const b = withTimes(makeRun({ 'go-native': 0.42 }, { id: 'b' }), 'go-native', [0.399, 0.4, 0.401, 0.418, 0.421, 0.423, 0.424, 0.425, 0.426, 0.427]);
  const row = compareRuns({ doc: a, file: 'a' }, { doc: b, file: 'b' }).rows[0]!;
  assert.ok(row.p! < 0.05, `p=${row.p}`);
  assert.equal(row.ciOverlap, true);
  assert.equal(row.significant, false);
  const clear = compareRuns({ doc: a, file: 'a' }, { doc: makeRun({ 'go-native': 0.42 }, { id: 'c' }), file: 'c' }).rows[0]!;
  assert.deepEqual([clear.ciOverlap, clear.significant], [false, true]);
});

/** A run narrowed with BENCH_ONLY to the given variants. */
const narrowed = (doc: RunDocument, only: string[]): RunDocument => ({ ...doc, config: { ...doc.config, only } });
const cell = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(`${label} `)) ?? '';

test('the gate: a variant in A and missing from an un-narrowed B fails it, unless missing results are allowed', () => {
  const a = makeRun({ x: 0.4, renamed: 0.2 });
  const b = makeRun({ x: 0.4 }, { id: 'b' });
  const d = pair(a, b);
  assert.equal(d.rows[1]!.change, 'gone');
  assert.deepEqual(
    regressions(d, 5).map((r) => r.label),
    ['renamed · fib'],
  );
  assert.deepEqual(regressions(d, 5, true), []);
  // Narrowed, but to a list that names it: still gone.
  assert.deepEqual(
    regressions(pair(a, narrowed(b, ['x', 'renamed'])), 5).map((r) => r.label),
    ['renamed · fib'],
  );
});

test('a variant left out by BENCH_ONLY on either side is "not run" and never fails the gate', () => {
  const a = makeRun({ x: 0.4, y: 0.2 });
  const b = narrowed(makeRun({ x: 0.4 }, { id: 'b' }), ['x']);
  const d = pair(a, b);
  assert.deepEqual([d.rows[1]!.b.status, d.rows[1]!.change], ['not-run', 'not-run']);
  assert.deepEqual(regressions(d, 5), []);
  const back = pair(b, a);
  assert.deepEqual([back.rows[1]!.a.status, back.rows[1]!.change], ['not-run', 'not-run']);
  assert.deepEqual(regressions(back, 5), []);
  const text = renderDiff(d, 'text');
  assert.match(cell(text, 'y'), / not run /);
  assert.doesNotMatch(text, /\bgone\b/);
  assert.match(text, /not run: left out on purpose by BENCH_ONLY \(A: every variant; B: narrowed to x\)/);
  assert.match(renderDiff(d, 'markdown'), /^\| y · fib \| 200\.0 ± \S+ % \| – \| not run \|/m);
  const json = JSON.parse(renderDiff(d, 'json'));
  assert.deepEqual([json.rows[1].change, json.rows[1].b.status, json.b.only], ['not-run', 'not-run', ['x']]);
});

/** `doc` with each of its results run once more on nbody (1000 steps): a run of two workloads. */
const withNbody = (doc: RunDocument, nbodyFactor = 1): RunDocument => ({
  ...doc,
  config: { ...doc.config, sizes: { ...doc.config.sizes, nbody: 1000 } },
  results: [
    ...doc.results,
    ...doc.results.map((r) =>
      r.status === 'ok'
        ? {
            ...r,
            workload: 'nbody',
            size: 1000,
            wallS: wallStats(
              r.wallS.times.map((t) => t * nbodyFactor),
              r.wallS.round,
            ),
          }
        : { ...r, workload: 'nbody', size: 1000 },
    ),
  ],
});

test('a variant is matched per workload: its fib and nbody results are two rows, each compared with its own', () => {
  const d = pair(withNbody(makeRun({ x: 0.4 })), withNbody(makeRun({ x: 0.4 }, { id: 'b' }), 1.2));
  assert.deepEqual(
    d.rows.map((r) => [r.label, r.change, r.significant]),
    [
      ['x · fib', 'compared', false],
      ['x · nbody', 'compared', true],
    ],
  );
  assert.equal(d.rows[0]!.deltaPct, 0);
  assert.ok(Math.abs(d.rows[1]!.deltaPct! - 20) < 1e-9);
  assert.deepEqual(
    regressions(d, 5).map((r) => r.label),
    ['x · nbody'],
  );
});

test('a workload left out by BENCH_WORKLOADS is "not run" and never fails the gate; left out without it, it is gone', () => {
  const a = withNbody(makeRun({ x: 0.4 }));
  const fibOnly = makeRun({ x: 0.4 }, { id: 'b' });
  const b: RunDocument = { ...fibOnly, config: { ...fibOnly.config, workloads: ['fib'] } };
  const d = pair(a, b);
  assert.deepEqual(
    d.rows.map((r) => [r.label, r.change]),
    [
      ['x · fib', 'compared'],
      ['x · nbody', 'not-run'],
    ],
  );
  assert.deepEqual(regressions(d, 5), []);
  assert.deepEqual(
    pair(b, a).rows.map((r) => r.change),
    ['compared', 'not-run'],
  );
  assert.match(renderDiff(d, 'text'), /not run: left out on purpose by BENCH_ONLY or BENCH_WORKLOADS \(A: every variant; B: workloads narrowed to fib\)/);
  assert.deepEqual(JSON.parse(renderDiff(d, 'json')).b.workloads, ['fib']);
  assert.deepEqual(
    regressions(pair(a, fibOnly), 5).map((r) => [r.label, r.change]),
    [['x · nbody', 'gone']],
  );
});

test('a result only in B is "new" and never fails the gate; one failing in A and ok in B is "fixed"', () => {
  const a = makeRun({ x: 0.4 });
  a.results.push({ variant: 'y', workload: 'fib', size: 30, parameters: {}, command: 'bin/y', runtime: null, goToolchain: null, status: 'failed', error: 'boom' });
  const b = makeRun({ x: 0.4, y: 0.2, fresh: 0.3 }, { id: 'b' });
  const d = pair(a, b);
  assert.deepEqual(
    d.rows.map((r) => r.change),
    ['compared', 'fixed', 'new'],
  );
  assert.deepEqual(regressions(d, 5), []);
  const text = renderDiff(d, 'text');
  assert.match(cell(text, 'fresh'), / new /);
  assert.match(cell(text, 'y'), / fixed /);
  assert.match(renderDiff(d, 'markdown'), /^\| fresh · fib \| – \| 300\.0 ± \S+ % \| new \|/m);
  assert.match(renderDiff(pair(a, makeRun({ x: 0.4 }, { id: 'c' })), 'text'), /^y .* gone /m);
});

test('rows say whether their samples can ever be judged; the render adds one note naming them', () => {
  // 3 runs a side in one round each: p >= 0.1 and CIs over the whole sample.
  const three = (doc: RunDocument, v: string, m: number) => withTimes(doc, v, [m * 0.99, m, m * 1.01], [1, 1, 1]);
  const a = three(makeRun({ x: 0.4, y: 0.2 }), 'x', 0.4);
  const b = three(makeRun({ x: 0.8, y: 0.2 }, { id: 'b' }), 'x', 0.8);
  const d = pair(a, b);
  assert.deepEqual(
    d.rows.map((r) => [r.minP, r.tooSmall]),
    [
      [0.1, true],
      [2 / 184756, false],
    ],
  );
  assert.equal(d.rows[0]!.significant, false, 'twice as slow, yet 3 + 3 runs cannot show it');
  const note =
    /^Note: the samples are too small to judge x · fib: 3 \+ 3 runs cannot give p below 0\.1 \(alpha 0\.05\); a median's CI needs at least 6 rounds and spans the whole sample with fewer\. Use the default profile \(BENCH_PROFILE=default\) for judgements\.$/m;
  assert.match(renderDiff(d, 'text'), note);
  assert.match(renderDiff(d, 'markdown'), /\*\*Note: the samples are too small to judge x · fib: /);
  assert.match(JSON.parse(renderDiff(d, 'json')).notes[0], /^Note: the samples are too small to judge x · fib: /);
  const all = pair(three(three(a, 'y', 0.2), 'x', 0.4), three(three(b, 'y', 0.2), 'x', 0.4));
  assert.match(renderDiff(all, 'text'), /too small to judge all results: /);
  assert.doesNotMatch(renderDiff(pair(makeRun({ x: 0.4 }), makeRun({ x: 0.4 }, { id: 'b' })), 'text'), /too small/);
});

test('enough runs but fewer than 6 rounds is still too small: the CI is the whole range', () => {
  const times = Array.from({ length: 10 }, (_, i) => 0.4 + i * 0.001);
  const rounds = times.map((_, i) => (i < 5 ? 1 : 2));
  const d = pair(withTimes(makeRun({ x: 0.4 }), 'x', times, rounds), withTimes(makeRun({ x: 0.4 }, { id: 'b' }), 'x', times, rounds));
  const row = d.rows[0]!;
  assert.ok(row.minP! < 0.05);
  assert.deepEqual([row.a.status === 'ok' && row.a.rounds, row.a.status === 'ok' && row.a.ciInformative, row.tooSmall], [2, false, true]);
  const text = renderDiff(d, 'text');
  assert.match(text, /too small to judge all results: a median's CI needs at least 6 rounds/);
  assert.doesNotMatch(text, /cannot give p below/);
});

test('memory and CPU: each row judges the peak memory, and the table shows it with CPU seconds, A → B', () => {
  const a = makeRun({ 'go-native': 0.4, 'c-native': 0.3 });
  const b = makeRun({ 'go-native': 0.4, 'c-native': 0.3 }, { id: 'b' });
  const go = b.results[0] as OkResult;
  go.peakMemory = {
    ...go.peakMemory!,
    bytes: go.peakMemory!.bytes.map((x) => x * 1.5),
    medianBytes: go.peakMemory!.medianBytes * 1.5,
    minBytes: go.peakMemory!.minBytes * 1.5,
    maxBytes: go.peakMemory!.maxBytes * 1.5,
  };
  const d = pair(a, b);
  assert.equal(d.rows[0]!.significant, false, 'the time did not change');
  assert.ok(d.rows[0]!.memory!.significant && Math.abs(d.rows[0]!.memory!.deltaPct - 50) < 1e-9);
  assert.deepEqual(d.rows[1]!.memory, { deltaPct: 0, rangesOverlap: true, significant: false });
  assert.deepEqual(regressions(d, 5), [], '--fail-above is about time');
  const text = renderDiff(d, 'text');
  assert.match(text, /peak MiB A → B\s+Δ mem\s+CPU s A → B/);
  assert.match(text, /go-native · fib .* 60\.0 → 90\.0\s+\+50\.0 %\s+0\.810 → 0\.810/);
  assert.match(text, /c-native · fib .* 50\.0 → 50\.0\s+~\s+0\.610 → 0\.610/);
  assert.match(text, /Δ mem: change of the median peak memory .* do not overlap\) and the medians differ by at least 5 %/);
  const json = JSON.parse(renderDiff(d, 'json'));
  assert.equal(json.rows[0].memory.significant, true);
  assert.equal(json.rows[0].b.peakMemory.medianBytes, go.peakMemory!.medianBytes);
});

test('a run recorded before memory was measured: memory shows —, CPU still compares', () => {
  const a = makeMigratedRun({ 'go-native': 0.4 });
  const d = pair(a, makeRun({ 'go-native': 0.4 }, { id: 'b' }));
  assert.equal(d.rows[0]!.memory, null);
  assert.match(renderDiff(d, 'text'), /go-native · fib .* — → 60\.0\s+—\s+0\.810 → 0\.810/);
  assert.deepEqual(d.warnings, []);
});
