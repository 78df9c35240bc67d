// Builds fibonacci(n) into one WASI module per compiler and describes them in dist/manifest.json.
//
//   pnpm --filter @arena/kernels build
//   tsx scripts/build.ts --go-toolchain    (`build:go`) only the Go module, with the Go that GOTOOLCHAIN
//                                          selects, into dist/go/<version>/ with its own manifest.json
//
// clang, go and asc are required; tinygo is optional (it cannot be installed on our machines) and
// is recorded as skipped when it is not on PATH. Every command runs from the package folder (go from
// go/), so the paths in the manifest's `flags` are relative and the build is the same on every machine.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

import { kernelManifest } from "@arena/contract";
import type { BuiltModule, Manifest, Produced, Skipped } from "./manifest.ts";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(pkgDir, "dist");
const CLANG_INSTALL = "Install the WASI toolchain with: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32";
const GO_INSTALL =
  "Go >= 1.24 is needed for //go:wasmexport: install it from go.dev/dl, or with any Go >= 1.21 on PATH run " +
  "`GOTOOLCHAIN=go1.24.0 go version` (Debian bookworm's `apt-get install golang-go` is 1.19, too old)";

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, cmd)));
}

/** Runs a command, throwing with its output and `hint` when it fails. Returns stdout. */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; hint?: string } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? pkgDir, env: opts.env ?? process.env, encoding: "utf8" });
  if (r.error !== undefined || r.status !== 0) {
    const why = r.error?.message ?? `exit code ${r.status ?? r.signal}`;
    const hint = opts.hint === undefined ? "" : `\n${opts.hint}`;
    throw new Error(`${cmd} ${args.join(" ")} failed (${why})\n${r.stdout ?? ""}${r.stderr ?? ""}${hint}`.trimEnd());
  }
  return r.stdout;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0]!.trim();
}

function requireTool(cmd: string, install: string): void {
  if (!onPath(cmd)) throw new Error(`${cmd} not found on PATH. ${install}`);
}

/**
 * clang 14, when optimising for wasm, runs binaryen's `wasm-opt` on the linked module if it finds one
 * (next to clang or on PATH), and has no flag to stop it. That changes the bytes, so say which one ran.
 */
function clangWasmOpt(flags: string[]): string | undefined {
  const plan = spawnSync("clang", [...flags, "-###"], { cwd: pkgDir, encoding: "utf8" }).stderr ?? "";
  const tool = /^\s*"([^"]*\/wasm-opt)"/m.exec(plan)?.[1];
  return tool === undefined ? undefined : firstLine(run(tool, ["--version"]));
}

function buildClang(): Produced {
  requireTool("clang", CLANG_INSTALL);
  const flags = ["--target=wasm32-wasi", "-O2", "-mexec-model=reactor", "-o", "dist/clang.wasm", "c/fibonacci.c"];
  run("clang", flags, { hint: CLANG_INSTALL });
  const wasmOpt = clangWasmOpt(flags);
  const compiler = firstLine(run("clang", ["--version"])) + (wasmOpt === undefined ? "" : ` + ${wasmOpt}`);
  return { producer: "clang", file: "clang.wasm", compiler, flags };
}

/** Builds the Go module into dist/<dir>go.wasm. */
function buildGo(dir = ""): Produced {
  requireTool("go", GO_INSTALL);
  // GOTOOLCHAIN local unless the caller chose one (the harness does, per BENCH_GO toolchain): go.mod's
  // go line must never switch toolchains silently. -trimpath/-buildvcs=false: same bytes everywhere.
  const env = { GOOS: "wasip1", GOARCH: "wasm", GOTOOLCHAIN: process.env.GOTOOLCHAIN || "local" };
  const args = ["build", "-buildmode=c-shared", "-trimpath", "-buildvcs=false", "-o", `../dist/${dir}go.wasm`, "."];
  run("go", args, { cwd: join(pkgDir, "go"), env: { ...process.env, ...env }, hint: GO_INSTALL });
  const envFlags = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const compiler = firstLine(run("go", ["version"], { env: { ...process.env, GOTOOLCHAIN: env.GOTOOLCHAIN } }));
  return { producer: "go", file: `${dir}go.wasm`, compiler, flags: [...envFlags, ...args] };
}

