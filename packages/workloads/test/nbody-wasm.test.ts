// nbody's wasm kernels — clang, Go (wasip1) and AssemblyScript — compute the reference's bits on V8,
// through the wasm interface of nbody/README.md (nbody returns the first result, nbody_result(i) each).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { WASI } from 'node:wasi';
import { nbody as reference } from '../nbody/reference.ts';

const dir = path.resolve(import.meta.dirname, '..', 'nbody');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-nbody-wasm-'));
const CASES = [[1000, 0], [1000, 42], [20000, 4294967295]] as const;

/** The module's answers for CASES, each through a fresh instance (Go's runtime starts in _initialize). */
function answers(file: string): number[][] {
  const module = new WebAssembly.Module(readFileSync(file));
  return CASES.map(([steps, seed]) => {
    const wasi = new WASI({ version: 'preview1', returnOnExit: true });
    const instance = new WebAssembly.Instance(module, wasi.getImportObject() as WebAssembly.Imports);
    wasi.initialize(instance);
    const e = instance.exports as { nbody(steps: number, seed: number): number; nbody_result(i: number): number };
    const first = e.nbody(steps, seed);
    assert.equal(first, e.nbody_result(0), 'nbody returns its first result');
    return [e.nbody_result(0), e.nbody_result(1)];
  });
}

const expected = CASES.map(([steps, seed]) => reference(steps, seed));

test('nbody/c as clang.wasm computes the reference bits', () => {
  const out = path.join(tmp, 'clang.wasm');
  execFileSync('clang', ['--target=wasm32-wasi', '-O2', '-mexec-model=reactor', '-DNBODY_WASM', '-o', out, path.join(dir, 'c', 'nbody.c')]);
  assert.deepEqual(answers(out), expected);
});

test('nbody/go as go.wasm (wasip1) computes the reference bits', () => {
  const out = path.join(tmp, 'go.wasm');
  execFileSync('go', ['build', '-buildmode=c-shared', '-buildvcs=false', '-trimpath', '-o', out, './wasm'], {
    cwd: path.join(dir, 'go'), env: { ...process.env, GOOS: 'wasip1', GOARCH: 'wasm' },
  });
  assert.deepEqual(answers(out), expected);
});

test('nbody/as as assemblyscript.wasm computes the reference bits', () => {
  const out = path.join(tmp, 'assemblyscript.wasm');
  const asc = path.resolve(import.meta.dirname, '..', 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  execFileSync(process.execPath, [asc, path.join(dir, 'as', 'nbody.ts'), '-O3', '--runtime', 'stub', '--use', 'abort=', '--exportStart', '_initialize', '-o', out]);
  assert.deepEqual(answers(out), expected);
});
