import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';

const root = path.resolve(import.meta.dirname, '../../../..');
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

// A scratch clone of this checkout's HEAD plus one empty commit, so both refs compare needs a new
// worktree for; Ctrl-C arrives while the first one installs.
test('arena compare: Ctrl-C while a worktree is being prepared removes it, writes nothing and exits 130', { timeout: 180_000 }, async () => {
  const clone = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-interrupt-')), 'repo');
  git(root, 'clone', '--quiet', '--shared', root, clone);
  git(clone, 'commit', '-q', '--allow-empty', '-m', 'one more');
  await execa('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], { cwd: clone });
  const results = path.join(clone, 'results-test');
  const child = execa(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(clone, 'apps/collector/src/cli.ts'), 'compare', 'HEAD~1', 'HEAD'], {
    cwd: clone,
    reject: false,
    env: { BENCH_RESULTS_DIR: results, BENCH_ONLY: 'go-native', BENCH_WORKLOADS: 'fib', BENCH_PROFILE: 'quick', BENCH_LOCK_FILE: path.join(clone, 'lock') },
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/A \(HEAD~1, \w+\): install:/.test(stderr)) resolve();
    });
    child.once('exit', () => reject(new Error(`compare ended before installing:\n${stderr}`)));
  });
  child.kill('SIGINT');
  const r = await child;
  assert.equal(r.exitCode, 130, String(r.stderr));
  assert.match(String(r.stderr), /SIGINT: stopping the compare/);
  assert.match(String(r.stderr), /interrupted: children stopped, lock released, nothing written/);
  const worktrees = path.join(clone, '.cache', 'compare', 'worktrees');
  assert.deepEqual(existsSync(worktrees) ? readdirSync(worktrees) : [], []);
  assert.equal(git(clone, 'worktree', 'list').split('\n').length, 1);
  assert.equal(existsSync(path.join(results, 'compare')), false);
});
