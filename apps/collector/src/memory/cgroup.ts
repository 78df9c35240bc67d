import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/** The file that holds a cgroup's peak memory usage, in bytes, per cgroup version. */
export const PEAK_FILE = { 'cgroup-v2': 'memory.peak', 'cgroup-v1': 'memory.max_usage_in_bytes' } as const;

export type CgroupMethod = keyof typeof PEAK_FILE;

/** Creates the child cgroup `name` under `parent`; fails if it exists, so the bench only ever removes one it made. */
export function makeChild(parent: string, name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`not a cgroup name: ${name}`);
  const child = path.join(parent, name);
  mkdirSync(child);
  return child;
}

/**
 * The command that runs `argv` inside `child`: a shell moves itself into the cgroup, then execs the
 * command, so the command and every process it forks are in it from their first instruction. Pure.
 */
export const inCgroup = (child: string, argv: string[]): string[] => ['sh', '-c', 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"', 'arena-cgroup', child, ...argv];

/** The child's peak memory in bytes, as the kernel wrote it. */
export function readPeak(child: string, method: CgroupMethod): number {
  const file = path.join(child, PEAK_FILE[method]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const hint = method === 'cgroup-v2' ? ' (memory.peak needs Linux 5.19 or later)' : '';
    throw new Error(`cannot read ${file}${hint}: ${(error as Error).message}`);
  }
  const bytes = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(bytes)) throw new Error(`${file} holds no byte count: "${text.trim().slice(0, 40)}"`);
  return bytes;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Removes a child cgroup the bench made, and nothing else. A cgroup's folder is removed with rmdir,
 * its interface files with it; EBUSY means processes are still leaving it (retried for up to
 * `waitMs`). ENOTEMPTY only happens to a plain folder laid out like a cgroup (tests): its files, none
 * of them folders, are unlinked first.
 */
export async function removeChild(child: string, waitMs = 2000): Promise<void> {
  const until = performance.now() + waitMs;
  for (;;) {
    try {
      rmdirSync(child);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code === 'ENOTEMPTY') {
        for (const f of readdirSync(child)) if (statSync(path.join(child, f)).isFile()) unlinkSync(path.join(child, f));
        rmdirSync(child);
        return;
      }
      if (code !== 'EBUSY' || performance.now() > until) throw new Error(`cannot remove the cgroup ${child} the bench made: ${(error as Error).message}`);
      await pause(10);
    }
  }
}
