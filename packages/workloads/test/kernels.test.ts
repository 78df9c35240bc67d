// Every workload's native kernels — JavaScript (`run`, or a streamed workload's begin/chunk/end driven
// through the stream), C (through the generated dist/c/registry.c and each workload's own unit)
// and Go (through the generated registry package) — compute the reference's bits (x86-64) on small
// sizes and the quick profile's. The wasm modules are checked by @arena/kernels, through its manifest.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cSource, discoverWorkloads, goPackageDir, hasGoFiles, workloadsDir, type Workload } from '../scripts/discover.ts';
import { drive } from '../stream/stream.ts';

const workloads = discoverWorkloads();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-workloads-kernels-'));

/** Small sizes and the quick profile's, each with seeds 0, 42 and 2^32 - 1 when seeded (0 when not). */
function cases(w: Workload): Array<[number, number]> {
  const sizes = [...new Set([1, 2, 10, w.spec.size.profiles.quick])].filter((s) => s <= w.spec.size.max);
  const seeds = w.spec.seeded ? [0, 42, 4294967295] : [0];
  return sizes.flatMap((size) => seeds.map((seed): [number, number] => [size, seed]));
}

/** The reference's answer as the array of the spec's results. */
async function expected(w: Workload): Promise<number[][]> {
  const { reference } = (await import(pathToFileURL(path.join(w.dir, 'reference.ts')).href)) as { reference: (size: number, seed: number) => number | number[] };
  return cases(w).map(([size, seed]) => [reference(size, seed)].flat());
}

/** One line per case, each a JSON array, from a program that takes `<workload> <size> <seed>` triples. */
function lines(bin: string, w: Workload, opts: { cwd?: string } = {}): number[][] {
  const args = cases(w).flatMap(([size, seed]) => [w.name, String(size), String(seed)]);
  return execFileSync(bin, args, { encoding: 'utf8', ...opts })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as number[]);
}

type Run = (size: number, seed: number) => number[];
interface JsKernel {
  run: Run;
  begin: (size: number, seed: number) => void;
  chunk: (p: Uint8Array) => void;
  end: () => number[];
}

/** The JavaScript kernel as a host runs it: run, or begin, a chunk of the stream per call, end (HOSTS.md). */
async function jsRun(w: Workload): Promise<Run> {
  const k = (await import(pathToFileURL(path.join(w.dir, 'js', `${w.name}.js`)).href)) as JsKernel;
  const input = w.spec.input;
  if (input === undefined) return k.run;
  return (size, seed) => {
    k.begin(size, seed);
    drive(size, seed, input.chunkBytes, k.chunk);
    return k.end();
  };
}

for (const w of workloads) {
  test(`${w.name}/js: ${w.spec.input ? 'begin, chunk per chunk of the stream, end' : 'run(size, seed)'} computes the reference bits`, async () => {
    const run = await jsRun(w);
    assert.deepEqual(
      cases(w).map(([size, seed]) => run(size, seed)),
      await expected(w),
    );
  });
}

test('c: every workload, found through the generated C registry, computes the reference bits', async () => {
  const driver = path.join(tmp, 'main.c');
  writeFileSync(
    driver,
    `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "registry.h"
int main(int argc, char **argv) {
  for (int a = 1; a + 2 < argc; a += 3) {
    const arena_workload *w = 0;
    for (int i = 0; i < arena_workload_count; i++) if (strcmp(arena_workloads[i].name, argv[a]) == 0) w = &arena_workloads[i];
    if (!w) { fprintf(stderr, "unknown workload %s\\n", argv[a]); return 2; }
    double out[16];
    w->run((uint32_t)strtoul(argv[a + 1], 0, 10), (uint32_t)strtoul(argv[a + 2], 0, 10), out);
    for (int r = 0; r < w->results; r++) printf("%s%.17g", r ? "," : "[", out[r]);
    printf("]\\n");
  }
  return 0;
}
`,
  );
  const bin = path.join(tmp, 'c-registry');
  const dist = path.join(workloadsDir, 'dist', 'c');
  const units = [path.join(dist, 'registry.c'), ...readdirSync(path.join(dist, 'workloads')).map((f) => path.join(dist, 'workloads', f))];
  execFileSync('clang', ['-O2', '-Wall', '-Werror', `-I${dist}`, '-o', bin, driver, ...units, '-lm']);
  for (const w of workloads.filter((x) => existsSync(path.join(workloadsDir, cSource(x.name))))) assert.deepEqual(lines(bin, w), await expected(w), w.name);
});

test('go: every workload, found through the generated Go registry, computes the reference bits', async () => {
  const bin = path.join(tmp, 'go-registry');
  execFileSync('go', ['build', '-buildvcs=false', '-o', bin, './test/run'], { cwd: workloadsDir });
  for (const w of workloads.filter((x) => hasGoFiles(workloadsDir, goPackageDir(x.name)))) assert.deepEqual(lines(bin, w), await expected(w), w.name);
});
