// Builds every workload of packages/workloads into one WASI module per producer, into
// dist/<workload>/<producer>.wasm, and describes them in dist/manifest.json (schemaVersion 2).
//
//   pnpm --filter @arena/kernels build
//   tsx scripts/build.ts --go-toolchain    (`build:go`) only the producers built per toolchain line (Go),
//                                          with the Go that GOTOOLCHAIN selects, into
//                                          dist/go/<version>/<workload>/<producer>.wasm with their own
//                                          dist/go/<version>/manifest.json
//
// The workloads are discovered (every folder of packages/workloads with a workload.json), and so are
// the producers (every declaration in ../producers/, scripts/producer.ts says what one declares). A
// producer with no source for a workload, or one the workload's spec lists under `unsupported`, is
// recorded as skipped with the reason; so is one whose compiler is missing, unless it is required
// (then the build fails with the install hint).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { kernelManifest } from '@arena/contract';
import { discoverWorkloads, hasGoFiles, type Workload, workloadsDir } from '@arena/workloads/scripts/discover.ts';
import type { BuiltModule, Manifest, Produced, Skipped } from './manifest.ts';
import { firstLine, pkgDir, type ProducerDeclaration, run, toWorkloads } from './producer.ts';
import { discoverProducers } from './producers.ts';

const distDir = join(pkgDir, 'dist');

/** Whether the workload holds the producer's source. */
function present(p: ProducerDeclaration, w: string): boolean {
  const source = p.source(w);
  return p.sourceKind === 'go-package' ? hasGoFiles(workloadsDir, source) : existsSync(join(workloadsDir, source));
}

/** Builds `w` with `p` into dist/<dir><w>/<p>.wasm (`dir`: "" or "go/<version>/"). */
function build(p: ProducerDeclaration, w: Workload, dir = ''): Produced {
  const file = `${dir}${w.name}/${p.name}.wasm`;
  mkdirSync(join(distDir, dir, w.name), { recursive: true });
  const inKernels = p.cwd === 'kernels';
  const cwd = inKernels ? pkgDir : workloadsDir;
  // Paths relative to the command's folder, so the manifest's flags are the same on every machine.
  const ctx = { workload: w.name, source: inKernels ? `${toWorkloads}/${p.source(w.name)}` : p.source(w.name), out: inKernels ? `dist/${file}` : file };
  const c = p.command(ctx);
  const hint = p.install;
  for (const step of [c, ...(p.post?.(ctx) ?? [])]) {
    run(step.program, [...(step.hidden ?? []), ...step.args], { cwd, env: { ...process.env, ...step.env }, hint });
  }
  const flags = [...Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v}`), ...c.args];
  return { workload: w.name, producer: p.name, file, compiler: p.compiler(flags), flags };
}

/**
 * Why `p` makes no module of `w`, or undefined when it can: the spec says it cannot (its `unsupported`
 * reason), the workload has no source for it, or its compiler is missing (an optional producer only).
 */
function skipReason(w: Workload, p: ProducerDeclaration): string | undefined {
  const unsupported = w.spec.unsupported?.[p.name];
  if (unsupported !== undefined) return unsupported;
  if (!present(p, w.name)) return `no ${p.name} source: packages/workloads/${p.source(w.name)} is missing`;
  const missing = p.unavailable();
  if (missing !== undefined && !p.required) return missing;
  if (missing !== undefined) throw new Error(missing);
  return undefined;
}

/** Builds one module, or says why it is skipped. */
function produce(w: Workload, p: ProducerDeclaration, dir = ''): BuiltModule | Skipped {
  const reason = skipReason(w, p);
  const entry: BuiltModule | Skipped = reason === undefined ? describe(build(p, w, dir)) : { workload: w.name, producer: p.name, status: 'skipped', reason };
  const name = `${w.name}/${p.name}`.padEnd(24);
  console.log(entry.status === 'built' ? `built   ${name} dist/${entry.file} (${entry.sizeBytes} bytes, ${entry.execModel}; ${entry.compiler})` : `skipped ${name} ${entry.reason}`);
  return entry;
}

/** The workloads, checked: none may be named after dist/'s folder of per-toolchain Go modules. */
function workloads(): Workload[] {
  const found = discoverWorkloads();
  if (found.some((w) => w.name === 'go')) throw new Error("a workload named go would share dist/go/ with build:go's modules: rename it");
  return found;
}

/** Adds what can be read off the built file: size, hash, exports, imports, exec model. */
function describe(p: Produced): BuiltModule {
  const bytes = readFileSync(join(distDir, p.file));
  const mod = new WebAssembly.Module(bytes);
  const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
  const imports = WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`);
  const execModel = exports.includes('_initialize') ? 'reactor' : exports.includes('_start') ? 'command' : 'library';
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { workload, producer, file, compiler, flags } = p;
  return { workload, producer, status: 'built', file, compiler, flags, sizeBytes: bytes.length, sha256, exports, imports, execModel };
}

/** Folder of the per-toolchain modules (`build:go`), which `build` leaves alone: turbo caches it apart. */
const goDir = join(distDir, 'go');

function writeManifest(dir: string, modules: Manifest['modules']): void {
  // Validated against the contract before it is written, so the harness can always read it.
  const manifest: Manifest = kernelManifest.parse({ schemaVersion: 2, modules });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * `build:go`: the per-toolchain producers' modules alone, built by the Go that GOTOOLCHAIN selects,
 * into dist/go/<version>/<workload>/ with a manifest listing only them. dist/go/ is emptied first, so
 * turbo's cache entry of one toolchain never carries another toolchain's (possibly stale) modules.
 */
async function mainGoToolchain(): Promise<void> {
  const goVersion = firstLine(run('go', ['env', 'GOVERSION']));
  const found = workloads();
  const perToolchain = (await discoverProducers()).filter((p) => p.perToolchain);
  rmSync(goDir, { recursive: true, force: true });
  mkdirSync(join(goDir, goVersion), { recursive: true });
  const modules = found.flatMap((w) => perToolchain.map((p) => produce(w, p, `go/${goVersion}/`)));
  writeManifest(join(goDir, goVersion), modules);
  console.log(`wrote   dist/go/${goVersion}/manifest.json`);
}

async function main(): Promise<void> {
  const found = workloads();
  const producers = await discoverProducers();
  for (const name of existsSync(distDir) ? readdirSync(distDir) : []) {
    if (name !== 'go') rmSync(join(distDir, name), { recursive: true, force: true });
  }
  mkdirSync(distDir, { recursive: true });
  const modules: Manifest['modules'] = [];
  for (const w of found) {
    for (const p of producers) modules.push(produce(w, p));
  }
  writeManifest(distDir, modules);
  console.log('wrote   dist/manifest.json');
}

try {
  if (process.argv.includes('--go-toolchain')) await mainGoToolchain();
  else await main();
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
