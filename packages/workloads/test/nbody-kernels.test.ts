// Each language's nbody kernel computes the reference's bits (x86-64), for the unperturbed system and
// a seeded one. The native ones are built and run once here; the wasm builds come with the hosts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { nbody as reference } from '../nbody/reference.ts';
// @ts-expect-error: a plain JavaScript kernel, as the Node hosts load it
import { nbody as js } from '../nbody/js/nbody.js';

const dir = path.resolve(import.meta.dirname, '..', 'nbody');
const CASES = [[1000, 0], [1000, 42], [20000, 4294967295]] as const;

test('nbody/js computes the reference bits', () => {
  for (const [steps, seed] of CASES) assert.deepEqual(js(steps, seed), reference(steps, seed), `steps ${steps}, seed ${seed}`);
});

test('nbody/c (clang -O2) computes the reference bits', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-nbody-c-'));
  const driver = path.join(tmp, 'main.c');
  writeFileSync(driver, '#include <stdio.h>\n#include <stdint.h>\n#include <stdlib.h>\nvoid nbody(uint32_t, uint32_t, double[2]);\nint main(int c, char **v) { double o[2]; nbody((uint32_t)strtoul(v[1], 0, 10), (uint32_t)strtoul(v[2], 0, 10), o); printf("[%.17g,%.17g]\\n", o[0], o[1]); }\n');
  const bin = path.join(tmp, 'nbody');
  execFileSync('clang', ['-O2', '-o', bin, driver, path.join(dir, 'c', 'nbody.c'), '-lm']);
  for (const [steps, seed] of CASES) {
    assert.deepEqual(JSON.parse(execFileSync(bin, [String(steps), String(seed)], { encoding: 'utf8' })), reference(steps, seed), `steps ${steps}, seed ${seed}`);
  }
});

test('nbody/go computes the reference bits', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-nbody-go-'));
  const bin = path.join(tmp, 'check');
  execFileSync('go', ['build', '-buildvcs=false', '-o', bin, './check'], { cwd: path.join(dir, 'go') });
  for (const [steps, seed] of CASES) {
    assert.deepEqual(JSON.parse(execFileSync(bin, [String(steps), String(seed)], { encoding: 'utf8' })), reference(steps, seed), `steps ${steps}, seed ${seed}`);
  }
});
