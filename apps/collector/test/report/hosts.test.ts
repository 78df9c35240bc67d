import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VariantResult } from '@arena/contract';
import { hostLabel, orderedHosts, placeResults } from '../../src/report/hosts.ts';
import { FIXTURE, makeMatrixRun } from './fixtures/matrix-run.ts';

test('every result lands on its host row and producer column', () => {
  const doc = makeMatrixRun();
  const places = placeResults(doc.results);
  for (const r of doc.results) {
    const f = FIXTURE.find((x) => x.variant === r.variant && JSON.stringify(x.parameters) === JSON.stringify(r.parameters))!;
    const p = places.get(r)!;
    assert.deepEqual([p.host, p.producer], [f.host, f.producer], `${r.variant} ${JSON.stringify(r.parameters)}`);
  }
  // threads-wasi's `go` names its module's Go, not a host parameter: one row for every module.
  assert.deepEqual(places.get(doc.results.find((r) => r.variant === 'threads-wasi' && r.parameters.module === 'go')!)!.hostParameters, { node: '20' });
  assert.deepEqual(orderedHosts(places), ['c-native', 'threads-js · node 20', 'threads-wasi · node 20', 'go-native · go 1.26', 'go-wazero · go 1.26']);
  assert.deepEqual(
    [...new Set([...places.values()].map((p) => `${p.host}: ${p.kind}`))],
    ['c-native: native', 'threads-js · node 20: node', 'threads-wasi · node 20: node', 'go-native · go 1.26: go', 'go-wazero · go 1.26: go'],
  );
});

test('module parameters join the producer only where two results would share a cell', () => {
  const doc = makeMatrixRun();
  const goModule = doc.results.find((r) => r.variant === 'threads-wasi' && r.parameters.module === 'go' && r.workload === 'fib')!;
  const results: VariantResult[] = [goModule, { ...goModule, parameters: { ...goModule.parameters, go: '1.25' } }];
  assert.deepEqual(
    [...placeResults(results).values()].map((p) => [p.host, p.producer]),
    [
      ['threads-wasi · node 20', 'go · go 1.26'],
      ['threads-wasi · node 20', 'go · go 1.25'],
    ],
  );
});

test('host labels: parameters in order, workers spelled out', () => {
  assert.equal(hostLabel('threads-wasi', { workers: '2', node: '22' }), 'threads-wasi · 2 workers · node 22');
  assert.equal(hostLabel('c-native', { workers: '1' }), 'c-native · 1 worker');
  assert.equal(hostLabel('c-native', {}), 'c-native');
});
