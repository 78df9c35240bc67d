import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '@arena/suite';
import { crossMachineTable } from '../../src/report/cross-machine.ts';
import { checkMachineRuns, machineArch, machineLabel, machineTags } from '../../src/report/machines.ts';
import { makeMachineRuns } from './fixtures/machine-runs.ts';

const { x86, arm } = makeMachineRuns();

test('a machine is labelled by arch (read off the CPU model), CPU, cores and run; column tags are as short as keeps them apart', () => {
  assert.equal(machineArch({ cpuModel: 'Neoverse-N2' }), 'arm64');
  assert.equal(machineArch({ cpuModel: 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz' }), 'x86-64');
  assert.equal(machineArch({ cpuModel: 'unknown' }), null);
  assert.equal(machineLabel(arm), 'arm64 · Neoverse-N2 · 4 cores · run 20261210T121500Z-arm');
  assert.deepEqual(machineTags([x86, arm]), ['x86-64', 'arm64']);
  const otherX86 = { ...x86, id: 'r2', machine: { ...x86.machine, cpuModel: 'Intel Xeon 8370C', fingerprint: 'x86f3' } };
  assert.deepEqual(machineTags([x86, otherX86]), ['x86-64 AMD EPYC 7763 64-Core Processor', 'x86-64 Intel Xeon 8370C']);
  assert.deepEqual(machineTags([x86, { ...x86, id: 'r2' }]), ['x86-64 AMD EPYC 7763 64-Core Processor, 4 cores, 20261210T120000Z-x86', 'x86-64 AMD EPYC 7763 64-Core Processor, 4 cores, r2']);
});

test('runs of one commit on distinct machines pass; a dirty one only warns', () => {
  const warnings: string[] = [];
  checkMachineRuns(
    [
      { doc: x86, spec: 'x86.json' },
      { doc: { ...arm, git: { commit: arm.git.commit, dirty: true } }, spec: arm.id },
    ],
    (m) => warnings.push(m),
  );
  assert.deepEqual(warnings, ['run 20261210T121500Z-arm was made on a dirty tree: the commit does not fully describe the code measured']);
});

test('runs of different commits, without a commit, or two from one machine are refused, naming them', () => {
  const other = { ...arm, git: { commit: 'fedcba9876543', dirty: false } };
  assert.throws(
    () =>
      checkMachineRuns(
        [
          { doc: x86, spec: 'x86.json' },
          { doc: other, spec: 'HEAD~1' },
        ],
        () => {},
      ),
    (e: unknown) => e instanceof ConfigError && /one git commit: "x86\.json" \(run 20261210T120000Z-x86\) is abc1234def, "HEAD~1" \(run 20261210T121500Z-arm\) is fedcba9876/.test(e.message),
  );
  assert.throws(
    () =>
      checkMachineRuns(
        [
          { doc: x86, spec: x86.id },
          { doc: { ...arm, git: { commit: null, dirty: false } }, spec: arm.id },
        ],
        () => {},
      ),
    /no commit recorded in run 20261210T121500Z-arm/,
  );
  const again = { ...x86, id: 'x86-again' };
  assert.throws(
    () =>
      checkMachineRuns(
        [
          { doc: x86, spec: x86.id },
          { doc: arm, spec: arm.id },
          { doc: again, spec: 'x86-again' },
        ],
        () => {},
      ),
    (e: unknown) => e instanceof ConfigError && /same machine: run 20261210T120000Z-x86 and run x86-again \(fingerprint x86f1\)/.test(e.message),
  );
});

test('the summary: a row per result, per machine its median ms (95 % CI) and ratio to the baseline; missing and failed cells; flips', () => {
  const t = crossMachineTable([x86, arm], machineTags([x86, arm]), 'go-native');
  assert.deepEqual(t.header, ['workload', 'variant', 'x86-64: ms (95 % CI)', 'x86-64: × go-native', 'arm64: ms (95 % CI)', 'arm64: × go-native', 'between machines']);
  assert.equal(t.rows.length, 24, '8 results × 3 workloads, the union of both runs');
  assert.deepEqual(t.right, [2, 3, 4, 5]);
  const row = (workload: string, variant: string) => t.rows.find((r) => r[0] === workload && r[1] === variant)!;

  const native = row('fib', 'go-native [go=1.26]');
  assert.match(native[2]!, /^\d+\.\d \(\d+\.\d–\d+\.\d\)$/);
  assert.equal(native[3], '1.00×', 'the baseline against itself');
  assert.deepEqual(row('fib', 'threads-wasi [module=assemblyscript, node=20]').slice(4, 6), ['–', '–'], 'not run on arm64');
  assert.deepEqual(row('fib', 'go-wazero [module=go, go=1.26]').slice(4, 6), ['– failed: exec format error: bin/go-wazero was built for amd64', '–']);
  assert.equal(row('chunk-hash', 'threads-wasi [module=assemblyscript, node=20]')[2], '– failed: printed a wrong answer for chunk-hash');

  const wazero = row('fib', 'go-wazero [module=clang, go=1.26]');
  assert.match(wazero[3]!, /^1\.\d\d× \(/);
  assert.match(wazero[5]!, /^0\.\d\d× \(/);
  assert.equal(wazero[6], 'vs go-native: faster on arm64, slower on x86-64');
  assert.equal(row('fib', 'c-native')[6], 'fastest on every machine');
  assert.equal(row('chunk-hash', 'go-native [go=1.26]')[6], 'fastest on arm64');
  assert.match(row('chunk-hash', 'c-native')[6]!, /^fastest on x86-64; vs go-native: faster on x86-64, slower on arm64$/);
  assert.equal(row('nbody', 'threads-js [node=20]')[6], '');
});
