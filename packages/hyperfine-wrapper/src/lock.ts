import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The lock is a kernel advisory lock (flock(2)) held by one child process: the kernel releases it
// when that process dies, so there is never a stale lock to clear and no check-then-remove race.
// The lock file itself is never deleted: a waiter blocked on the old inode and a newcomer locking a
// new file of the same name would both "hold" it.

/** The machine-wide lock path: one per machine, whatever the checkout. `BENCH_LOCK_FILE` overrides it. */
export function defaultLockPath(): string {
  return process.env.BENCH_LOCK_FILE || path.join(os.tmpdir(), 'bench-arena', 'bench');
}

/** Who holds the lock, for messages only: the kernel lock decides, never this file. */
interface Owner {
  pid: number;
  since: string;
  cwd: string;
  /** Tells this holding from a later one of the same process. */
  token: string;
}

/** A held benchmark lock. */
export interface BenchLock {
  /** Lets the next benchmark in; resolves once the lock is free. Calling it again does nothing. */
  release(): Promise<void>;
  /** null while held; once lost (its holder process was killed from outside), why. */
  lost(): string | null;
}

/** How to take the lock. */
export interface LockOptions {
  /** The lock file; defaultLockPath() when absent. */
  file?: string;
  /** Called once when another benchmark holds the lock and this one starts waiting. */
  onWait?: (message: string) => void;
  /** Give up after this long; undefined waits as long as it takes. */
  timeoutMs?: number;
  /** Called once if the lock is lost while held: another benchmark may then time at the same time. */
  onLost?: (reason: string) => void;
}

const CONFLICT = 75; // flock's exit status when someone else holds the lock (--conflict-exit-code)
const ownerPath = (file: string) => `${file}.owner`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(readFileSync(ownerPath(file), 'utf8')) as Owner;
  } catch {
    return null;
  }
}

