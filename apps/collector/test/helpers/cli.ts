import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TreeWatch, watchTree } from '@arena/variant-kit/testing';
import { execa } from 'execa';
import { saveRun } from '../../src/store.ts';
import { makeRun } from '../fixtures/run.ts';

export const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
export const fixtureVariants = fileURLToPath(new URL('../fixtures/variants', import.meta.url));

/** A results folder holding one earlier run, and a private lock file. */
export function sandbox() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-cli-'));
  const results = path.join(dir, 'results');
  saveRun(results, makeRun({ 'go-native': 0.4 }, { id: 'earlier-run' }));
  return { dir, results, lock: path.join(dir, 'lock', 'bench') };
}

/** Every file under results/ with its bytes, to prove nothing earlier changed. */
export function snapshot(results: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(results, p), readFileSync(p));
    }
  };
  walk(results);
  return out;
}

const arenaArgv = (args: string[]) => ['--import', 'tsx', cli, ...args];
const arenaEnv = (env: Record<string, string>) => ({
  BENCH_PROFILE: 'quick',
  BENCH_WORKLOADS: 'fib',
  BENCH_N: '20',
  BENCH_WORKERS: '2',
  BENCH_SKIP_BUILD: '1',
  BENCH_VARIANTS_DIR: fixtureVariants,
  ...env,
});

/**
 * Runs `arena <args>` on fixture variants with the quick profile, on fib only (BENCH_WORKLOADS) unless
 * `env` says otherwise; never builds.
 */
export async function arena(args: string[], env: Record<string, string>): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const r = await execa(process.execPath, arenaArgv(args), { reject: false, env: arenaEnv(env) });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * {@link arena}, started in a session and process group of its own with its process tree watched
 * (watchTree): `tree.leftovers()` lists what it left running — its own processes (hyperfine's,
 * the variants', each in the group the bench made for it), never another checkout's with the same
 * command lines.
 */
export async function watchedArena(args: string[], env: Record<string, string>): Promise<Awaited<ReturnType<typeof arena>> & { tree: TreeWatch }> {
  const sub = execa(process.execPath, arenaArgv(args), { reject: false, env: arenaEnv(env), detached: true });
  const tree = watchTree(sub.pid!);
  const r = await sub;
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr), tree };
}

export const latestOf = (results: string) => JSON.parse(readFileSync(path.join(results, 'latest.json'), 'utf8'));
