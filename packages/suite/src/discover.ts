import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { kernelManifest, variantManifest, type BuiltModule, type VariantManifest } from '@arena/contract';
import { z } from 'zod';

/** A variant found under packages/variants/. */
export interface Variant {
  name: string;
  /** Package folder relative to the repository root. */
  dir: string;
  manifest: VariantManifest;
  /**
   * Built once per Go toolchain: the package has a `build:go` script (see packages/go-kit/build-go.sh),
   * which builds its `{pkg}/bin/` program again into `{pkg}/bin/go/<version>/`.
   */
  goBuilt: boolean;
}

/** A folder that looked like a variant but whose manifest is broken. */
export interface BrokenVariant {
  name: string;
  error: string;
}

/** Where a Go-built variant's program lives; a Go toolchain other than the default one builds it into bin/go/<version>/. */
export const GO_BIN = '{pkg}/bin/';

/** A Go-built variant's manifest command as built by `go`: the default Go's program, or bin/go/<version>/'s. */
export const goBuiltCommand = (command: string, go: { version: string; isDefault: boolean }): string => (go.isDefault ? command : command.replace(GO_BIN, `${GO_BIN}go/${go.version}/`));

/** Where variants live: packages/variants/ (settings.variantsDir may name another folder, for tests). */
export const variantsDir = (root: string): string => path.join(root, 'packages', 'variants');

