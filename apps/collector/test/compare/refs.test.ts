import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '@arena/suite';
import { execa } from 'execa';
import { checkLayout, commitSide, workingTreeSide } from '../../src/compare/refs.ts';
import { cli } from '../helpers/cli.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

const put = (dir: string, file: string, text = '{}\n') => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

/**
 * A repository of three commits: `bare` (not the project's layout), `old` (the layout, no
 * workloads: before workloads and seeds) and `new` (with packages/workloads/fib/workload.json).
 */
function history(): { dir: string; bare: string; old: string; now: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-refs-'));
  git(dir, 'init', '-q', '-b', 'main');
  const commit = (m: string) => {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', m);
    return git(dir, 'rev-parse', 'HEAD');
  };
  put(dir, 'README.md', 'hello\n');
  const bare = commit('bare');
  for (const f of ['pnpm-workspace.yaml', 'turbo.json', 'packages/variants/go-native/package.json', 'packages/suite/package.json', 'scripts/toolchain.sh']) put(dir, f);
  const old = commit('layout');
  put(dir, 'packages/workloads/fib/workload.json');
  const now = commit('workloads');
  return { dir, bare, old, now };
}

test('commitSide resolves refs and refuses what is not a commit, naming it', async () => {
  const h = history();
  assert.deepEqual(await commitSide(h.dir, 'A', 'HEAD~1'), { kind: 'commit', name: 'A', ref: 'HEAD~1', commit: h.old });
  await assert.rejects(commitSide(h.dir, 'B', 'no-such-branch'), (e: Error) => e instanceof ConfigError && /B: "no-such-branch" is not a commit/.test(e.message));
  const wt = await workingTreeSide(h.dir, 'B');
  assert.equal(wt.commit, h.now);
  assert.equal(wt.kind === 'working-tree' && wt.dirty, false);
  put(h.dir, 'packages/variants/new/package.json');
  const dirty = await workingTreeSide(h.dir, 'B');
  assert.equal(dirty.kind === 'working-tree' && dirty.dirty, true);
});

test('checkLayout refuses a commit without the layout, and one from before workloads, naming the first comparable commit', async () => {
  const h = history();
  await assert.rejects(
    checkLayout(h.dir, { kind: 'commit', name: 'A', ref: 'HEAD~2', commit: h.bare }),
    (e: Error) => e instanceof ConfigError && /A: HEAD~2 \(\w{10}\) does not have bench-arena's layout \(missing pnpm-workspace\.yaml, turbo\.json, packages\/variants/.test(e.message),
  );
  await assert.rejects(
    checkLayout(h.dir, { kind: 'commit', name: 'A', ref: 'HEAD~1', commit: h.old }),
    (e: Error) => e instanceof ConfigError && /predates workloads and seeds/.test(e.message) && e.message.includes(`commits from ${h.now.slice(0, 7)}`),
  );
  await checkLayout(h.dir, { kind: 'commit', name: 'A', ref: 'HEAD', commit: h.now });
});

test('arena compare: bad usage and refs exit 2 before anything is made or timed', async () => {
  const h = history();
  const run = (...args: string[]) =>
    execa(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'compare', ...args], { cwd: h.dir, reject: false, env: { BENCH_RESULTS_DIR: path.join(h.dir, 'results') } });
  const cases: Array<[string[], RegExp]> = [
    [[], /usage: pnpm arena compare <A> \[B\]/],
    [['a', 'b', 'c'], /usage/],
    [['HEAD', '--allow-missing'], /--allow-missing only applies with --fail-above/],
    [['nope'], /A: "nope" is not a commit/],
    [['HEAD', 'nope'], /B: "nope" is not a commit/],
    [['HEAD~2', 'HEAD'], /A: HEAD~2 .* does not have bench-arena's layout/],
    [['HEAD~1'], /A: HEAD~1 .* predates workloads and seeds/],
  ];
  for (const [args, message] of cases) {
    const r = await run(...args);
    assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  assert.equal(existsSync(path.join(h.dir, '.cache')), false);
  assert.equal(existsSync(path.join(h.dir, 'results')), false);
  assert.equal(git(h.dir, 'worktree', 'list').split('\n').length, 1);
});
