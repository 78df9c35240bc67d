// The conformance suite: every variant discovered under packages/variants/ against the written
// contract (packages/variants/README.md). Test names say `<variant>: <rule>`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BuiltModule } from '@arena/contract';
import { discoverVariants, readKernels } from '@arena/collector/src/discover.ts';
import { repoRoot } from '@arena/collector/src/paths.ts';
import { conformanceChecks } from '../src/checks.ts';

const root = repoRoot(import.meta.dirname);
const { variants, broken } = discoverVariants(root);

let modules: BuiltModule[] = [];
if (variants.some((v) => v.manifest.wasmModules)) {
  try {
    modules = readKernels(root).built;
  } catch (error) {
    test('kernels: packages/kernels/dist/manifest.json is readable', () => assert.fail((error as Error).message));
  }
}

test('variants: at least one is discovered under packages/variants/', () => assert.ok(variants.length > 0));

for (const b of broken) test(`${b.name}: has a valid "arena" manifest`, () => assert.fail(b.error));

for (const variant of variants) {
  for (const check of conformanceChecks(root, variant, modules)) {
    test(check.title, { skip: check.skip }, async (t) => {
      const note = await check.run();
      if (note) t.diagnostic(note);
    });
  }
}
