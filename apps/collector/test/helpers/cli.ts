import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Runs `arena <args>` on fixture variants with the quick profile, on fib only (BENCH_WORKLOADS) unless
 * `env` says otherwise; never builds.
 */
export async function arena(args: string[], env: Record<string, string>): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const r = await execa(process.execPath, ['--import', 'tsx', cli, ...args], {
    reject: false,
    env: { BENCH_PROFILE: 'quick', BENCH_WORKLOADS: 'fib', BENCH_N: '20', BENCH_WORKERS: '2', BENCH_SKIP_BUILD: '1', BENCH_VARIANTS_DIR: fixtureVariants, ...env },
  });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export const latestOf = (results: string) => JSON.parse(readFileSync(path.join(results, 'latest.json'), 'utf8'));

/** The ids of live processes whose command line contains `needle` (zombies excluded). */
export function processesMatching(needle: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (cmd.includes(needle) && !/^\d+ \(.*\) Z/.test(stat) && Number(pid) !== process.pid) pids.push(Number(pid));
    } catch {
      // Gone while reading.
    }
  }
  return pids;
}
