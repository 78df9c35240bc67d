// Test helpers for the variants' own tests (never loaded on the timed path).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fibonacci } from './fibonacci.js';

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

/** The modules `@arena/kernels` built, from its dist/manifest.json: producer and path relative to the root. */
export function builtKernels(root: string): { producer: string; file: string }[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/kernels/dist/manifest.json'), 'utf8')) as {
    modules: { producer: string; status: string; file?: string }[];
  };
  return manifest.modules
    .filter((module) => module.status === 'built' && module.file)
    .map((module) => ({ producer: module.producer, file: `packages/kernels/dist/${module.file}` }));
}

/**
 * Asserts a successful run: exit 0, and a last stdout line that is a valid report for `expected`
 * (every worker's result equal to fibonacci(n), `computeMs` and the listed phases present; with a
 * module, `moduleSha256` equal to the sha256 of that file). Returns it.
 */
export function assertReport(
  run: VariantRun,
  expected: { variant: string; n: number; workers: number; module?: string },
  phases: readonly string[],
): Record<string, unknown> {
  assert.equal(run.status, 0, `exit ${run.status ?? run.signal}; stderr: ${run.stderr}`);
  const lines = run.stdout.trimEnd().split('\n');
  const report = JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
  const { results, phasesMs, ...rest } = report;
  const module = expected.module ? { module: expected.module, moduleSha256: sha256Of(resolve(run.cwd, expected.module)) } : {};
  assert.deepEqual(rest, { variant: expected.variant, n: expected.n, workers: expected.workers, ...module });
  assert.deepEqual(results, new Array(expected.workers).fill(fibonacci(expected.n)));
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
