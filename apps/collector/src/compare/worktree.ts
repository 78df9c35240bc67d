import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';

/** Where compare checks commits out: ignored by git (.cache/), one folder per commit, kept for the next compare. */
export const worktreesDir = (root: string): string => path.join(root, '.cache', 'compare', 'worktrees');

/** A checked-out commit; `created`: this compare made it (so an interruption removes it). */
export interface Worktree {
  dir: string;
  created: boolean;
}

/**
 * The worktree of `commit`: the one a previous compare left, when it is still at that commit, or a
 * new detached `git worktree`. Install and build are separate steps (prepare).
 */
export async function checkout(root: string, commit: string, signal?: AbortSignal): Promise<Worktree> {
  const dir = path.join(worktreesDir(root), commit.slice(0, 12));
  if (existsSync(dir)) {
    const head = await execa('git', ['rev-parse', 'HEAD'], { cwd: dir, reject: false });
    if (head.exitCode === 0 && head.stdout.trim() === commit) return { dir, created: false };
    await removeWorktree(root, dir);
  }
  mkdirSync(worktreesDir(root), { recursive: true });
  await execa('git', ['worktree', 'add', '--detach', '--force', dir, commit], { cwd: root, cancelSignal: signal });
  return { dir, created: true };
}

/** Removes a worktree and its registration; tolerant of one half made. */
export async function removeWorktree(root: string, dir: string): Promise<void> {
  await execa('git', ['worktree', 'remove', '--force', '--force', dir], { cwd: root, reject: false });
  rmSync(dir, { recursive: true, force: true });
  await execa('git', ['worktree', 'prune'], { cwd: root, reject: false });
}

/**
 * Installs a worktree's dependencies (the pnpm store first, the registry for what is missing) and
 * builds it with its own scripts, sharing the checkout's turbo cache, so packages whose inputs
 * match are restored rather than rebuilt. Throws with the step that failed and the end of its output.
 */
export async function prepare(dir: string, cacheDir: string, signal?: AbortSignal, say: (m: string) => void = () => undefined): Promise<void> {
  const steps: Array<[string, string, string[]]> = [
    ['install', 'pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']],
    ['build', 'bash', ['scripts/toolchain.sh', 'pnpm', 'exec', 'turbo', 'run', 'build', '--output-logs=errors-only', `--cache-dir=${cacheDir}`]],
  ];
  // Without BENCH_*: no build reads one (turbo.json gives them to test and bench only), and the ref's own
  // scripts/toolchain.sh would refuse a setting its older list of them does not know.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^bench_/i.test(k))), TURBO_TELEMETRY_DISABLED: '1' };
  for (const [step, file, args] of steps) {
    say(`${step}: ${file} ${args.join(' ')}`);
    const r = await execa(file, args, { cwd: dir, all: true, reject: false, cancelSignal: signal, env, extendEnv: false });
    if (signal?.aborted) throw new Error('interrupted');
    if (r.exitCode !== 0) throw new Error(`${step} failed (exit ${r.exitCode}): ${(r.all ?? '').split('\n').slice(-15).join('\n')}`);
  }
}
