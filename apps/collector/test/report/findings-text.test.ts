import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingSections, wayText } from '../../src/report/findings-text.ts';
import { findings, type Way } from '../../src/report/findings.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

// biome-ignore-start lint/suspicious/noApproximativeNumericConstant: 0.707 s is a CI bound here, not √½
const way = (over: Partial<Way> = {}): Way => ({
  label: 'threads-js [node=20]',
  host: 'threads-js · node 20',
  producer: 'native',
  medianS: 0.7037,
  ci95: { low: 0.7001, high: 0.707 },
  nsPerCall: null,
  vsBaseline: { ratio: 2.42, ci: { low: 2.4, high: 2.45 }, significant: true, method: 'paired-rounds' },
  runnerUp: { label: 'cluster-js [node=20]', ratio: { ratio: 1.05, ci: { low: 1.02, high: 1.08 }, significant: true, method: 'paired-rounds' } },
  decision: null,
  ...over,
});
// biome-ignore-end lint/suspicious/noApproximativeNumericConstant: end of way()

test('a fastest way in words: time with CI, ratio to c-native, margin over the runner-up', () => {
  assert.equal(wayText(way()), 'threads-js [node=20]: 703.7 ms (95 % CI 700.1–707.0 ms), 2.42× c-native (2.40–2.45); the runner-up, cluster-js [node=20], is 1.05× slower (1.02–1.08)');
  const tied = way({
    runnerUp: { label: 'cluster-js [node=20]', ratio: { ratio: 1.01, ci: { low: 0.99, high: 1.03 }, significant: false, method: 'paired-rounds' } },
    nsPerCall: { wall: 2512.4, compute: 84.25 },
    vsBaseline: null,
  });
  assert.equal(
    wayText(tied),
    'threads-js [node=20]: 703.7 ms (95 % CI 700.1–707.0 ms), 2,512 ns per call (compute 84.3 ns); statistically tied with the runner-up, cluster-js [node=20] (~1.01×, CI 0.99–1.03)',
  );
});

test('sections: one per workload, then the flips; every number comes from the run', () => {
  const s = findingSections(findings(makeMatrixRun(), new Set(['chunk-hash'])));
  assert.deepEqual(
    s.map((x) => x.title),
    ['fib', 'nbody', 'chunk-hash (streamed: also ns per kernel call)', 'Where the answer flips between workloads'],
  );
  assert.deepEqual(
    s[0]!.items.map((i) => i.lead),
    ['Fastest JavaScript way', 'Fastest Go way', 'Wasm against native, per host'],
  );
  assert.match(s[0]!.items[2]!.sub[0]!, /^threads-wasi · node 20 against threads-js · node 20: clang 0\.32× \(0\.3\d–0\.3\d\), wasm faster; assemblyscript .*; go 1\.2\d× .*wasm slower$/);
  assert.match(s[3]!.items[1]!.text, /^wasm faster on fib \(0\.32×, CI .*\); wasm slower on nbody \(1\.55×, CI .*\); wasm slower on chunk-hash/);
  const single = findingSections(findings({ ...makeMatrixRun(), results: makeMatrixRun().results.filter((r) => r.workload === 'fib') }));
  assert.deepEqual(
    single.at(-1)!.items.map((i) => i.lead),
    ['One workload'],
  );
});
