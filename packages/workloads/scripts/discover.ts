// The workload folders: every folder of packages/workloads/ with a workload.json, no list to edit.
// Shared by this package's build (the registries) and @arena/kernels' build (the wasm modules).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workloadSpec, type WorkloadSpec } from '@arena/contract';

/** packages/workloads/ itself. */
export const workloadsDir = fileURLToPath(new URL('..', import.meta.url));

/** A workload folder: its name, absolute path and checked spec. */
export interface Workload {
  name: string;
  dir: string;
  spec: WorkloadSpec;
}

/**
 * Every folder of `base` with a workload.json, sorted by name, its spec checked against the contract
 * and named after its folder. Throws on the first one that is not: a build must not go on without it.
 */
export function discoverWorkloads(base = workloadsDir): Workload[] {
  const declared = declaredProducers(base);
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(base, e.name, 'workload.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const file = path.join(base, name, 'workload.json');
      const parsed = workloadSpec.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${name}/workload.json breaks the contract: ${parsed.error.message}`);
      if (parsed.data.name !== name) throw new Error(`${name}/workload.json names "${parsed.data.name}", not its folder`);
      for (const p of Object.keys(parsed.data.unsupported ?? {})) {
        if (declared !== undefined && !declared.includes(p))
          throw new Error(`${name}/workload.json: unsupported names "${p}", which no packages/kernels/producers/<name>.ts declares (${declared.join(', ')})`);
      }
      return { name, dir: path.join(base, name), spec: parsed.data };
    });
}

/**
 * The declared wasm producers' names: packages/kernels/producers/<name>.ts next to `base` (their
 * declarations are @arena/kernels'), or undefined when there is no such folder (a bare workloads copy).
 */
export function declaredProducers(base = workloadsDir): string[] | undefined {
  const dir = path.join(base, '..', 'kernels', 'producers');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

/** The C kernel of a workload (HOSTS.md): `<w>/c/<w>.c`, relative to packages/workloads/. */
export const cSource = (name: string): string => `${name}/c/${name}.c`;

/** The Go package of a workload's kernel (HOSTS.md): `<w>/go/`, relative to packages/workloads/. */
export const goPackageDir = (name: string): string => `${name}/go`;

/** Whether a folder (relative to `base`) holds at least one Go source file (tests aside). */
export function hasGoFiles(base: string, dir: string): boolean {
  const full = path.join(base, dir);
  return existsSync(full) && readdirSync(full).some((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
}
