// Writes turbo.json's inputs from the producer declarations (each producer's `inputs`, under
// packages/workloads/), so turbo rebuilds a module when its source changes with no hand-kept list.
// `pnpm --filter @arena/kernels turbo-inputs` rewrites turbo.json; test/producers.test.ts fails
// until it is run after a declaration changes.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ProducerDeclaration } from './producer.ts';
import { pkgDir } from './producer.ts';
import { discoverProducers } from './producers.ts';

const W = '$TURBO_ROOT$/packages/workloads';
const COMMON = [
  `${W}/*/workload.json`,
  `!${W}/dist/**`,
  `${W}/scripts/discover.ts`,
  'producers/**',
  'scripts/**',
  '$TURBO_ROOT$/packages/contract/src/kernels.ts',
  '$TURBO_ROOT$/packages/contract/src/workload.ts',
  'package.json',
];

const globs = (ps: ProducerDeclaration[]): string[] => [...new Set(ps.flatMap((p) => p.inputs.map((g) => `${W}/${g}`)))];

/** turbo.json as the declarations make it. */
export function turboJson(ps: ProducerDeclaration[]): unknown {
  return {
    $schema: 'https://turborepo.com/schema.json',
    extends: ['//'],
    tasks: {
      build: { inputs: [...globs(ps), ...COMMON], outputs: ['dist/**', '!dist/go/**'], env: ['ARENA_TOOLCHAIN'] },
      'build:go': { inputs: [...globs(ps.filter((p) => p.perToolchain)), ...COMMON], outputs: ['dist/go/**'], env: ['ARENA_TOOLCHAIN'] },
    },
  };
}

export const turboFile = join(pkgDir, 'turbo.json');
export const readTurboJson = (): unknown => JSON.parse(readFileSync(turboFile, 'utf8'));

if (process.argv[1] === import.meta.filename) {
  writeFileSync(turboFile, `${JSON.stringify(turboJson(await discoverProducers()), null, 2)}\n`);
  spawnSync(join(pkgDir, '..', '..', 'node_modules', '.bin', 'biome'), ['format', '--write', turboFile], { stdio: 'inherit' });
  console.log('wrote packages/kernels/turbo.json');
}
