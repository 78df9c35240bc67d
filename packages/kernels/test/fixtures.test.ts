// The committed bad-input fixtures behave as their names say, and still match their .wat sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { fixturesDir, instantiate } from './helpers.ts';

const FIXTURES = ['drift', 'no-export', 'trap'];

test('no-export.wasm: a WASI reactor that initializes but has no fibonacci export', async () => {
  const instance = await instantiate(`${fixturesDir}no-export.wasm`);
  assert.ok(instance.exports.memory instanceof WebAssembly.Memory);
  assert.equal(typeof instance.exports._initialize, 'function');
  assert.equal(instance.exports.fibonacci, undefined);
});

test('trap.wasm: fibonacci traps with a WebAssembly.RuntimeError', async () => {
  const instance = await instantiate(`${fixturesDir}trap.wasm`);
  const fibonacci = instance.exports.fibonacci as (n: number) => number;
  assert.throws(
    () => fibonacci(10),
    (err: unknown) => err instanceof WebAssembly.RuntimeError && /unreachable/.test(err.message),
  );
});

test('drift.wasm: fibonacci answers how many times it was called before', async () => {
  const instance = await instantiate(`${fixturesDir}drift.wasm`);
  const fibonacci = instance.exports.fibonacci as (n: number) => number;
  assert.deepEqual([fibonacci(20), fibonacci(20), fibonacci(20)], [0, 1, 2]);
});

const hasWat2wasm = spawnSync('wat2wasm', ['--version']).status === 0;
for (const name of FIXTURES) {
  test(`${name}.wasm is what wat2wasm makes of ${name}.wat`, { skip: hasWat2wasm ? false : 'wat2wasm not on PATH (apt-get install wabt); the committed .wasm is used as is' }, () => {
    const out = mkdtempSync(join(tmpdir(), 'kernels-fixtures-'));
    try {
      const r = spawnSync('wat2wasm', [`${fixturesDir}${name}.wat`, '-o', join(out, `${name}.wasm`)], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(readFileSync(join(out, `${name}.wasm`)).equals(readFileSync(`${fixturesDir}${name}.wasm`)), `fixtures/${name}.wasm is stale: run pnpm --filter @arena/kernels fixtures`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}
