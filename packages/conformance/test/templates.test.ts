// Every template of `pnpm arena new`, generated into one temporary copy of the workspace, beside a
// new workload written there by `pnpm arena new-workload` and left as generated: the new variants
// install from the pnpm store, build, pass their own tests and the conformance checks on every
// workload, and every variant — old and new, none edited — runs the new workload with status ok in the
// run `pnpm arena bench` writes (quick profile). A throwaway producer `clang-o1` (clang at -O1) is
// declared in the copy and nothing else is edited for it (docs/extending.md, "Adding a producer"):
// every wasm host runs its module of the new workload too. Slow: a few minutes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { execa } from 'execa';
import { parseRunDocument } from '@arena/contract';
import { discoverVariants, discoverWorkloads, loadAnswers, readKernels, repoRoot } from '@arena/suite';
import { harnessNode, planJs } from '@arena/runtimes';
import { TEMPLATES } from '../../../turbo/generators/variant-options.ts';
import { conformanceChecks, runChecks } from '../src/checks.ts';
import { copyWorkspace } from '../src/workspace-copy.ts';

const copy = copyWorkspace(repoRoot(import.meta.dirname), 'arena-templates-');
after(() => rmSync(copy, { recursive: true, force: true }));
// One declaration, and no other edit: clang's, renamed and at -O1.
const producers = path.join(copy, 'packages/kernels/producers');
const clang = readFileSync(path.join(producers, 'clang.ts'), 'utf8');
const clangO1 = clang.replace("name: 'clang'", "name: 'clang-o1'").replace('order: 0', 'order: 90').replace("'-O2'", "'-O1'").replace("once('clang'", "once('clang-o1'");
assert.notEqual(clangO1, clang);
writeFileSync(path.join(producers, 'clang-o1.ts'), clangO1);
// The new workload, named with a hyphen: its Go package and C names are spelled differently.
const workload = 'tpl-sum';
const workloadsBefore = discoverWorkloads(copy).workloads.map((w) => w.name);

const generated = Object.keys(TEMPLATES).map((template) => ({ template, name: `tpl-${template}` }));
const MINUTES = 60_000;

