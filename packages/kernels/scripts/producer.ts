// What a wasm producer declares (one file per producer in ../producers/, discovered by
// producers.ts), and the helpers declarations share. The build, the toolchain fingerprint and the
// tests derive from these declarations; nothing else lists the producers.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { workloadsDir } from '@arena/workloads/scripts/discover.ts';

/** packages/kernels/. */
export const pkgDir = fileURLToPath(new URL('..', import.meta.url));

/** What a build command is run with. */
export interface BuildContext {
  /** The workload's name (its folder). */
  workload: string;
  /** The workload's source for this producer, relative to the command's folder. */
  source: string;
  /** The module to write, relative to the command's folder. */
  out: string;
}

/** One command: `program`, then `hidden` (left out of the manifest's flags), then `args`. */
export interface Command {
  program: string;
  args: string[];
  hidden?: string[];
  /** Environment assignments, recorded first in the manifest's flags as on a shell line. */
  env?: Record<string, string>;
}

export interface ProducerDeclaration {
  /** The producer's name: the module's file name (`<name>.wasm`) and the declaration's file name. */
  name: string;
  /** Its place in the manifest and the tables (clang, the default module, is 0). */
  order: number;
  /** One line: the compiler and what it makes of a workload. */
  summary: string;
  /** The source a workload gives it, relative to packages/workloads/ (`fib/rust/fib.rs`). */
  source: (workload: string) => string;
  /** `file`: the source is one file; `go-package`: a folder that must hold .go files. */
  sourceKind: 'file' | 'go-package';
  /** Globs (relative to packages/workloads/) of what its build reads: turbo's inputs must cover them. */
  inputs: string[];
  /** The folder its command runs in: this package's, or packages/workloads (the Go module). */
  cwd: 'kernels' | 'workloads';
  /** Whether the default suite needs it: a missing compiler then fails the build instead of skipping. */
  required: boolean;
  /** Built again per Go toolchain line (`build:go`, dist/go/<version>/, parameters.go). */
  perToolchain?: boolean;
  /** Why it cannot build here (a missing compiler or target), with the install hint; undefined when it can. */
  unavailable: () => string | undefined;
  /** How to install what it needs: printed when its command fails (e.g. clang without wasi-libc). */
  install?: string;
  /** The command that builds one workload's module. */
  command: (ctx: BuildContext) => Command;
  /** Commands run after it, on the written module (e.g. wasm-opt). */
  post?: (ctx: BuildContext) => Command[];
  /** The compiler line recorded for every module it builds (`flags`: the command's recorded argv). */
  compiler: (flags: string[]) => string;
  /** Argv lines whose first output line fingerprints the toolchain (turbo's hashes, scripts/toolchain.sh). */
  probes: string[][];
  /** Its folder of templates under turbo/generators/templates/workload/, for `arena new-workload`. */
  template: string;
}

export function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
}

/** Runs a command, throwing with its output and `hint` when it fails. Returns stdout. */
export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; hint?: string } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? pkgDir, env: opts.env ?? process.env, encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    const why = r.error?.message ?? `exit code ${r.status ?? r.signal}`;
    const hint = opts.hint === undefined ? '' : `\n${opts.hint}`;
    throw new Error(`${cmd} ${args.join(' ')} failed (${why})\n${r.stdout ?? ''}${r.stderr ?? ''}${hint}`.trimEnd());
  }
  return r.stdout;
}

export function firstLine(text: string): string {
  return text.trim().split('\n')[0]!.trim();
}

/** `cmd`'s first output line, or "none" when it is missing or fails (a fingerprint never throws). */
export function probe(argv: string[], cwd = pkgDir): string {
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) return 'none';
  return firstLine(`${r.stdout}${r.stderr}`) || 'none';
}

/** Runs once per key: the compiler line recorded for every module a tool built. */
const versions = new Map<string, string>();
export function once(key: string, read: () => string): string {
  if (!versions.has(key)) versions.set(key, read());
  return versions.get(key)!;
}

/** packages/workloads as seen from this folder (`../workloads`), and this folder from there. */
export const toWorkloads = relative(pkgDir, workloadsDir);
export const fromWorkloads = relative(workloadsDir, pkgDir);
