import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OkResult, VariantResult } from '@arena/contract';
import { placeResults } from '../../src/report/hosts.ts';
import { nativeTwin } from '../../src/report/twins.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

const fib = () => makeMatrixRun().results.filter((r): r is OkResult => r.workload === 'fib' && r.status === 'ok');
const find = (rs: VariantResult[], variant: string, module?: string) => rs.find((r) => r.variant === variant && r.parameters.module === module) as OkResult;

test('a wasm host is compared with the native variant of its runtime and parameters', () => {
  const rs = fib();
  const places = placeResults(rs);
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-wasi', 'clang'))?.variant, 'threads-js');
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-wasi', 'go'))?.variant, 'threads-js');
  assert.equal(nativeTwin(rs, places, find(rs, 'go-wazero', 'clang'))?.variant, 'go-native');
  assert.equal(nativeTwin(rs, places, find(rs, 'threads-js')), undefined, 'no module: no twin');
});

test('the longest shared name prefix picks between Node variants; a tie or another Node line gives none', () => {
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
