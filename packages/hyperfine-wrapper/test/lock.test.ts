import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acquireBenchLock, isBenchLocked } from '../src/lock.ts';

const tmpDir = () => mkdtempSync(path.join(os.tmpdir(), 'arena-lock-'));
const lockFile = () => path.join(tmpDir(), 'bench');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const holderScript = path.join(import.meta.dirname, 'fixtures', 'lock-holder.ts');

/**
 * Pids of this test's own child processes that have the file open: the lock's holder, and any flock
 * waiting on it (acquireBenchLock starts them from this process). Never another process of the machine.
 */
function openers(file: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue; // ppid: not our child
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === file)) pids.push(Number(pid));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

async function deadPid(): Promise<number> {
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => dead.on('exit', r));
  return dead.pid!;
}

/** Starts the fixture benchmark; resolves each line it prints through `lines`. */
function startHolder(file: string, stamps: string, holdMs: number, detached = false) {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, file, stamps, String(holdMs)], { detached }) as ChildProcessWithoutNullStreams;
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const hit = out.split('\n').find((l) => pattern.test(l));
        if (hit !== undefined) resolve(hit);
      };
      child.stdout.on('data', (d) => {
        out += d;
        check();
      });
      child.on('exit', () => {
        check();
        reject(new Error(`holder exited without printing ${pattern}: ${out}${err}`));
      });
      check();
    });
  return { child, line, exited, output: () => out + err };
}

test('a second holder waits until the first releases, and says so', async () => {
  const file = lockFile();
  const first = await acquireBenchLock({ file });
  assert.equal(await isBenchLocked(file), true);
  const messages: string[] = [];
  let second = false;
  const waiting = acquireBenchLock({ file, onWait: (m) => messages.push(m) }).then((l) => {
    second = true;
    return l;
  });
  await sleep(600);
  assert.equal(second, false, 'the second must not get the lock while the first holds it');
  assert.match(messages[0] ?? '', new RegExp(`another benchmark holds the lock \\(pid ${process.pid} in .*, since .*\\); waiting for it to finish so timings never overlap`));
  await first.release();
  const next = await waiting;
  assert.equal(second, true);
  assert.equal(next.lost(), null);
  await next.release();
  assert.equal(await isBenchLocked(file), false, 'release resolves only once the lock is free');
  await next.release(); // a second release does nothing
});

test('an owner file naming a dead process never lets a waiter take a lock that is held', async () => {
  // The old lock's race, made deterministic: a new holder has the lock but the owner file still
  // names the killed one. A waiter that trusted the owner file removed the new holder's lock.
  const file = lockFile();
  const holder = await acquireBenchLock({ file });
  writeFileSync(`${file}.owner`, JSON.stringify({ pid: await deadPid(), since: new Date().toISOString(), cwd: '/' }));
  await assert.rejects(acquireBenchLock({ file, timeoutMs: 800 }), /gave up waiting for the benchmark lock/);
  assert.equal(holder.lost(), null);
  await holder.release();
});

test('two waiters racing for the lock of a SIGKILLed holder hold it one after the other', async () => {
  for (let round = 0; round < 3; round++) {
    const dir = tmpDir();
    const file = path.join(dir, 'bench');
    const stamps = path.join(dir, 'stamps');
    writeFileSync(stamps, '');
    const owner = startHolder(file, stamps, 60_000);
    await owner.line(/^locked$/);
    const waiters = [startHolder(file, stamps, 150), startHolder(file, stamps, 150)];
    await Promise.all(waiters.map((w) => w.line(/^waiting$/)));
    owner.child.kill('SIGKILL');
    const codes = await Promise.all(waiters.map((w) => w.exited));
    assert.deepEqual(codes, [0, 0], waiters.map((w) => w.output()).join('\n'));
    const lines = readFileSync(stamps, 'utf8').trim().split('\n');
    assert.equal(lines.length, 5, lines.join('\n'));
    assert.equal(lines[0], `enter ${owner.child.pid}`);
    // Appends are ordered by the kernel, so overlapping holds would show as two enters in a row.
    const [a, b] = [lines[1]!.split(' ')[1], lines[3]!.split(' ')[1]];
    assert.deepEqual(lines.slice(1), [`enter ${a}`, `leave ${a}`, `enter ${b}`, `leave ${b}`], `round ${round}: holds overlapped`);
    assert.notEqual(a, b);
  }
});

