import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { tryParseArgs } from '../src/args.js';

const ok = (argv: string[], wasm = false) => {
  const result = tryParseArgs({ argv, wasm });
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.args;
};
const message = (argv: string[], wasm = false) => {
  const result = tryParseArgs({ argv, wasm });
  assert.ok(!result.ok, `expected a usage error for ${JSON.stringify(argv)}`);
  return result.message;
};

describe('tryParseArgs', () => {
  it('defaults to n 40 and one worker per available CPU', () => {
    assert.deepEqual(ok([]), { n: 40, workers: availableParallelism() });
  });
  it('accepts both --name value and --name=value, n from 1 to 47', () => {
    assert.deepEqual(ok(['--n', '1', '--workers=3']), { n: 1, workers: 3 });
    assert.deepEqual(ok(['--n=47', '--workers', '1']), { n: 47, workers: 1 });
  });
  it('requires --module for WASI variants and keeps its path as given', () => {
    assert.deepEqual(ok(['--module', 'packages/kernels/dist/clang.wasm', '--n', '20'], true), {
      n: 20,
      workers: availableParallelism(),
      module: 'packages/kernels/dist/clang.wasm',
    });
    assert.match(message([], true), /^--module is required/);
    assert.match(message(['--module'], true), /^--module needs a value/);
  });
  for (const [argv, expected] of [
    [['--n', '-1'], "--n must be an integer in 1..47, got '-1'"],
    [['--n', 'abc'], "--n must be an integer in 1..47, got 'abc'"],
    [['--n', '0'], "--n must be an integer in 1..47, got '0'"],
    [['--n', '48'], "--n must be an integer in 1..47, got '48'"],
    [['--n', '4.5'], "--n must be an integer in 1..47, got '4.5'"],
    [['--n', '1e1'], "--n must be an integer in 1..47, got '1e1'"],
    [['--n'], '--n needs a value: an integer in 1..47'],
    [['--workers', '0'], "--workers must be an integer >= 1, got '0'"],
    [['--workers', '-2'], "--workers must be an integer >= 1, got '-2'"],
    [['--workers', ''], "--workers must be an integer >= 1, got ''"],
    [['--threads', '2'], "unknown argument '--threads' (allowed: --n, --workers)"],
    [['-n', '2'], "unknown argument '-n' (allowed: --n, --workers)"],
    [['--module', 'a.wasm'], "unknown argument '--module' (allowed: --n, --workers)"],
    [['40'], "unexpected argument '40'"],
    [['--', '--n', '3'], "unexpected argument '--'"],
  ] as const) {
    it(`rejects ${argv.join(' ')}: ${expected}`, () => assert.equal(message([...argv]), expected));
  }
});

describe('parseArgs', () => {
  const script = new URL('./fixtures/parse-args.ts', import.meta.url).pathname;
  const run = (argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...argv], { encoding: 'utf8' });

  it('returns the arguments', () => {
    const child = run(['--n', '7', '--workers', '2']);
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { n: 7, workers: 2 });
  });
  it('prints one error line naming the argument and exits 2', () => {
    const child = run(['--n', 'abc']);
    assert.equal(child.status, 2);
    assert.equal(child.stdout, '');
    assert.equal(child.stderr, "error: --n must be an integer in 1..47, got 'abc'\n");
  });
});