function writeOwner(file: string): Owner {
  const owner: Owner = { pid: process.pid, since: new Date().toISOString(), cwd: process.cwd(), token: randomUUID() };
  const tmp = `${ownerPath(file)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(owner));
  renameSync(tmp, ownerPath(file)); // a waiter never reads half an owner
  return owner;
}

function removeOwnerIfMine(file: string, mine: Owner): void {
  const owner = readOwner(file);
  if (owner?.token === mine.token) rmSync(ownerPath(file), { force: true });
}

type Outcome = { locked: true } | { locked: false; code: number | null; signal: NodeJS.Signals | null; stderr: string };

/**
 * Starts the holder: flock takes the lock, then (--no-fork) becomes sh, which says "locked" and
 * becomes cat on our stdin pipe. One process holds the lock until we close the pipe (release, or
 * our death) or it is killed. Its own process group keeps a terminal's Ctrl-C from killing it
 * before the bench has stopped its children.
 */
function startHolder(file: string, wait: boolean): { child: ChildProcessWithoutNullStreams; outcome: Promise<Outcome> } {
  const mode = wait ? [] : ['--nonblock', '--conflict-exit-code', String(CONFLICT)];
  const child = spawn('flock', ['--exclusive', ...mode, '--no-fork', file, '/bin/sh', '-c', 'echo locked; exec cat'], { detached: true });
  child.stdin.on('error', () => undefined); // EPIPE when it died first; its exit says what happened
  const outcome = new Promise<Outcome>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.startsWith('locked\n')) resolve({ locked: true });
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error('flock is not installed: apt-get install util-linux (it provides the benchmark lock)') : error);
    });
    child.on('exit', (code, signal) => resolve({ locked: false, code, signal, stderr: stderr.trim() }));
  });
  return { child, outcome };
}

const kill = (child: ChildProcessWithoutNullStreams) => () => {
  try {
    child.kill('SIGKILL');
  } catch {
    // already gone
  }
};

async function waitWithTimeout(holder: ReturnType<typeof startHolder>, file: string, timeoutMs: number | undefined, started: number): Promise<Outcome> {
  if (timeoutMs === undefined) return holder.outcome;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), Math.max(0, started + timeoutMs - Date.now()));
  });
  const first = await Promise.race([holder.outcome, timedOut]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  kill(holder.child)(); // had it just got the lock, killing it frees the lock again
  throw new Error(`gave up waiting for the benchmark lock (${file}) after ${timeoutMs} ms`);
}

const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `was killed by ${signal}` : `exited with status ${code}`);

/**
 * Takes the machine-wide benchmark lock, waiting while another benchmark holds it. A benchmark that
 * died (killed, crashed) holds nothing: the kernel freed its lock with its holder process.
 */
export async function acquireBenchLock(options: LockOptions = {}): Promise<BenchLock> {
  const file = options.file ?? defaultLockPath();
  const dir = path.dirname(file);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    // Every user's benchmarks share one machine: like /tmp, anyone may create the lock there (a
    // folder made by root with 0755 would shut other users out), nobody may remove another's.
    if (file === defaultLockPath()) chmodSync(dir, 0o1777);
  }
  const started = Date.now();
  let holder = startHolder(file, false);
  // A benchmark that exits while waiting must not leave a flock behind to take the lock later.
  let onExit = kill(holder.child);
  process.once('exit', onExit);
  try {
    let outcome = await holder.outcome;
    if (!outcome.locked && outcome.code === CONFLICT) {
      const owner = readOwner(file);
      const who = owner ? `pid ${owner.pid} in ${owner.cwd}, since ${owner.since}` : 'another process';
      options.onWait?.(`another benchmark holds the lock (${who}); waiting for it to finish so timings never overlap`);
      holder = startHolder(file, true);
      process.off('exit', onExit);
      onExit = kill(holder.child);
      process.once('exit', onExit);
      outcome = await waitWithTimeout(holder, file, options.timeoutMs, started);
    }
    if (!outcome.locked) {
      throw new Error(`cannot take the benchmark lock ${file}: flock ${describeExit(outcome.code, outcome.signal)}${outcome.stderr ? `: ${outcome.stderr}` : ''}`);
    }
  } catch (error) {
    process.off('exit', onExit);
    throw error;
  }
  return hold(file, holder.child, onExit, options);
}

function hold(file: string, child: ChildProcessWithoutNullStreams, onExit: () => void, options: LockOptions): BenchLock {
  // A proper release removes the owner file before freeing the lock, so one found now is stale.
  const stale = readOwner(file);
  if (stale && stale.pid !== process.pid) {
    options.onWait?.(`cleared a stale benchmark lock left by pid ${stale.pid} (${isAlive(stale.pid) ? 'a process with that pid runs, but it does not hold the lock' : 'no longer running'})`);
  }
  const mine = writeOwner(file);
  let released = false;
  let lostReason: string | null = null;
  const onHolderExit = (code: number | null, signal: NodeJS.Signals | null) => {
    if (released) return;
    lostReason = `the process holding ${file} (pid ${child.pid}) ${describeExit(code, signal)}`;
    options.onLost?.(lostReason);
  };
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      onHolderExit(child.exitCode, child.signalCode);
      resolve();
    } else {
      child.once('exit', (code, signal) => {
        onHolderExit(code, signal);
        resolve();
      });
    }
  });
  // A bench that forgets to release can still exit; its pipe then closes and the holder with it.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  return {
    lost: () => lostReason,
    async release() {
      if (!released) {
        released = true;
        removeOwnerIfMine(file, mine); // before the lock is free, so the next owner's file is never removed
        child.ref(); // keep the event loop until the holder is gone
        child.stdin.end();
        process.off('exit', onExit);
      }
      await exited;
    },
  };
}

/** True while some process holds the lock. */
export async function isBenchLocked(file = defaultLockPath()): Promise<boolean> {
  if (!existsSync(file)) return false;
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const probe = spawn('flock', ['--shared', '--nonblock', '--conflict-exit-code', String(CONFLICT), file, 'true'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    probe.stderr.on('data', (d) => {
      err += d;
    });
    probe.on('error', reject);
    probe.on('exit', (c) => resolve({ code: c, stderr: err.trim() }));
  });
  if (code !== 0 && code !== CONFLICT) throw new Error(`cannot check the benchmark lock ${file}: flock exited with status ${code}: ${stderr}`);
  return code === CONFLICT;
}
