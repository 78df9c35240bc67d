import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** The machine-wide lock path: one per machine, whatever the checkout. `BENCH_LOCK_FILE` overrides it. */
export function defaultLockPath(): string {
  return process.env.BENCH_LOCK_FILE || path.join(os.tmpdir(), 'bench-arena', 'bench');
}

interface Owner {
  pid: number;
  since: string;
  cwd: string;
}

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
    return JSON.parse(readFileSync(`${file}.owner`, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

export interface LockOptions {
  file?: string;
  /** Called once when another benchmark holds the lock and this one starts waiting. */
  onWait?: (message: string) => void;
  /** Give up after this long; undefined waits as long as it takes. */
  timeoutMs?: number;
}

/**
 * Takes the machine-wide benchmark lock, waiting while another benchmark holds it. A lock whose
 * owner process is gone (killed, crashed) is cleared at once; one whose owner stopped refreshing it
 * goes stale after 10 s (proper-lockfile's mtime check). Returns the release function.
 */
export async function acquireBenchLock(options: LockOptions = {}): Promise<() => Promise<void>> {
  const file = options.file ?? defaultLockPath();
  mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(file, {
        realpath: false,
        stale: 10_000,
        update: 2_000,
        onCompromised: (error) => console.error(`warning: the benchmark lock was taken over: ${error.message}`),
      });
      const owner: Owner = { pid: process.pid, since: new Date().toISOString(), cwd: process.cwd() };
      writeFileSync(`${file}.owner`, JSON.stringify(owner));
      return async () => {
        rmSync(`${file}.owner`, { force: true });
        await release().catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const owner = readOwner(file);
    if (owner && owner.pid !== process.pid && !isAlive(owner.pid)) {
      options.onWait?.(`cleared a stale benchmark lock left by pid ${owner.pid} (no longer running)`);
      rmSync(`${file}.lock`, { recursive: true, force: true });
      rmSync(`${file}.owner`, { force: true });
      continue;
    }
    if (!told) {
      told = true;
      const who = owner ? `pid ${owner.pid} in ${owner.cwd}, since ${owner.since}` : 'another process';
      options.onWait?.(`another benchmark holds the lock (${who}); waiting for it to finish so timings never overlap`);
    }
    if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) {
      throw new Error(`gave up waiting for the benchmark lock (${file}) after ${options.timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** True while some process holds the lock. */
export async function isBenchLocked(file = defaultLockPath()): Promise<boolean> {
  return lockfile.check(file, { realpath: false, stale: 10_000 });
}
