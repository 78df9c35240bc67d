import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hyperfineArgs } from '../src/args.ts';

test("builds a shell-less hyperfine call that passes each run's output through", () => {
  assert.deepEqual(hyperfineArgs({ command: 'bin/x --n 40', warmup: 2, runs: 10, exportJsonPath: '/tmp/e.json' }), [
    '-N',
    '--style',
    'none',
    '--output',
    'inherit',
    '--warmup',
    '2',
    '--runs',
    '10',
    '--export-json',
    '/tmp/e.json',
    'bin/x --n 40',
  ]);
});

test('adds one --parameter-list per parameter', () => {
  const args = hyperfineArgs({
    command: 'node m.js --module k/{module}.wasm',
    warmup: 0,
    runs: 3,
    exportJsonPath: 'e.json',
    parameters: [{ name: 'module', values: ['clang', 'go'] }],
  });
  assert.deepEqual(args.slice(args.indexOf('--parameter-list'), args.indexOf('--parameter-list') + 3), ['--parameter-list', 'module', 'clang,go']);
});

test('fails with a wrong number of runs, an empty parameter list or a comma in a value', () => {
  assert.throws(() => hyperfineArgs({ command: 'x', warmup: 0, runs: 0, exportJsonPath: 'e' }), /at least 1 run/);
  assert.throws(() => hyperfineArgs({ command: 'x', warmup: 0, runs: 2, exportJsonPath: 'e', parameters: [{ name: 'm', values: [] }] }), /no values/);
  assert.throws(() => hyperfineArgs({ command: 'x', warmup: 0, runs: 2, exportJsonPath: 'e', parameters: [{ name: 'm', values: ['a,b'] }] }), /comma/);
});
