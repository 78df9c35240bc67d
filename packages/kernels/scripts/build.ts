// Builds every workload of packages/workloads into one WASI module per compiler, into
// dist/<workload>/<producer>.wasm, and describes them in dist/manifest.json (schemaVersion 2).
//
//   pnpm --filter @arena/kernels build
//   tsx scripts/build.ts --go-toolchain    (`build:go`) only the Go modules, with the Go that GOTOOLCHAIN
//                                          selects, into dist/go/<version>/<workload>/go.wasm with
//                                          their own dist/go/<version>/manifest.json
//
// The workloads are discovered (every folder of packages/workloads with a workload.json); each
// producer's source sits in the folder (packages/workloads/HOSTS.md). A producer with no source for a
// workload, or one the workload's spec lists under `unsupported`, is recorded as skipped with the
// reason. clang, go and asc are required; tinygo is optional (it cannot be installed on our machines)
// and is recorded as skipped when it is not on PATH. clang and asc run from this package's folder, go
// and tinygo from packages/workloads (its Go module), so the paths in the manifest's `flags` are
// relative and the build is the same on every machine.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { kernelManifest, producer as producers } from '@arena/contract';
import { asSource, cSource, discoverWorkloads, goWasmDir, hasGoFiles, type Workload, workloadsDir } from '@arena/workloads/scripts/discover.ts';
import type { BuiltModule, Manifest, Produced, Producer, Skipped } from './manifest.ts';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(pkgDir, 'dist');
/** packages/workloads as seen from this folder (`../workloads`), and this folder from there. */
const toWorkloads = relative(pkgDir, workloadsDir);
const fromWorkloads = relative(workloadsDir, pkgDir);
const CLANG_INSTALL = 'Install the WASI toolchain with: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32';
const GO_INSTALL =
  'Go >= 1.24 is needed for //go:wasmexport: install it from go.dev/dl, or with any Go >= 1.21 on PATH run ' +
  "`GOTOOLCHAIN=go1.24.0 go version` (Debian bookworm's `apt-get install golang-go` is 1.19, too old)";

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
}

/** Runs a command, throwing with its output and `hint` when it fails. Returns stdout. */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; hint?: string } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? pkgDir, env: opts.env ?? process.env, encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    const why = r.error?.message ?? `exit code ${r.status ?? r.signal}`;
    const hint = opts.hint === undefined ? '' : `\n${opts.hint}`;
    throw new Error(`${cmd} ${args.join(' ')} failed (${why})\n${r.stdout ?? ''}${r.stderr ?? ''}${hint}`.trimEnd());
  }
  return r.stdout;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]!.trim();
}

function requireTool(cmd: string, install: string): void {
  if (!onPath(cmd)) throw new Error(`${cmd} not found on PATH. ${install}`);
}

/**
 * clang 14, when optimising for wasm, runs binaryen's `wasm-opt` on the linked module if it finds one
 * (next to clang or on PATH), and has no flag to stop it. That changes the bytes, so say which one ran.
 */
function clangWasmOpt(flags: string[]): string | undefined {
  const plan = spawnSync('clang', [...flags, '-###'], { cwd: pkgDir, encoding: 'utf8' }).stderr ?? '';
  const tool = /^\s*"([^"]*\/wasm-opt)"/m.exec(plan)?.[1];
  return tool === undefined ? undefined : firstLine(run(tool, ['--version']));
}

/** Runs once per tool: the compiler line recorded for every module it built. */
const versions = new Map<string, string>();
function version(key: string, read: () => string): string {
  if (!versions.has(key)) versions.set(key, read());
  return versions.get(key)!;
}

function buildClang(w: Workload): Produced {
  requireTool('clang', CLANG_INSTALL);
  const flags = ['--target=wasm32-wasi', '-O2', '-ffp-contract=off', '-mexec-model=reactor', '-DARENA_WASM', '-o', `dist/${w.name}/clang.wasm`, `${toWorkloads}/${cSource(w.name)}`];
  run('clang', flags, { hint: CLANG_INSTALL });
  const compiler = version('clang', () => {
    const wasmOpt = clangWasmOpt(flags);
    return firstLine(run('clang', ['--version'])) + (wasmOpt === undefined ? '' : ` + ${wasmOpt}`);
  });
  return { workload: w.name, producer: 'clang', file: `${w.name}/clang.wasm`, compiler, flags };
}

/** Builds the workload's Go module into dist/<dir><workload>/go.wasm (`dir`: "" or "go/<version>/"). */
function buildGo(w: Workload, dir = ''): Produced {
  requireTool('go', GO_INSTALL);
  // GOTOOLCHAIN local unless the caller chose one (the harness does, per BENCH_GO toolchain): go.mod's
  // go line must never switch toolchains silently. -trimpath/-buildvcs=false: same bytes everywhere.
  const env = { GOOS: 'wasip1', GOARCH: 'wasm', GOTOOLCHAIN: process.env.GOTOOLCHAIN || 'local' };
  const file = `${dir}${w.name}/go.wasm`;
  const args = ['build', '-buildmode=c-shared', '-trimpath', '-buildvcs=false', '-o', `${fromWorkloads}/dist/${file}`, `./${goWasmDir(w.name)}`];
  run('go', args, { cwd: workloadsDir, env: { ...process.env, ...env }, hint: GO_INSTALL });
  const envFlags = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const compiler = version('go', () => firstLine(run('go', ['version'], { env: { ...process.env, GOTOOLCHAIN: env.GOTOOLCHAIN } })));
  return { workload: w.name, producer: 'go', file, compiler, flags: [...envFlags, ...args] };
}

