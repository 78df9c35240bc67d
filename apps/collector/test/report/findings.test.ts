import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunDocument } from '@arena/contract';
import { findings, verdictOf } from '../../src/report/findings.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

const streamed = new Set(['chunk-hash']);

test('per workload: the fastest Node and Go ways, with CI, ratio to c-native and the runner-up', () => {
  const f = findings(makeMatrixRun(), streamed);
  assert.deepEqual(
    f.workloads.map((w) => [w.workload, w.fastestNode?.label, w.fastestGo?.label]),
    [
      ['fib', 'threads-wasi [module=clang, node=20]', 'go-native [go=1.26]'],
      ['nbody', 'threads-js [node=20]', 'go-native [go=1.26]'],
      ['chunk-hash', 'threads-js [node=20]', 'go-native [go=1.26]'],
    ],
  );
  const fib = f.workloads[0]!.fastestNode!;
  assert.ok(fib.ci95.low <= fib.medianS && fib.medianS <= fib.ci95.high);
  assert.ok(Math.abs(fib.vsBaseline!.ratio - 1.5) < 0.01 && fib.vsBaseline!.significant);
  assert.equal(fib.runnerUp!.label, 'threads-wasi [module=assemblyscript, node=20]');
  assert.ok(Math.abs(fib.runnerUp!.ratio.ratio - 0.6 / 0.45) < 0.01);
  assert.equal(fib.nsPerCall, null);
  const nbodyGo = f.workloads[1]!.fastestGo!;
  assert.equal(nbodyGo.vsBaseline!.significant, false, 'go-native is level with c-native on nbody');
  assert.equal(nbodyGo.runnerUp!.ratio.significant, false, 'and with go-wazero [clang]');
  const hash = f.workloads[2]!.fastestNode!;
  assert.ok(Math.abs(hash.nsPerCall!.wall - (hash.medianS * 1e9) / 5000) < 1e-6, 'streamed: median ns per call of 5000 calls');
  assert.ok(Math.abs(hash.nsPerCall!.compute! - (0.5 * 900 * 1e6) / 5000) < 1e-6, 'and compute time per call (fixture computeMs: m × 900)');
});

test('wasm against the native twin of each host: ratio, CI and verdict', () => {
  const f = findings(makeMatrixRun(), streamed);
  const at = (workload: string) => f.workloads.find((w) => w.workload === workload)!.wasmVsNative.map((x) => `${x.host} [${x.producer}] / ${x.native}: ${x.verdict}`);
  assert.deepEqual(at('fib'), [
    'threads-wasi · node 20 [clang] / threads-js · node 20: faster',
    'threads-wasi · node 20 [assemblyscript] / threads-js · node 20: faster',
    'threads-wasi · node 20 [go] / threads-js · node 20: slower',
    'go-wazero · go 1.26 [clang] / go-native · go 1.26: slower',
    'go-wazero · go 1.26 [go] / go-native · go 1.26: slower',
  ]);
  assert.ok(at('nbody').includes('go-wazero · go 1.26 [clang] / go-native · go 1.26: same'));
  const clang = f.workloads[0]!.wasmVsNative[0]!;
  assert.ok(Math.abs(clang.ratio.ratio - 0.45 / 1.4) < 0.01 && clang.ratio.ci!.high < 1);
});

test('where the answer flips: the fastest JavaScript way, and wasm helping on one workload but not another', () => {
  const f = findings(makeMatrixRun(), streamed);
  assert.deepEqual(
    f.flips.map((x) => [x.kind, x.subject, x.answers.map((a) => `${a.workload}: ${a.answer}`).join(', ')]),
    [
      ['fastest-node', 'the fastest JavaScript way', 'fib: threads-wasi [module=clang, node=20], nbody: threads-js [node=20], chunk-hash: threads-js [node=20]'],
      ['wasm-vs-native', 'threads-wasi · node 20 [clang] against threads-js · node 20', 'fib: faster, nbody: slower, chunk-hash: slower'],
      ['wasm-vs-native', 'threads-wasi · node 20 [assemblyscript] against threads-js · node 20', 'fib: faster, nbody: slower'],
      ['wasm-vs-native', 'go-wazero · go 1.26 [clang] against go-native · go 1.26', 'fib: slower, nbody: same, chunk-hash: slower'],
    ],
  );
});

test('a run without c-native, Go or flips still has findings', () => {
  const doc = makeMatrixRun();
  const only: RunDocument = { ...doc, results: doc.results.filter((r) => r.workload === 'fib' && (r.variant === 'threads-js' || r.variant === 'threads-wasi')) };
  const f = findings(only);
  assert.equal(f.workloads[0]!.fastestNode!.vsBaseline, null);
  assert.equal(f.workloads[0]!.fastestGo, null);
  assert.deepEqual(f.flips, []);
  assert.equal(verdictOf({ ratio: 0.5, ci: null, significant: null, method: 'none' }), 'same');
});
