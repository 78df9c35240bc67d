import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Target } from '@arena/hyperfine-wrapper';
import { toResult } from '../src/collect.ts';

test("a result records its target's runtime, and null when the target has none", () => {
  const target: Target = {
    key: 'k',
    variant: 'threads-js',
    parameters: { node: '24' },
    command: 'x',
    asked: { variant: 'threads-js', workload: 'fib', size: 30, workers: 2 },
    seeded: false,
    table: 'fib · workers=2',
  };
  const runtime = { name: 'node', version: 'v24.22.3', engine: 'v8' as const, engineVersion: '13.6.233.17-node.44', flags: ['--x'] };
  assert.deepEqual(toResult({ status: 'failed', target: { ...target, runtime }, error: 'e' }).runtime, runtime);
  assert.equal(toResult({ status: 'failed', target, error: 'e' }).runtime, null);
});

test("a result records the Go that built its target's Go code, and null when none did", () => {
  const target: Target = {
    key: 'k',
    variant: 'go-native',
    parameters: { go: '1.27' },
    command: 'x',
    asked: { variant: 'go-native', workload: 'fib', size: 30, workers: 2 },
    seeded: false,
    table: 'fib · workers=2',
  };
  assert.equal(toResult({ status: 'failed', target: { ...target, goToolchain: 'go1.27.3' }, error: 'e' }).goToolchain, 'go1.27.3');
  assert.equal(toResult({ status: 'failed', target, error: 'e' }).goToolchain, null);
});
