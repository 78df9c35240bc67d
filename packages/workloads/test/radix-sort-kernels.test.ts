// Each language's radix-sort kernel gives the reference's checksum, through the kernels' own functions
// (radixSort, radix_sort_run, radixsort.RadixSort), on tiny sizes around the digit boundaries and the
// quick one. The uniform entries through the registries are checked by kernels.test.ts; the wasm
// modules by @arena/kernels' tests (radix-sort-modules.test.ts), whose build makes them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checksum, keys, reference } from '../radix-sort/reference.ts';
// @ts-expect-error: a plain JavaScript kernel, as the Node hosts load it
import { radixSort as js } from '../radix-sort/js/radix-sort.js';

const dir = path.resolve(import.meta.dirname, '..', 'radix-sort');
// 255/256/257: one digit value short of, at, and past a full count table; 65539 = 2^16 + 3.
const SIZES = [1, 2, 255, 256, 257, 65539, 1048576];
const SEEDS = [0, 42, 4294967295];
const CASES = SIZES.flatMap((size) => SEEDS.map((seed) => [size, seed] as const));
const expected = CASES.map(([size, seed]) => reference(size, seed));

test('radix-sort: the reference keys and checksum follow the rules (64-bit integer arithmetic)', () => {
  let state = 42n;
  let h = 2166136261n;
  const want: number[] = [];
  for (let i = 0; i < 3; i++) {
    state = (state + 0x9e3779b9n) & 0xffffffffn;
    let z = state;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & 0xffffffffn;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & 0xffffffffn;
    want.push(Number(z ^ (z >> 16n)));
  }
  assert.deepEqual([...keys(3, 42)], want);
  for (const k of [...want].sort((a, b) => a - b)) h = ((h ^ BigInt(k)) * 16777619n) & 0xffffffffn;
  assert.equal(reference(3, 42), Number(h));
  assert.equal(checksum(new Uint32Array([1, 2])), checksum(new Uint32Array([1, 2])));
  assert.notEqual(checksum(new Uint32Array([1, 2])), checksum(new Uint32Array([2, 1])), 'the checksum sees the order');
});

test('radix-sort/js computes the reference checksum', () => {
  assert.deepEqual(
    CASES.map(([size, seed]) => js(size, seed)),
    expected,
  );
});

test('radix-sort/c (clang -O2) computes the reference checksum', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-radix-sort-c-'));
  const driver = path.join(tmp, 'main.c');
  writeFileSync(
    driver,
    '#include <stdio.h>\n#include <stdint.h>\n#include <stdlib.h>\nvoid radix_sort_run(uint32_t, uint32_t, double *);\nint main(int c, char **v) { for (int a = 1; a + 1 < c; a += 2) { double o[1]; radix_sort_run((uint32_t)strtoul(v[a], 0, 10), (uint32_t)strtoul(v[a + 1], 0, 10), o); printf("%.17g\\n", o[0]); } }\n',
  );
  const bin = path.join(tmp, 'radix-sort');
  execFileSync('clang', ['-O2', '-Wall', '-Werror', '-ffp-contract=off', '-o', bin, driver, path.join(dir, 'c', 'radix-sort.c')]);
  const out = execFileSync(
    bin,
    CASES.flatMap(([size, seed]) => [String(size), String(seed)]),
    { encoding: 'utf8' },
  );
  assert.deepEqual(out.trim().split('\n').map(Number), expected);
});

test('radix-sort/go computes the reference checksum', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-radix-sort-go-'));
  const bin = path.join(tmp, 'check');
  execFileSync('go', ['build', '-buildvcs=false', '-o', bin, './radix-sort/go/check'], { cwd: path.dirname(dir) });
  const out = execFileSync(
    bin,
    CASES.flatMap(([size, seed]) => [String(size), String(seed)]),
    { encoding: 'utf8' },
  );
  assert.deepEqual(out.trim().split('\n').map(Number), expected);
});
