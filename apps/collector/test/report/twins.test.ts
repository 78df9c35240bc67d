import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OkResult, VariantResult } from '@arena/contract';
import { placeResults } from '../../src/report/hosts.ts';
import { nativeTwin } from '../../src/report/twins.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

const fib = () => makeMatrixRun().results.filter((r): r is OkResult => r.workload === 'fib' && r.status === 'ok');
const find = (rs: VariantResult[], variant: string, module?: string) => rs.find((r) => r.variant === variant && r.parameters.module === module) as OkResult;

test('a run recorded before twins were declared (no twin field): a wasm host is compared with the native variant of its runtime and parameters', () => {
  const rs = fib();
  const places = placeResults(rs);
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-wasi', 'clang'))?.variant, 'threads-js');
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-wasi', 'go'))?.variant, 'threads-js');
  assert.equal(nativeTwin(rs, places, find(rs, 'go-wazero', 'clang'))?.variant, 'go-native');
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-js')), undefined, 'no module: no twin');
});

test('without a twin field, the longest shared name prefix picks between Node variants; a tie or another Node line gives none', () => {
  const rs = fib();
  const js = find(rs, 'threads-js');
  const withCluster: VariantResult[] = [...rs, { ...js, variant: 'cluster-js' }];
  assert.equal(nativeTwin(withCluster, placeResults(withCluster), find(rs, 'threads-wasi', 'clang'))?.variant, 'threads-js');
  const cluster = { ...find(rs, 'threads-wasi', 'clang'), variant: 'cluster-wasi' };
  const both: VariantResult[] = [...withCluster, cluster];
  assert.equal(nativeTwin(both, placeResults(both), cluster)?.variant, 'cluster-js');
  const tie: VariantResult[] = [...rs, { ...js, variant: 'threads-jx' }];
  assert.equal(nativeTwin(tie, placeResults(tie), find(rs, 'threads-wasi', 'clang')), undefined);
  const otherLine: VariantResult[] = rs.map((r) => (r.variant === 'threads-js' ? { ...r, parameters: { node: '22' } } : r));
  assert.equal(nativeTwin(otherLine, placeResults(otherLine), find(otherLine, 'threads-wasi', 'clang') as OkResult), undefined);
});

/** The fixture's results with each wasm host's declared twin, as a run recorded now carries it. */
const declared = (rs: VariantResult[], twins: Record<string, string>): VariantResult[] =>
  rs.map((r) => (twins[r.variant] !== undefined && r.parameters.module !== undefined ? { ...r, twin: twins[r.variant] } : r));

test('a declared twin is the ok result of that variant on the same workload and host parameters', () => {
  const rs = declared(fib(), { 'threads-wasi': 'threads-js', 'go-wazero': 'go-native' });
  const places = placeResults(rs);
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-wasi', 'clang'))?.variant, 'threads-js');
  assert.equal(nativeTwin(rs, places, find(rs, 'go-wazero', 'clang'))?.variant, 'go-native');
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-js')), undefined, 'no module: no twin');
});

test('a declared twin is taken even where the name prefix would pick another variant, or tie', () => {
  const rs = fib();
  const js = find(rs, 'threads-js');
  const lean = { ...find(rs, 'threads-wasi', 'clang'), variant: 'threads-wasi-lean', twin: 'threads-js' };
  // By prefix, threads-wasi-lean would pair with a native "threads-wasi-lean-js"; its manifest says threads-js.
  const withDecoy: VariantResult[] = [...rs, { ...js, variant: 'threads-wasi-lean-js' }, lean];
  assert.equal(nativeTwin(withDecoy, placeResults(withDecoy), lean)?.variant, 'threads-js');
  const tie: VariantResult[] = [...rs, { ...js, variant: 'threads-jx' }];
  const wasi = { ...find(rs, 'threads-wasi', 'clang'), twin: 'threads-js' };
  const withTwin: VariantResult[] = [...tie, wasi];
  assert.equal(nativeTwin(withTwin, placeResults(withTwin), wasi)?.variant, 'threads-js', 'a tie by prefix does not matter');
});

test('a declared twin on another runtime line, failed, or missing gives none (no guessing instead)', () => {
  const rs = declared(fib(), { 'threads-wasi': 'threads-js' });
  const otherLine: VariantResult[] = rs.map((r) => (r.variant === 'threads-js' ? { ...r, parameters: { node: '22' } } : r));
  assert.equal(nativeTwin(otherLine, placeResults(otherLine), find(otherLine, 'threads-wasi', 'clang')), undefined);
  const failed: VariantResult[] = rs.map((r) => (r.variant === 'threads-js' ? ({ ...r, status: 'failed', error: 'boom' } as VariantResult) : r));
  assert.equal(nativeTwin(failed, placeResults(failed), find(failed, 'threads-wasi', 'clang')), undefined);
  const withCluster: VariantResult[] = [...rs.filter((r) => r.variant !== 'threads-js'), { ...find(rs, 'threads-js'), variant: 'cluster-js' }];
  assert.equal(nativeTwin(withCluster, placeResults(withCluster), find(withCluster, 'threads-wasi', 'clang')), undefined, 'threads-js is not there: not cluster-js instead');
});

test('on several JavaScript runtimes each wasm result pairs with its declared twin on its own runtime', () => {
  const rs = fib();
  const onBun = rs
    .filter((r) => r.parameters.node !== undefined)
    .map((r) => {
      const { node: _, ...rest } = r.parameters;
      return { ...r, parameters: { ...rest, bun: '1.4' } } as OkResult;
    });
  const both: VariantResult[] = [...rs, ...onBun];
  const places = placeResults(both);
  const wasm = onBun.find((r) => r.variant === 'threads-wasi' && r.parameters.module === 'clang')!;
  assert.equal(places.get(wasm)!.host, 'threads-wasi · bun 1.4');
  const twin = nativeTwin(both, places, wasm);
  assert.deepEqual([twin?.variant, twin?.parameters], ['threads-js', { bun: '1.4' }]);
  const onNode = rs.find((r) => r.variant === 'threads-wasi' && r.parameters.module === 'clang')!;
  assert.deepEqual(nativeTwin(both, places, onNode)?.parameters, { node: '20' });
});
