import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gitState, resolveRef } from '../src/git.ts';

test('a dirty tree is recorded, changes under results/ are not', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-git-'));
  const git = (c: string) => execSync(`git -c user.email=a@b -c user.name=t ${c}`, { cwd: dir, stdio: 'pipe' }).toString().trim();
  git('init -q');
  writeFileSync(path.join(dir, 'a.txt'), '1');
  execSync('mkdir results && echo 1 > results/latest.json', { cwd: dir });
  git('add .');
  git('commit -qm one');
  const head = git('rev-parse HEAD');
  writeFileSync(path.join(dir, 'results', 'latest.json'), '2');
  assert.deepEqual(await gitState(dir), { commit: head, dirty: false });
  writeFileSync(path.join(dir, 'a.txt'), '2');
  assert.deepEqual(await gitState(dir), { commit: head, dirty: true });
  assert.equal(await resolveRef(dir, 'HEAD'), head);
  assert.equal(await resolveRef(dir, 'no-such-ref'), null);
});

test('an untracked variant makes the tree dirty; ignored files and untracked results do not', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-git-'));
  const git = (c: string) => execSync(`git -c user.email=a@b -c user.name=t ${c}`, { cwd: dir, stdio: 'pipe' }).toString().trim();
  git('init -q');
  writeFileSync(path.join(dir, '.gitignore'), 'dist/\n');
  git('add .');
  git('commit -qm one');
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'a.js'), '1');
  mkdirSync(path.join(dir, 'results', 'runs'), { recursive: true });
  writeFileSync(path.join(dir, 'results', 'runs', 'r.json'), '{}');
  assert.equal((await gitState(dir)).dirty, false);
  // What `arena new` writes: a whole new folder, never added to git.
  mkdirSync(path.join(dir, 'packages', 'variants', 'threads-zig'), { recursive: true });
  writeFileSync(path.join(dir, 'packages', 'variants', 'threads-zig', 'package.json'), '{}');
  assert.equal((await gitState(dir)).dirty, true);
});

test('outside git the run says so rather than failing', async () => {
  assert.deepEqual(await gitState(mkdtempSync(path.join(os.tmpdir(), 'arena-nogit-'))), { commit: null, dirty: false });
});
