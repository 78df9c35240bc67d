// What `turbo gen workload` (and `pnpm arena new-workload`) accepts, and the names a workload's
// kernels are written under (packages/workloads/HOSTS.md).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { KEBAB_CASE } from './variant-options.ts';

/** The folder a workload named `name` lives in, relative to the repository root. */
export const workloadDir = (name: string): string => path.posix.join('packages', 'workloads', name);

/** Its Go package name: the name with `-` removed (as packages/workloads/scripts/registry.ts has it). */
export const goPackageName = (name: string): string => name.replaceAll('-', '');

/** Its C prefix and wasm export: the name with `-` turned into `_` (as registry.ts has it). */
export const cName = (name: string): string => name.replaceAll('-', '_');

/** What the templates are rendered with. */
export const templateData = (name: string) => ({ name, goPackage: goPackageName(name), cName: cName(name) });

// The Go package name is a package clause and, in the generated registry.go, an import name: it must
// be an identifier that neither is a keyword nor hides a predeclared one that file uses.
const GO_KEYWORDS = 'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var';
const GO_PREDECLARED =
  'any append bool byte cap clear close comparable complex complex64 complex128 copy delete error false float32 float64 imag int int8 int16 int32 int64 iota len make max min new nil panic print println real recover rune string true uint uint8 uint16 uint32 uint64 uintptr';
const GO_RESERVED = new Set([...GO_KEYWORDS.split(' '), ...GO_PREDECLARED.split(' '), 'main', 'init']);

/** Names that mean something else next to the workload folders or in their modules. */
const TAKEN: Record<string, string> = {
  dist: 'packages/workloads/dist/ holds the generated C registry',
  registry: 'packages/workloads/registry/ is the generated Go registry',
  stream: 'arena/workloads/stream is the streamed-input helper',
  scripts: "packages/workloads/scripts/ is the package's build",
  test: "packages/workloads/test/ is the package's tests",
  bin: 'bin/ folders are gitignored and left out of workspace copies',
  results: 'workspace copies leave results/ folders out',
  memory: 'every wasm module already exports its memory as "memory"',
};

/** The workload folders of `root` (folders of packages/workloads/ with a workload.json). */
function workloadFolders(root: string): string[] {
  const base = path.join(root, 'packages', 'workloads');
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(base, e.name, 'workload.json')))
    .map((e) => e.name);
}

/**
 * Checks a new workload's name: kebab-case, a Go package name (`-` removed) that is no Go keyword or
 * predeclared name and no other workload's, no reserved name, and no folder of that name under
 * packages/workloads/. Its C names (`<w_>_run`) are then always valid identifiers. Returns true, or
 * the reason it is refused (one line, naming the rule).
 */
export function checkWorkloadName(name: string, root: string): true | string {
  if (!KEBAB_CASE.test(name)) {
    return `workload name "${name}" must be kebab-case: lowercase letters and digits in words joined by "-", starting with a letter (e.g. radix-sort)`;
  }
  if (name.length > 40) return `workload name "${name}" is longer than 40 characters`;
  const pkg = goPackageName(name);
  if (GO_RESERVED.has(pkg)) return `workload name "${name}" gives the Go package name "${pkg}", which Go reserves: pick another name`;
  if (Object.hasOwn(TAKEN, name)) return `workload name "${name}" is reserved: ${TAKEN[name]}`;
  if (existsSync(path.join(root, workloadDir(name)))) return `${workloadDir(name)} already exists: pick another name`;
  const twin = workloadFolders(root).find((other) => goPackageName(other) === pkg);
  if (twin !== undefined) return `workload name "${name}" gives the Go package name "${pkg}", as ${twin} does: pick another name`;
  return true;
}
