import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprintOf } from '../src/fingerprint.ts';
import { sampleRun } from './fixtures/run.ts';

const machine = () => {
  const { fingerprint, ...m } = sampleRun().machine;
  void fingerprint;
  return m;
};

test("the harness's Node and the Go on PATH do not change the fingerprint: results say which Node ran them and which Go built them", () => {
  const a = machine();
  assert.equal(fingerprintOf(a), fingerprintOf({ ...a, versions: { ...a.versions, node: 'v24.22.3' } }));
  assert.equal(fingerprintOf(a), fingerprintOf({ ...a, versions: { ...a.versions, go: 'go1.27.3' } }));
});

test('CPU, cores, memory (in GiB), OS release and the other tools change it; the OS build string does not', () => {
  const a = machine();
  const same = [
    { ...a, memoryBytes: a.memoryBytes + 2 ** 20 },
    { ...a, os: { ...a.os, version: '#2 SMP' } },
  ];
  for (const m of same) assert.equal(fingerprintOf(m), fingerprintOf(a));
  const different = [
    { ...a, cpuModel: 'Other CPU' },
    { ...a, logicalCores: 4 },
    { ...a, memoryBytes: a.memoryBytes * 2 },
    { ...a, os: { ...a.os, release: '6.2.0' } },
    { ...a, versions: { ...a.versions, clang: '15.0.0' } },
    { ...a, versions: { ...a.versions, hyperfine: null } },
  ];
  for (const m of different) assert.notEqual(fingerprintOf(m), fingerprintOf(a), JSON.stringify(m));
});
