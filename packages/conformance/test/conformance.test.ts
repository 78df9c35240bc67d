// The conformance suite: every variant discovered under packages/variants/ against the written
// contract (packages/variants/README.md), on every workload of packages/workloads/, Node-style
// variants on every installed JavaScript runtime line (Node, Bun, Deno). Test names say
// `<variant> · <workload>: <rule>` (`<variant> [node=<line>] (<module>.wasm) · <workload>: <rule>`,
// `[bun=<line>]`, `[deno=<line>]`; `<variant>: <rule>` for the rules
// about the variant alone).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BuiltModule } from '@arena/contract';
import { discoverVariants, discoverWorkloads, loadAnswers, readKernels, repoRoot, wantedNodeFlags, type SkippedModule } from '@arena/suite';
import { installedJs, planJs } from '@arena/runtimes';
import { conformanceChecks } from '../src/checks.ts';

const root = repoRoot(import.meta.dirname);
const { variants, broken } = discoverVariants(root);
// The harness's Node and the runtimes a bench already installed (BENCH_JS; scripts/setup.sh --test
// installs Bun and Deno): checking installs nothing.
const runtimes = { js: await planJs(installedJs(root), root, wantedNodeFlags(variants)) };

const { workloads, broken: brokenWorkloads } = discoverWorkloads(root);
const work = { workloads, answers: await loadAnswers(root, workloads), skipped: [] as SkippedModule[] };

let modules: BuiltModule[] = [];
if (variants.some((v) => v.manifest.wasmModules)) {
  try {
    ({ built: modules, skipped: work.skipped } = readKernels(root));
  } catch (error) {
    test('kernels: packages/kernels/dist/manifest.json is readable', () => assert.fail((error as Error).message));
  }
}

test('variants: at least one is discovered under packages/variants/', () => assert.ok(variants.length > 0));

test('runtimes: Node-style variants are checked on every installed JavaScript runtime line', (t) => {
  for (const n of runtimes.js)
    t.diagnostic(`${n.runtime}=${n.line}: ${n.version} (${n.binary}), ${n.engine} ${n.engineVersion ?? '(version unknown)'}, accepts ${n.acceptedFlags.join(' ') || 'none of the wanted flags'}`);
  assert.ok(runtimes.js.some((n) => n.runtime === 'node'));
});

test('workloads: at least one is discovered under packages/workloads/', () => assert.ok(workloads.length > 0));

for (const b of broken) test(`${b.name}: has a valid "arena" manifest`, () => assert.fail(b.error));
for (const b of brokenWorkloads) test(`workload ${b.name}: has a valid workload.json`, () => assert.fail(b.error));

for (const variant of variants) {
  for (const check of conformanceChecks(root, variant, modules, runtimes, work)) {
    test(check.title, { skip: check.skip }, async (t) => {
      const note = await check.run();
      if (note) t.diagnostic(note);
    });
  }
}
