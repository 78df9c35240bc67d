import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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

test('outside git the run says so rather than failing', async () => {
  assert.deepEqual(await gitState(mkdtempSync(path.join(os.tmpdir(), 'arena-nogit-'))), { commit: null, dirty: false });
});