test('a lock left by a killed benchmark is free at once, and its stale owner file is reported', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'bench');
  const owner = startHolder(file, path.join(dir, 'stamps'), 60_000);
  await owner.line(/^locked$/);
  owner.child.kill('SIGKILL');
  await owner.exited;
  const messages: string[] = [];
  const lock = await acquireBenchLock({ file, onWait: (m) => messages.push(m), timeoutMs: 5000 });
  assert.match(messages.join('\n'), new RegExp(`cleared a stale benchmark lock left by pid ${owner.child.pid} \\(no longer running\\)`));
  assert.equal(JSON.parse(readFileSync(`${file}.owner`, 'utf8')).pid, process.pid);
  await lock.release();
});

test('killing the holder process from outside loses the lock, and says so', async () => {
  const file = lockFile();
  const reasons: string[] = [];
  const lock = await acquireBenchLock({ file, onLost: (r) => reasons.push(r) });
  const [holder, ...others] = openers(file);
  assert.equal(others.length, 0, 'one process holds the lock');
  process.kill(holder!, 'SIGKILL');
  for (let i = 0; i < 50 && lock.lost() === null; i++) await sleep(20);
  assert.equal(lock.lost(), `the process holding ${file} (pid ${holder}) was killed by SIGKILL`);
  assert.deepEqual(reasons, [lock.lost()], 'onLost is called once');
  const next = await acquireBenchLock({ file, timeoutMs: 2000 }); // really free now
  await lock.release(); // releasing a lost lock leaves the new holder's owner file alone
  assert.equal(JSON.parse(readFileSync(`${file}.owner`, 'utf8')).pid, process.pid);
  assert.equal(await isBenchLocked(file), true);
  await next.release();
});

test('Ctrl-C to the whole process group leaves the lock held until the bench releases it', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'bench');
  const bench = startHolder(file, path.join(dir, 'stamps'), 60_000, true);
  await bench.line(/^locked$/);
  process.kill(-bench.child.pid!, 'SIGINT'); // what a terminal does: the whole foreground group
  assert.equal(await bench.line(/^sigint /), 'sigint lost=null');
  assert.equal(await bench.exited, 130);
  assert.equal(await isBenchLocked(file), false);
});

test('waiting can time out with a message naming the lock, and leaves no waiter behind', async () => {
  const file = lockFile();
  const lock = await acquireBenchLock({ file });
  const holder = openers(file);
  await assert.rejects(acquireBenchLock({ file, timeoutMs: 300 }), new RegExp(`gave up waiting for the benchmark lock \\(${file}\\) after 300 ms`));
  await sleep(100);
  assert.deepEqual(openers(file), holder);
  await lock.release();
  assert.deepEqual(openers(file), []);
});

test('the default lock folder is made like /tmp (1777), so other users of the machine can take the lock too', async () => {
  const saved = { tmp: process.env.TMPDIR, file: process.env.BENCH_LOCK_FILE };
  process.env.TMPDIR = tmpDir();
  delete process.env.BENCH_LOCK_FILE;
  try {
    const lock = await acquireBenchLock();
    await lock.release();
    assert.equal(statSync(path.join(process.env.TMPDIR, 'bench-arena')).mode & 0o7777, 0o1777);
    // An explicit lock file's folder is the caller's: left as the umask makes it.
    const own = path.join(tmpDir(), 'mine', 'bench');
    const other = await acquireBenchLock({ file: own });
    await other.release();
    assert.notEqual(statSync(path.dirname(own)).mode & 0o7777, 0o1777);
  } finally {
    for (const [k, v] of [
      ['TMPDIR', saved.tmp],
      ['BENCH_LOCK_FILE', saved.file],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
