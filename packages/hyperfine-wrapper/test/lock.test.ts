import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acquireBenchLock, isBenchLocked } from '../src/lock.ts';

const lockFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-lock-')), 'bench');

test('a second holder waits until the first releases, and says so', async () => {
  const file = lockFile();
  const release = await acquireBenchLock({ file });
  const messages: string[] = [];
  let second = false;
  const waiting = acquireBenchLock({ file, onWait: (m) => messages.push(m) }).then((r) => { second = true; return r; });
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(second, false, 'the second must not get the lock while the first holds it');
  assert.match(messages[0] ?? '', /another benchmark holds the lock \(pid \d+/);
  await release();
  const release2 = await waiting;
  assert.equal(second, true);
  await release2();
  assert.equal(await isBenchLocked(file), false);
});

test('a stale lock left by a killed process is detected and cleared', async () => {
  const file = lockFile();
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => dead.on('exit', r));
  mkdirSync(`${file}.lock`);
  writeFileSync(`${file}.owner`, JSON.stringify({ pid: dead.pid, since: new Date().toISOString(), cwd: '/' }));
  const messages: string[] = [];
  const release = await acquireBenchLock({ file, onWait: (m) => messages.push(m), timeoutMs: 5000 });
  assert.match(messages.join('\n'), new RegExp(`stale benchmark lock left by pid ${dead.pid}`));
  await release();
  assert.equal(existsSync(`${file}.owner`), false);
});

test('waiting can time out with a message naming the lock', async () => {
  const file = lockFile();
  const release = await acquireBenchLock({ file });
  await assert.rejects(acquireBenchLock({ file, timeoutMs: 300 }), /gave up waiting for the benchmark lock/);
  await release();
});