/** Every folder of packages/variants/ (or `base`) whose package.json has an `arena` field: no list to edit. */
export function discoverVariants(root: string, base = variantsDir(root)): { variants: Variant[]; broken: BrokenVariant[] } {
  const variants: Variant[] = [];
  const broken: BrokenVariant[] = [];
  for (const entry of readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(base, entry.name, 'package.json');
    if (!existsSync(file)) continue;
    const dir = path.relative(root, path.join(base, entry.name)).split(path.sep).join('/');
    let pkg: { arena?: unknown; scripts?: Record<string, unknown> };
    try {
      pkg = JSON.parse(readFileSync(file, 'utf8')) as typeof pkg;
    } catch (error) {
      broken.push({ name: entry.name, error: `${dir}/package.json is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    if (pkg.arena === undefined) continue;
    const parsed = variantManifest.safeParse(pkg.arena);
    const goBuilt = typeof pkg.scripts?.['build:go'] === 'string';
    if (parsed.success && goBuilt && !parsed.data.command.startsWith(GO_BIN)) {
      broken.push({
        name: entry.name,
        error: `${dir}/package.json: a variant with a build:go script runs a program under ${GO_BIN} (built there per Go toolchain), but its command is "${parsed.data.command}"`,
      });
    } else if (parsed.success) variants.push({ name: entry.name, dir, manifest: parsed.data, goBuilt });
    else broken.push({ name: entry.name, error: `${dir}/package.json "arena": ${z.prettifyError(parsed.error)}` });
  }
  // A declared twin must be a variant here that runs no module (a broken one is reported on its own).
  const twinless = variants.filter((v) => {
    const twin = v.manifest.twin;
    if (twin === undefined || broken.some((b) => b.name === twin)) return false;
    const found = variants.find((t) => t.name === twin);
    const error = !found ? `no variant ${twin} was found beside it` : found.manifest.wasmModules ? `${twin} runs kernel modules (wasmModules: true), so it is no native twin` : undefined;
    if (error) broken.push({ name: v.name, error: `${v.dir}/package.json "arena": twin names ${twin}, but ${error}` });
    return error !== undefined;
  });
  broken.sort((a, b) => a.name.localeCompare(b.name));
  return { variants: variants.filter((v) => !twinless.includes(v)), broken };
}

/** The kernels directory relative to the root. */
export const KERNELS_DIST = 'packages/kernels/dist';

/** The manifest of the Go-compiled module that a Go other than the default built (`build:go`). */
export const goModuleManifest = (version: string): string => `${KERNELS_DIST}/go/${version}/manifest.json`;

/** A module the kernels build did not produce for one workload, and why. */
export interface SkippedModule {
  producer: string;
  workload: string;
  reason: string;
}

/**
 * The modules a bench runs: the default build's (dist/manifest.json) except the Go-compiled ones,
 * which come per Go toolchain — the default Go's from that same manifest, another's from
 * dist/go/<version>/manifest.json (`build:go`). Every module names its workload.
 */
export interface Modules {
  /** Built modules whose compiler is not Go (clang, AssemblyScript, …), of every workload. */
  other: BuiltModule[];
  /** Per planned Go version (e.g. go1.27.3): its Go-compiled modules (one per workload), or why there are none. */
  go: Record<string, { status: 'built'; modules: BuiltModule[] } | { status: 'missing'; error: string }>;
  /**
   * A producer skipped for some workloads but not all (the workload's spec or sources say it cannot
   * express it): shown as a failed result, never a silent gap.
   */
  skipped: SkippedModule[];
  /** A producer skipped for every workload (its compiler is not installed): said once, not per result. */
  unavailable: Array<{ producer: string; reason: string }>;
  /** The producers in the kernels manifest's order (their declared order, clang first); absent: as listed. */
  order?: string[];
}

/** Splits skipped modules into per-workload gaps and producers missing altogether. Pure. */
export function splitSkipped(built: BuiltModule[], skipped: SkippedModule[]): Pick<Modules, 'skipped' | 'unavailable'> {
  const unavailable = [...new Set(skipped.map((s) => s.producer))]
    .filter((p) => !built.some((m) => m.producer === p))
    .map((p) => ({ producer: p, reason: skipped.find((s) => s.producer === p)!.reason }));
  return { skipped: skipped.filter((s) => !unavailable.some((u) => u.producer === s.producer)), unavailable };
}

/**
 * The modules of the default build alone (dist/manifest.json's `built`), its Go-compiled ones under
 * the default Go's version: what the conformance suite checks. Pure.
 */
export function defaultModules(built: BuiltModule[], defaultGo: string, skipped: SkippedModule[] = [], order?: string[]): Modules {
  const go = built.filter((m) => m.producer === 'go');
  return { other: built.filter((m) => m.producer !== 'go'), go: go.length ? { [defaultGo]: { status: 'built', modules: go } } : {}, ...splitSkipped(built, skipped), ...(order && { order }) };
}

/** The modules of a bench for its Go toolchains (see Modules). */
export function readModules(root: string, toolchains: Array<{ version: string; isDefault: boolean }>): Modules {
  const { built, skipped, order } = readKernels(root);
  const go: Modules['go'] = {};
  for (const t of toolchains) {
    const file = t.isDefault ? `${KERNELS_DIST}/manifest.json` : goModuleManifest(t.version);
    let modules: BuiltModule[] = [];
    if (t.isDefault) modules = built.filter((m) => m.producer === 'go');
    else if (existsSync(path.join(root, file))) {
      const parsed = kernelManifest.parse(JSON.parse(readFileSync(path.join(root, file), 'utf8')));
      modules = parsed.modules.filter((m): m is BuiltModule => m.status === 'built' && m.producer === 'go');
    }
    const why = skipped.find((s) => s.producer === 'go')?.reason;
    go[t.version] = modules.length
      ? { status: 'built', modules }
      : { status: 'missing', error: `no Go-compiled module was built by ${t.version} (${file} lists none${t.isDefault && why ? `: ${why}` : ''})` };
  }
  return { other: built.filter((m) => m.producer !== 'go'), go, ...splitSkipped(built, skipped), order };
}

/**
 * The modules the kernels build produced (skipped ones are returned apart, with the reason), and the
 * producers in the manifest's order.
 */
export function readKernels(root: string): { built: BuiltModule[]; skipped: SkippedModule[]; order: string[] } {
  const file = path.join(root, KERNELS_DIST, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${KERNELS_DIST}/manifest.json is missing: build the kernels first (pnpm turbo build)`);
  const manifest = kernelManifest.parse(JSON.parse(readFileSync(file, 'utf8')));
  const built: BuiltModule[] = [];
  const skipped: SkippedModule[] = [];
  for (const m of manifest.modules) {
    if (m.status === 'built') built.push(m);
    else skipped.push({ producer: m.producer, workload: m.workload, reason: m.reason });
  }
  return { built, skipped, order: [...new Set(manifest.modules.map((m) => m.producer))] };
}
