// `pnpm arena new-workload`: the name rules (every refusal a ConfigError, exit 2), and the folder it
// writes through turbo gen in a temporary copy of the workspace. That the folder builds and passes on
// every variant is packages/conformance/test/templates.test.ts's job.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { workloadSpec } from '@arena/contract';
import { ConfigError, repoRoot } from '@arena/suite';
import { parseNewWorkloadArgs } from '../../src/commands/new-workload.ts';
import { cName, goPackageName } from '../../../../turbo/generators/workload-options.ts';
import * as registry from '../../../../packages/workloads/scripts/registry.ts';
import { cli } from '../helpers/cli.ts';

const root = repoRoot(import.meta.dirname);

test('arena new-workload: a kebab-case name is accepted, hyphens and digits included', () => {
  for (const name of ['sum', 'radix-sort2', 'static', 'class', 'a-b-c']) assert.equal(parseNewWorkloadArgs([name], root), name);
});

test('the Go and C spellings of a name are the ones the registries use', () => {
  for (const name of ['sum', 'radix-sort', 'a-b-c']) {
    assert.equal(goPackageName(name), registry.goPackageName(name));
    assert.equal(cName(name), registry.cName(name));
  }
});

for (const [args, says] of [
  [[], /a workload name is needed/],
  [['a', 'b'], /unexpected argument "b"/],
  [['--template', 'x'], /unknown option "--template"/],
  [['Sum'], /kebab-case/],
  [['radix_sort'], /kebab-case/],
  [['2sum'], /kebab-case/],
  [['a--b'], /kebab-case/],
  [['sum-'], /kebab-case/],
  [['fib'], /packages\/workloads\/fib already exists/],
  [['n-body'], /Go package name "nbody", as nbody does/],
  [['func'], /Go package name "func", which Go reserves/],
  [['str-ing'], /Go package name "string", which Go reserves/],
  [['main'], /which Go reserves/],
  [['memory'], /reserved: every wasm module already exports its memory/],
  [['registry'], /reserved/],
] as const) {
  test(`arena new-workload ${args.join(' ')} is refused with exit 2`, () => {
    assert.throws(
      () => parseNewWorkloadArgs([...args], root),
      (error: unknown) => error instanceof ConfigError && says.test(error.message),
    );
  });
}

test('the CLI refuses a bad name with one error: line and exit 2, writing nothing', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'new-workload', 'Bad_Name'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^error: workload name "Bad_Name" must be kebab-case/);
  assert.ok(!readdirSync(path.join(root, 'packages/workloads')).includes('Bad_Name'));
});

/**
 * A copy of the workspace's sources whose node_modules links to this one's packages: turbo gen runs,
 * but whatever pnpm writes about an install lands in the copy, never in the real node_modules.
 */
function workspaceCopy(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'arena-new-workload-'));
  const skip = new Set(['node_modules', '.turbo', '.cache', 'results', 'dist', 'bin', '.git']);
  cpSync(root, copy, { recursive: true, filter: (s) => !skip.has(path.basename(s)) && !s.endsWith('.turbo-gen-bundled.cjs') });
  const real = path.join(root, 'node_modules');
  const linked = path.join(copy, 'node_modules');
  mkdirSync(path.join(linked, '.pnpm'), { recursive: true });
  for (const e of readdirSync(real)) if (!e.startsWith('.')) symlinkSync(path.join(real, e), path.join(linked, e));
  for (const e of readdirSync(path.join(real, '.pnpm'))) if (e !== 'lock.yaml') symlinkSync(path.join(real, '.pnpm', e), path.join(linked, '.pnpm', e));
  cpSync(path.join(real, '.bin'), path.join(linked, '.bin'), { recursive: true, verbatimSymlinks: true });
  return copy;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

test('arena new-workload radix-sort2 writes a complete workload folder, the name spelled right everywhere', { timeout: 120_000 }, async (t) => {
  const copy = workspaceCopy();
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'new-workload', 'radix-sort2'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, pnpm_config_verify_deps_before_run: 'false', TURBO_TELEMETRY_DISABLED: '1' },
  });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /created packages\/workloads\/radix-sort2/);
  const dir = path.join(copy, 'packages/workloads/radix-sort2');
  assert.deepEqual(files(dir), [
    'README.md',
    'as/radix-sort2.ts',
    'as/tsconfig.json',
    'c/radix-sort2.c',
    'go/radix-sort2.go',
    'go/wasm/main.go',
    'js/radix-sort2.js',
    'reference.ts',
    'rust/radix-sort2.rs',
    'workload.json',
  ]);
  const text = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  for (const file of files(dir)) {
    assert.doesNotMatch(text(file), /\{\{|\}\}|TODO/, `${file} has a template marker or a TODO`);
  }

  const spec = workloadSpec.parse(JSON.parse(text('workload.json')));
  assert.deepEqual([spec.name, spec.kernel.export, spec.seeded, spec.answer.type], ['radix-sort2', 'radix_sort2', true, 'u32']);
  assert.match(text('go/radix-sort2.go'), /^package radixsort2$/m);
  assert.match(text('go/wasm/main.go'), /^import kernel "arena\/workloads\/radix-sort2\/go"$/m);
  assert.match(text('go/wasm/main.go'), /^\/\/go:wasmexport radix_sort2$/m);
  assert.match(text('c/radix-sort2.c'), /export_name\("radix_sort2"\)/);
  assert.match(text('c/radix-sort2.c'), /^void radix_sort2_run\(uint32_t size, uint32_t seed, double \*out\)/m);
  assert.match(text('as/radix-sort2.ts'), /^export \{ total as radix_sort2 \};$/m);
  assert.match(text('rust/radix-sort2.rs'), /^pub extern "C" fn radix_sort2\(count: u32, seed: u32\) -> u32 \{$/m);
  assert.match(text('README.md'), /^# radix-sort2$/m);

  // The JavaScript kernel agrees with the reference; every kernel is checked by the workloads' tests.
  const { run } = await import(pathToFileURL(path.join(dir, 'js/radix-sort2.js')).href);
  const { reference } = await import(pathToFileURL(path.join(dir, 'reference.ts')).href);
  for (const [size, seed] of [
    [1, 0],
    [10, 42],
    [1000, 4294967295],
  ])
    assert.deepEqual(run(size, seed), [reference(size, seed)]);
  if (spawnSync('gofmt', ['-h']).error === undefined) assert.equal(execFileSync('gofmt', ['-l', 'go'], { cwd: dir, encoding: 'utf8' }), '');
});
