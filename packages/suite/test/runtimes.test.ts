import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunConfig } from '@arena/contract';
import type { Variant } from '../src/discover.ts';
import { resolveRuntimes, wantedNodeFlags } from '../src/runtimes.ts';

const config: RunConfig = {
  profile: 'quick',
  sizes: { fib: 30 },
  workloads: null,
  workers: [2],
  warmup: 0,
  runsPerRound: 1,
  minRounds: 1,
  maxRounds: 1,
  targetCiPct: null,
  budgetS: null,
  suiteBudgetS: null,
  memoryRuns: 0,
  decisions: null,
  only: null,
  leftOut: null,
  js: null,
  go: null,
  settings: null,
  calls: null,
};
const variant = (name: string, command: string, nodeFlags: string[] = []): Variant => ({
  name,
  dir: `packages/variants/${name}`,
  manifest: { command, wasmModules: false, nodeFlags, settings: {}, summary: name },
  goBuilt: false,
});

test('the flags to detect are every flag some variant wants, once', () => {
  const variants = [variant('a', 'node {pkg}/dist/main.js', ['--x', '--y']), variant('b', 'node {pkg}/dist/main.js', ['--y', '--z']), variant('c', '{pkg}/bin/c')];
  assert.deepEqual(wantedNodeFlags(variants), ['--x', '--y', '--z']);
});

test('no Node variant to run: no Node is resolved, even when BENCH_NODE asks for some', async () => {
  const said: string[] = [];
  const runtimes = await resolveRuntimes([variant('go-native', '{pkg}/bin/go-native')], { ...config, js: ['node@24'] }, '/nonexistent', (m) => said.push(m));
  assert.deepEqual(runtimes, { js: [], go: [] });
  assert.deepEqual(said, []);
});

test('a Go-built variant is built by the Go on PATH without BENCH_GO, and that Go is the default build', async () => {
  const goNative = { ...variant('go-native', '{pkg}/bin/go-native'), goBuilt: true };
  const runtimes = await resolveRuntimes([goNative], config, '/nonexistent', () => {});
  assert.equal(runtimes.go.length, 1);
  assert.match(runtimes.go[0]!.version, /^go1\.\d+/);
  assert.equal(runtimes.go[0]!.isDefault, true);
});

test("without BENCH_NODE the Node variants run on the harness's Node", async () => {
  const runtimes = await resolveRuntimes([variant('threads-js', 'node {pkg}/dist/main.js', ['--no-such-flag-xyz'])], config, '/nonexistent', () => {});
  assert.deepEqual(
    runtimes.js.map((n) => [n.version, n.binary, n.acceptedFlags]),
    [[process.version, process.execPath, []]],
  );
});
