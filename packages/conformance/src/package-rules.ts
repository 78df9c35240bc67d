import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Variant } from '@arena/suite';

interface PackageJson {
  name?: string;
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

/**
 * How a variant's package breaks section 1 of packages/variants/README.md (name, scripts, turbo.json,
 * README.md, build:go for Go variants, @arena/kernels for WASI variants); empty when it does not.
 */
export function packageProblems(root: string, variant: Variant): string[] {
  const dir = path.join(root, variant.dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  const problems: string[] = [];
  const want = `@arena/variant-${variant.name}`;
  if (pkg.name !== want) problems.push(`package.json "name" must be ${want}, is ${JSON.stringify(pkg.name)}`);
  for (const script of ['build', 'test']) if (!pkg.scripts?.[script]) problems.push(`package.json has no "${script}" script`);
  for (const file of ['turbo.json', 'README.md']) if (!existsSync(path.join(dir, file))) problems.push(`${file} is missing`);
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  // A Go program without build:go would run once, unlabelled, whatever BENCH_GO asks for.
  if (existsSync(path.join(dir, 'go.mod')) && !pkg.scripts?.['build:go']) problems.push('a Go variant must have a "build:go" script (sh ../../go-kit/build-go.sh): it is built once per Go toolchain');
  if (variant.manifest.wasmModules && !deps['@arena/kernels']) problems.push('a WASI variant must list @arena/kernels under devDependencies');
  return problems;
}
