// Test helpers for the variants' own tests (never loaded on the timed path).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readWorkload, type Answer } from './workload.js';

/** A finished run of a variant's command. */
export interface VariantRun {
  /** Where it ran (the repository root): its `--module` path is relative to this. */
  cwd: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function repoRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    try {
      readFileSync(join(dir, 'pnpm-workspace.yaml'));
      return dir;
    } catch {
      if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    }
  }
}

/**
 * Runs a variant the way the harness does: its package.json `arena.command`, split on spaces, with
 * `{pkg}` replaced by the package folder relative to the repository root, from the root, plus `args`.
 */
export function runVariant(packageDir: string, args: readonly string[]): VariantRun {
  const root = repoRoot(packageDir);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { arena: { command: string } };
  const [program, ...rest] = manifest.arena.command
    .split(' ')
    .filter(Boolean)
    .map((part) => part.replaceAll('{pkg}', relative(root, packageDir)));
  const child = spawnSync(program === 'node' ? process.execPath : (program as string), [...rest, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { cwd: root, status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
}

/** A module `@arena/kernels` built: its workload, its producer and its path relative to the root. */
export interface BuiltKernel {
  workload: string;
  producer: string;
  file: string;
}

/**
 * The modules `@arena/kernels` built, from its dist/manifest.json (every module, or those of
 * `workload`). A manifest of schema 1 (before workloads) had fib's modules alone.
 */
export function builtKernels(root: string, workload?: string): BuiltKernel[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/kernels/dist/manifest.json'), 'utf8')) as {
    modules: { workload?: string; producer: string; status: string; file?: string }[];
  };
  return manifest.modules
    .filter((module) => module.status === 'built' && module.file)
    .map((module) => ({ workload: module.workload ?? 'fib', producer: module.producer, file: `packages/kernels/dist/${module.file}` }))
    .filter((module) => workload === undefined || module.workload === workload);
}

/**
 * The answer every worker must report for `workload` at `size` and `seed` (null when unseeded): the
 * workload's own reference (`packages/workloads/<workload>/reference.ts`, imported as TypeScript, so
 * under tsx), typed by its spec's `answer.type`.
 */
export async function referenceAnswer(root: string, workload: string, size: number, seed: number | null): Promise<Answer> {
  const dir = join(root, 'packages', 'workloads');
  const spec = readWorkload(workload, { dir });
  if (!spec) throw new Error(`no workload ${workload} in ${dir}`);
  const { reference } = (await import(pathToFileURL(join(dir, workload, 'reference.ts')).href)) as {
    reference: (size: number, seed: number) => number | number[];
  };
  const answer = reference(size, seed ?? 0);
  if (spec.answer.type === 'u32') return Array.isArray(answer) ? (answer[0] as number) : answer;
  return Array.isArray(answer) ? [...answer] : [answer];
}

/** What a run was asked: the report's fields before its results. */
export interface ExpectedReport {
  variant: string;
  workload: string;
  size: number;
  seed: number | null;
  workers: number;
  module?: string;
}

/** The report line's fields, in the order of packages/workloads/HOSTS.md. */
const FIELDS = ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'module', 'moduleSha256', 'phasesMs'];

/** The report line of a run: its last stdout line, parsed. */
export function reportOf(run: VariantRun): Record<string, unknown> {
  const lines = run.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
}

/**
 * Asserts a successful run: exit 0, and a last stdout line that is a valid report for `expected`:
 * the fields in HOSTS.md's order, every worker's answer exactly the workload's reference
 * ({@link referenceAnswer}), `computeMs` and the listed phases present; with a module, `moduleSha256`
 * equal to the sha256 of that file. Returns it.
 */
export async function assertReport(run: VariantRun, expected: ExpectedReport, phases: readonly string[]): Promise<Record<string, unknown>> {
  assert.equal(run.status, 0, `exit ${run.status ?? run.signal}; stderr: ${run.stderr}`);
  const report = reportOf(run);
  const { results, phasesMs, ...rest } = report;
  const module = expected.module ? { module: expected.module, moduleSha256: sha256Of(resolve(run.cwd, expected.module)) } : {};
  const { variant, workload, size, seed, workers } = expected;
  assert.deepEqual(rest, { variant, workload, size, seed, workers, ...module });
  assert.deepEqual(Object.keys(report), FIELDS.filter((field) => field in report), "fields in HOSTS.md's order");
  const answer = await referenceAnswer(run.cwd, workload, size, seed);
  assert.deepEqual(results, new Array(workers).fill(answer), `each worker's answer is ${workload}'s reference for size ${size}, seed ${seed}`);
  assert.deepEqual(Object.keys(phasesMs as object).sort(), [...new Set([...phases, 'computeMs'])].sort());
  for (const [phase, ms] of Object.entries(phasesMs as object)) assert.ok(typeof ms === 'number' && ms >= 0, `${phase}: ${ms}`);
  return report;
}

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Asserts a failed run: exit `status`, nothing on stdout, and an `error:` line on stderr matching `cause`. */
export function assertError(run: VariantRun, status: number, cause: RegExp): void {
  assert.equal(run.stdout, '', 'no report line after a failure');
  assert.equal(run.status, status, `stderr: ${run.stderr}`);
  const errors = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
  assert.equal(errors.length, 1, `one error line; stderr: ${run.stderr}`);
  assert.match(errors[0] as string, cause);
}

/**
 * The command lines every Node host must refuse with exit 2, each with the `error:` line it must
 * print (the wording of `parseArgs`), on fib and nbody — as arena/go-kit/kittest gives the Go hosts.
 * `module(workload)`: for a WASI host, the module each case passes (it then also must require
 * --module); without it, --module is an unknown argument.
 */
export function usageCases(module?: (workload: string) => string): Array<[args: string[], cause: RegExp]> {
  const withModule = (workload: string, args: string[]) => (module ? ['--module', module(workload), ...args] : args);
  const sizes = /--size must be an integer in 1\.\.47 \(fib's n\)/.source;
  return [
    [withModule('fib', ['--size', '-1']), new RegExp(`^error: ${sizes}, got '-1'$`)],
    [withModule('fib', ['--workload', 'fib', '--size', 'abc']), new RegExp(`^error: ${sizes}, got 'abc'$`)],
    [withModule('fib', ['--workload', 'fib', '--size', '48']), new RegExp(`^error: ${sizes}, got '48'$`)],
    [withModule('fib', ['--workload', 'no-such-workload']), /^error: --workload must be one of .*\bfib\b.*, got 'no-such-workload'$/],
    [withModule('fib', ['--workload', 'fib', '--seed', '1']), /^error: --seed is not accepted: fib is not seeded$/],
    [withModule('nbody', ['--workload', 'nbody', '--size', '1000']), /^error: --seed is required: nbody is seeded/],
    [withModule('nbody', ['--workload', 'nbody', '--seed', '4294967296']), /^error: --seed must be an integer in 0\.\.4294967295, got '4294967296'$/],
    [withModule('fib', ['--workers', '0']), /^error: --workers must be an integer >= 1, got '0'$/],
    [withModule('fib', ['--n', '20']), /^error: unknown argument '--n'/],
    [withModule('fib', ['--verbose']), /^error: unknown argument '--verbose'/],
    module ? [['--size', '20'], /^error: --module is required/] : [['--module', 'packages/kernels/dist/fib/clang.wasm'], /^error: unknown argument '--module'/],
  ];
}

/** Pids of processes (zombies included) whose command line mentions `needle`, e.g. a worker script's path. */
export function processesRunning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}
