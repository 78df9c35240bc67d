// Each language's nbody kernel computes the reference's bits (x86-64), for the unperturbed system and
// a seeded one, through the kernels' own functions (nbody, nbody_run, nbody.Nbody); the uniform entries
// through the registries are checked by kernels.test.ts, the wasm modules by @arena/kernels.
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
// 100000 steps: a long run, where any change of operation order (e.g. a fused multiply-add, which
// -ffp-contract=off forbids on targets that have one) would have drifted from the reference.
const CASES = [
  [1000, 0],
  [1000, 42],
  [20000, 4294967295],
  [100000, 7],
] as const;

test('nbody/js computes the reference bits', () => {
  for (const [steps, seed] of CASES) assert.deepEqual(js(steps, seed), reference(steps, seed), `steps ${steps}, seed ${seed}`);
});

test('nbody/c (clang -O2 -ffp-contract=off) computes the reference bits', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-nbody-c-'));
  const driver = path.join(tmp, 'main.c');
  writeFileSync(
    driver,
    '#include <stdio.h>\n#include <stdint.h>\n#include <stdlib.h>\nvoid nbody_run(uint32_t, uint32_t, double *);\nint main(int c, char **v) { double o[2]; nbody_run((uint32_t)strtoul(v[1], 0, 10), (uint32_t)strtoul(v[2], 0, 10), o); printf("[%.17g,%.17g]\\n", o[0], o[1]); }\n',
  );
  const bin = path.join(tmp, 'nbody');
  execFileSync('clang', ['-O2', '-ffp-contract=off', '-o', bin, driver, path.join(dir, 'c', 'nbody.c'), '-lm']);
  for (const [steps, seed] of CASES) {
    assert.deepEqual(JSON.parse(execFileSync(bin, [String(steps), String(seed)], { encoding: 'utf8' })), reference(steps, seed), `steps ${steps}, seed ${seed}`);
  }
});

test('nbody/go computes the reference bits', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-nbody-go-'));
  const bin = path.join(tmp, 'check');
  execFileSync('go', ['build', '-buildvcs=false', '-o', bin, './nbody/go/check'], { cwd: path.dirname(dir) });
  for (const [steps, seed] of CASES) {
    assert.deepEqual(JSON.parse(execFileSync(bin, [String(steps), String(seed)], { encoding: 'utf8' })), reference(steps, seed), `steps ${steps}, seed ${seed}`);
  }
});
