import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { workloadSpec } from '@arena/contract';
import { fib } from '../fib/reference.ts';
import { nbody, perturb, splitmix32 } from '../nbody/reference.ts';
import { declaredProducers } from '../scripts/discover.ts';

const here = path.resolve(import.meta.dirname, '..');
const folders = readdirSync(here, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(here, e.name, 'workload.json')));

test('every workload folder has a spec the contract accepts, named after its folder, a README and a reference', () => {
  const names = folders.map((f) => f.name);
  for (const name of ['chunk-hash', 'fib', 'nbody']) assert.ok(names.includes(name), name);
  assert.ok(!names.includes('stream'), "stream/ holds the hosts' stream, not a workload");
  for (const f of folders) {
    const spec = workloadSpec.parse(JSON.parse(readFileSync(path.join(here, f.name, 'workload.json'), 'utf8')));
    assert.equal(spec.name, f.name);
    for (const file of ['README.md', 'reference.ts']) assert.ok(existsSync(path.join(here, f.name, file)), `${f.name}/${file}`);
  }
});

test('a spec may name wasm producers that cannot express it, each with a reason; a name is a pattern, checked against the declarations at discovery', () => {
  const fib = JSON.parse(readFileSync(path.join(here, 'fib', 'workload.json'), 'utf8'));
  for (const p of declaredProducers()!) assert.deepEqual(workloadSpec.parse({ ...fib, unsupported: { [p]: 'why' } }).unsupported, { [p]: 'why' });
  assert.equal(workloadSpec.safeParse({ ...fib, unsupported: { 'Not A Name': 'why' } }).success, false);
  assert.equal(workloadSpec.safeParse({ ...fib, unsupported: { go: '' } }).success, false);
});

test("a streamed workload's chunks are whole words (HOSTS.md: chunkBytes is a multiple of 4)", () => {
  for (const f of folders) {
    const spec = workloadSpec.parse(JSON.parse(readFileSync(path.join(here, f.name, 'workload.json'), 'utf8')));
    if (spec.input !== undefined) assert.equal(spec.input.chunkBytes % 4, 0, f.name);
  }
});

test('fib: the reference gives the published values', () => {
  assert.deepEqual([0, 1, 2, 10, 30, 40, 47].map(fib), [0, 1, 1, 55, 832040, 102334155, 2971215073]);
});

test("nbody: seed 0 is the Benchmarks Game's system, whose 1000-step output is published", () => {
  assert.deepEqual(
    nbody(1000, 0).map((e) => e.toFixed(9)),
    ['-0.169075164', '-0.169087605'],
  );
});

test('nbody: different seeds give different answers at 9 decimals, the same seed the same bits', () => {
  const answers = [1, 2, 3, 42].map((seed) =>
    nbody(1000, seed)
      .map((e) => e.toFixed(9))
      .join(' '),
  );
  assert.equal(new Set(answers).size, 4);
  assert.deepEqual(nbody(1000, 42), nbody(1000, 42));
});

test('splitmix32 gives the u32 sequence of its rules (reference values computed with 64-bit integer arithmetic)', () => {
  const r = splitmix32(1);
  const got = [r.next().value, r.next().value, r.next().value];
  const expected: number[] = [];
  let state = 1n;
  for (let i = 0; i < 3; i++) {
    state = (state + 0x9e3779b9n) & 0xffffffffn;
    let z = state;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & 0xffffffffn;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & 0xffffffffn;
    expected.push(Number(z ^ (z >> 16n)));
  }
  assert.deepEqual(got, expected);
});

test('nbody: the perturbation moves each planet coordinate by at most 2^-20, never the Sun', () => {
  const bodies = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0, 0, 1] as [number, number, number, number, number, number, number]);
  perturb(bodies, 7);
  assert.deepEqual(bodies[0], [0, 0, 0, 0, 0, 0, 1]);
  for (const b of bodies.slice(1)) for (const c of b.slice(0, 3)) assert.ok(Math.abs(c) <= 2 ** -20 && c !== 0);
});
