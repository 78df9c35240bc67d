import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertError, assertReport, builtKernels, repoRoot, runVariant } from '@arena/variant-kit/testing';

const variant = 'threads-wasi';
const pkg = fileURLToPath(new URL('..', import.meta.url));
const phases = ['startupMs', 'spawnMs', 'compileMs', 'instantiateMs', 'computeMs'];
const kernels = builtKernels(repoRoot(pkg));
const clang = 'packages/kernels/dist/clang.wasm';

describe(`${variant} (built dist/main.js, run by its arena command)`, () => {
  it('has modules to run: @arena/kernels built some', () => assert.ok(kernels.length > 0));
  for (const { producer, file } of kernels) {
    for (const workers of [1, 3]) {
      it(`reports fibonacci(20) from each of ${workers} thread(s) with the ${producer} module`, () => {
        assertReport(runVariant(pkg, ['--module', file, '--n', '20', '--workers', String(workers)]), { variant, n: 20, workers, module: file }, phases);
      });
    }
  }
  for (const [name, file, cause] of [
    ['a missing module file', 'packages/kernels/dist/missing.wasm', /^error: packages\/kernels\/dist\/missing\.wasm: cannot read module \(ENOENT/],
    ['a module without a fibonacci export', 'packages/kernels/fixtures/no-export.wasm', /^error: packages\/kernels\/fixtures\/no-export\.wasm: no export fibonacci$/],
    ['a trapping module', 'packages/kernels/fixtures/trap.wasm', /^error: packages\/kernels\/fixtures\/trap\.wasm: fibonacci\(20\) failed: trap: unreachable$/],
  ] as const) {
    it(`exits 1 naming the file for ${name}, with no report`, () => {
      assertError(runVariant(pkg, ['--module', file, '--n', '20', '--workers', '3']), 1, cause);
    });
  }
  for (const [args, cause] of [
    [['--module', clang, '--n', '-1'], /^error: --n must be an integer in 1\.\.47, got '-1'$/],
    [['--module', clang, '--n', 'abc'], /^error: --n must be an integer in 1\.\.47, got 'abc'$/],
    [['--module', clang, '--workers', '0'], /^error: --workers must be an integer >= 1, got '0'$/],
    [['--module', clang, '--verbose'], /^error: unknown argument '--verbose'/],
    [['--n', '20'], /^error: --module is required/],
  ] as const) {
    it(`exits 2 on ${args.join(' ')}`, () => assertError(runVariant(pkg, args), 2, cause));
  }
});