function buildAssemblyScript(w: Workload): Produced {
  // asc is this package's devDependency; run its JS entry with this node rather than a shell shim.
  const asc = join(pkgDir, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  if (!existsSync(asc)) throw new Error('assemblyscript is not installed: run `pnpm install` at the repository root');
  // --runtime stub: no GC; --use abort=: aborts trap instead of importing env.abort (so only WASI imports
  // remain, here none); --exportStart _initialize: a reactor, as Node's wasi.initialize() expects.
  const flags = [`${toWorkloads}/${asSource(w.name)}`, '-O3', '--runtime', 'stub', '--use', 'abort=', '--exportStart', '_initialize', '-o', `dist/${w.name}/assemblyscript.wasm`];
  run(process.execPath, [asc, ...flags]);
  const compiler = version('asc', () => `asc ${firstLine(run(process.execPath, [asc, '--version']))}`);
  return { workload: w.name, producer: 'assemblyscript', file: `${w.name}/assemblyscript.wasm`, compiler, flags };
}

function buildTinyGo(w: Workload): Produced {
  // TinyGo >= 0.34 understands //go:wasmexport with -buildmode=c-shared on the wasip1 target.
  const flags = ['build', '-target=wasip1', '-buildmode=c-shared', '-no-debug', '-opt=2', '-o', `${fromWorkloads}/dist/${w.name}/tinygo.wasm`, `./${goWasmDir(w.name)}`];
  run('tinygo', flags, { cwd: workloadsDir });
  const compiler = version('tinygo', () => firstLine(run('tinygo', ['version'])));
  return { workload: w.name, producer: 'tinygo', file: `${w.name}/tinygo.wasm`, compiler, flags };
}

/** Each producer: how it builds a workload, and the source it needs (relative to packages/workloads). */
const PRODUCERS: Record<Producer, { build: (w: Workload) => Produced; source: (name: string) => string; present: (name: string) => boolean }> = {
  clang: { build: buildClang, source: cSource, present: (n) => existsSync(join(workloadsDir, cSource(n))) },
  go: { build: (w) => buildGo(w), source: goWasmDir, present: (n) => hasGoFiles(workloadsDir, goWasmDir(n)) },
  assemblyscript: { build: buildAssemblyScript, source: asSource, present: (n) => existsSync(join(workloadsDir, asSource(n))) },
  tinygo: { build: buildTinyGo, source: goWasmDir, present: (n) => hasGoFiles(workloadsDir, goWasmDir(n)) },
};

/**
 * Why `producer` makes no module of `w`, or undefined when it can: the spec says it cannot (its
 * `unsupported` reason), the workload has no source for it, or (tinygo) the compiler is missing.
 */
function skipReason(w: Workload, producer: Producer): string | undefined {
  const unsupported = w.spec.unsupported?.[producer];
  if (unsupported !== undefined) return unsupported;
  const { source, present } = PRODUCERS[producer];
  if (!present(w.name)) return `no ${producer} source: packages/workloads/${source(w.name)} is missing`;
  if (producer === 'tinygo' && !onPath('tinygo')) return 'tinygo not found on PATH (it cannot be installed here)';
  return undefined;
}

/** Builds one module, or says why it is skipped. */
function produce(w: Workload, producer: Producer, build = PRODUCERS[producer].build): BuiltModule | Skipped {
  const reason = skipReason(w, producer);
  const entry: BuiltModule | Skipped = reason === undefined ? describe(build(w)) : { workload: w.name, producer, status: 'skipped', reason };
  const name = `${w.name}/${producer}`.padEnd(24);
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

/** Folder of the per-toolchain Go modules (`build:go`), which `build` leaves alone: turbo caches it apart. */
const goDir = join(distDir, 'go');

function writeManifest(dir: string, modules: Manifest['modules']): void {
  // Validated against the contract before it is written, so the harness can always read it.
  const manifest: Manifest = kernelManifest.parse({ schemaVersion: 2, modules });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * `build:go`: the Go modules alone, built by the Go that GOTOOLCHAIN selects, into
 * dist/go/<version>/<workload>/go.wasm with a manifest listing only them. dist/go/ is emptied first, so
 * turbo's cache entry of one toolchain never carries another toolchain's (possibly stale) modules.
 */
function mainGoToolchain(): void {
  const goVersion = firstLine(run('go', ['env', 'GOVERSION']));
  const found = workloads();
  rmSync(goDir, { recursive: true, force: true });
  mkdirSync(join(goDir, goVersion), { recursive: true });
  const modules = found.map((w) =>
    produce(w, 'go', (x) => {
      mkdirSync(join(goDir, goVersion, x.name), { recursive: true });
      return buildGo(x, `go/${goVersion}/`);
    }),
  );
  writeManifest(join(goDir, goVersion), modules);
  console.log(`wrote   dist/go/${goVersion}/manifest.json`);
}

function main(): void {
  const found = workloads();
  for (const name of existsSync(distDir) ? readdirSync(distDir) : []) {
    if (name !== 'go') rmSync(join(distDir, name), { recursive: true, force: true });
  }
  mkdirSync(distDir, { recursive: true });
  const modules: Manifest['modules'] = [];
  for (const w of found) {
    mkdirSync(join(distDir, w.name), { recursive: true });
    for (const producer of producers.options) modules.push(produce(w, producer));
  }
  writeManifest(distDir, modules);
  console.log('wrote   dist/manifest.json');
}

try {
  if (process.argv.includes('--go-toolchain')) mainGoToolchain();
  else main();
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