function buildAssemblyScript(): Produced {
  // asc is this package's devDependency; run its JS entry with this node rather than a shell shim.
  const asc = join(pkgDir, "node_modules", "assemblyscript", "bin", "asc.js");
  if (!existsSync(asc)) throw new Error("assemblyscript is not installed: run `pnpm install` at the repository root");
  // --runtime stub: no GC; --use abort=: aborts trap instead of importing env.abort (so only WASI imports
  // remain, here none); --exportStart _initialize: a reactor, as Node's wasi.initialize() expects.
  const flags = ["as/fibonacci.ts", "-O3", "--runtime", "stub", "--use", "abort=", "--exportStart", "_initialize",
    "-o", "dist/assemblyscript.wasm"];
  run(process.execPath, [asc, ...flags]);
  const version = firstLine(run(process.execPath, [asc, "--version"]));
  return { producer: "assemblyscript", file: "assemblyscript.wasm", compiler: `asc ${version}`, flags };
}

function buildTinyGo(): Produced | Skipped {
  if (!onPath("tinygo")) {
    return { producer: "tinygo", status: "skipped", reason: "tinygo not found on PATH (it cannot be installed here)" };
  }
  // TinyGo >= 0.34 understands //go:wasmexport with -buildmode=c-shared on the wasip1 target.
  const flags = ["build", "-target=wasip1", "-buildmode=c-shared", "-no-debug", "-opt=2", "-o", "../dist/tinygo.wasm", "."];
  run("tinygo", flags, { cwd: join(pkgDir, "go") });
  return { producer: "tinygo", file: "tinygo.wasm", compiler: firstLine(run("tinygo", ["version"])), flags };
}

/** Adds what can be read off the built file: size, hash, exports, imports, exec model. */
function describe(p: Produced): BuiltModule {
  const bytes = readFileSync(join(distDir, p.file));
  const mod = new WebAssembly.Module(bytes);
  const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
  const imports = WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`);
  const execModel = exports.includes("_initialize") ? "reactor" : exports.includes("_start") ? "command" : "library";
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { producer, file, compiler, flags } = p;
  return { producer, status: "built", file, compiler, flags, sizeBytes: bytes.length, sha256, exports, imports, execModel };
}

/** Folder of the per-toolchain Go modules (`build:go`), which `build` leaves alone: turbo caches it apart. */
const goDir = join(distDir, "go");

function writeManifest(dir: string, modules: Manifest["modules"]): void {
  // Validated against the contract before it is written, so the harness can always read it.
  const manifest: Manifest = kernelManifest.parse({ schemaVersion: 1, modules });
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * `build:go`: the Go module alone, built by the Go that GOTOOLCHAIN selects, into
 * dist/go/<version>/ with a manifest listing only it. dist/go/ is emptied first, so turbo's cache entry
 * of one toolchain never carries another toolchain's (possibly stale) module.
 */
function mainGoToolchain(): void {
  const version = firstLine(run("go", ["env", "GOVERSION"]));
  rmSync(goDir, { recursive: true, force: true });
  mkdirSync(join(goDir, version), { recursive: true });
  const entry = describe(buildGo(`go/${version}/`));
  console.log(`built   go ${entry.file} (${entry.sizeBytes} bytes; ${entry.compiler})`);
  writeManifest(join(goDir, version), [entry]);
}

function main(): void {
  for (const name of existsSync(distDir) ? readdirSync(distDir) : []) {
    if (name !== "go") rmSync(join(distDir, name), { recursive: true, force: true });
  }
  mkdirSync(distDir, { recursive: true });
  const modules: Manifest["modules"] = [];
  for (const build of [buildClang, () => buildGo(), buildAssemblyScript, buildTinyGo]) {
    const result = build();
    const entry = "status" in result ? result : describe(result);
    console.log(entry.status === "built"
      ? `built   ${entry.producer.padEnd(15)} dist/${entry.file} (${entry.sizeBytes} bytes, ${entry.execModel}; ${entry.compiler})`
      : `skipped ${entry.producer.padEnd(15)} ${entry.reason}`);
    modules.push(entry);
  }
  writeManifest(distDir, modules);
  console.log("wrote   dist/manifest.json");
}

try {
  if (process.argv.includes("--go-toolchain")) mainGoToolchain();
  else main();
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