/** The environment of a command in the copy: no BENCH_*, TURBO_* or package-script setting leaks in from outside. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BENCH_|TURBO_|npm_|PNPM_SCRIPT_SRC_DIR$|INIT_CWD$)/.test(k)));
const sh = (file: string, args: string[], extra: Record<string, string> = {}) =>
  execa(file, args, { cwd: copy, env: { ...env, ...extra, TURBO_TELEMETRY_DISABLED: '1' }, extendEnv: false, reject: false, stdin: 'ignore', all: true });
// --prefer-offline: packages come from the store; only metadata the store lacks is fetched.
const install = () => sh('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile']);
const ok = (r: Awaited<ReturnType<typeof sh>>) => assert.equal(r.exitCode, 0, `\`${r.command}\` failed:\n${r.all}`);

test('the workspace copy installs from the pnpm store', { timeout: 5 * MINUTES }, async () => ok(await install()));

test(`arena new-workload ${workload} writes a workload folder that typechecks and lints clean; a taken name is refused with exit 2`, { timeout: 2 * MINUTES }, async () => {
  const taken = await sh('pnpm', ['--silent', 'arena', 'new-workload', 'fib']);
  assert.equal(taken.exitCode, 2, taken.all);
  assert.match(taken.all ?? '', /^error: packages\/workloads\/fib already exists/m);
  ok(await sh('pnpm', ['arena', 'new-workload', workload]));
  assert.ok(existsSync(path.join(copy, 'packages/workloads', workload, 'workload.json')));
  // What @arena/workloads' typecheck and lint scripts check, on the new folder alone (its reference.ts is in the package's tsconfig).
  ok(await sh('pnpm', ['exec', 'tsc', '--noEmit', '-p', 'packages/workloads/tsconfig.json']));
  ok(await sh('pnpm', ['exec', 'biome', 'lint', '--error-on-warnings', `packages/workloads/${workload}`]));
  ok(await sh('pnpm', ['exec', 'biome', 'format', `packages/workloads/${workload}`]));
  const gofmt = await sh('gofmt', ['-l', `packages/workloads/${workload}`]);
  ok(gofmt);
  assert.equal(gofmt.stdout, '', 'gofmt -l lists no file of the new workload');
});

test('arena new refuses a bad name, an existing folder or an unknown template with exit 2', async () => {
  for (const [args, says] of [
    [['Bad_Name', '--template', 'node'], /kebab-case/],
    [['threads-js', '--template', 'node'], /packages\/variants\/threads-js already exists/],
    [['fresh-one', '--template', 'rust'], /unknown template "rust"/],
    [['fresh-one'], /both a name and --template are needed/],
  ] as const) {
    const r = await sh('pnpm', ['--silent', 'arena', 'new', ...args]);
    assert.equal(r.exitCode, 2, r.all);
    assert.match(r.all ?? '', says);
  }
  assert.ok(!existsSync(path.join(copy, 'packages/variants/fresh-one')));
});

for (const { template, name } of generated) {
  test(`arena new ${name} --template ${template} writes a complete variant package`, { timeout: 2 * MINUTES }, async () => {
    ok(await sh('pnpm', ['arena', 'new', name, '--template', template]));
    const dir = path.join(copy, 'packages/variants', name);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    assert.equal(pkg.name, `@arena/variant-${name}`);
    assert.ok(pkg.scripts.build && pkg.scripts.test && pkg.arena.command && pkg.arena.summary);
    assert.equal(pkg.arena.wasmModules ?? false, template.startsWith('wasi-'));
    assert.equal(pkg.arena.twin, ({ 'wasi-node': 'threads-js', 'wasi-go': 'go-native' } as Record<string, string>)[template], 'a wasm host names its native twin');
    for (const file of ['turbo.json', 'README.md', ...(template.endsWith('go') ? ['go.mod', 'main.go', 'main_test.go'] : ['src/main.ts', 'test/main.test.ts'])]) {
      assert.ok(existsSync(path.join(dir, file)), `${file} missing`);
    }
  });
}

test('after pnpm install, the generated variants build, typecheck, lint clean (biome; gofmt and go vet) and pass their own tests', { timeout: 10 * MINUTES }, async () => {
  ok(await install());
  ok(await sh('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'lint', 'test', '--filter=./packages/variants/tpl-*', '--output-logs=errors-only']));
});

test('the generated variants pass the conformance checks on every workload, the new one included', { timeout: 5 * MINUTES }, async () => {
  const { variants } = discoverVariants(copy);
  const { built: modules, skipped } = readKernels(copy);
  const { workloads } = discoverWorkloads(copy);
  assert.deepEqual(workloads.map((w) => w.name).sort(), [...workloadsBefore, workload].sort());
  const work = { workloads, answers: await loadAnswers(copy, workloads), skipped };
  for (const { name } of generated) {
    const variant = variants.find((v) => v.name === name);
    assert.ok(variant, `${name} is not discovered`);
    // The harness's Node, as the bench below runs them (no BENCH_NODE).
    const runtimes = { js: await planJs([harnessNode()], copy, variant.manifest.nodeFlags) };
    const failed = (await runChecks(conformanceChecks(copy, variant, modules, runtimes, work))).filter((o) => o.error);
    assert.deepEqual(failed, [], `${name} breaks the contract`);
  }
});

test('pnpm arena bench (quick) runs every variant, the generated ones included, on the new workload with status ok — every wasm host on every module, the declared clang-o1 too', {
  timeout: 15 * MINUTES,
}, async () => {
  const results = path.join(copy, '.bench-results');
  ok(
    await sh('pnpm', ['arena', 'bench'], {
      BENCH_PROFILE: 'quick',
      BENCH_WORKLOADS: workload,
      BENCH_RESULTS_DIR: results,
      BENCH_LOCK_FILE: path.join(copy, '.bench-lock'),
    }),
  );
  const doc = parseRunDocument(JSON.parse(readFileSync(path.join(results, 'latest.json'), 'utf8')), 'latest.json');
  const built = readKernels(copy).built;
  const producersOf = (w: string) => built.filter((m) => m.workload === w).map((m) => m.producer);
  const modules = producersOf(workload).length;
  // Every declared producer that builds here builds the generated workload too (its templates exist).
  assert.deepEqual(producersOf(workload), producersOf('fib'), `${workload} has a module of every producer that builds fib`);
  assert.ok(producersOf(workload).includes('clang-o1'), 'the declared clang-o1 builds the new workload');
  const { variants } = discoverVariants(copy);
  for (const v of variants) {
    const rows = doc.results.filter((r) => r.variant === v.name);
    assert.equal(rows.length, v.manifest.wasmModules ? modules : 1, `${v.name}: one result per module`);
    for (const row of rows) {
      assert.equal(row.workload, workload);
      assert.equal(row.status, 'ok', `${v.name} ${JSON.stringify(row.parameters)}: ${row.status === 'failed' ? row.error : ''}`);
      if (row.status === 'ok') assert.equal(row.seeds.length, 1, 'one seed for its one round');
    }
  }
});
