import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The proportional set size in /proc/<pid>/smaps_rollup text (`Pss:   1234 kB`), in bytes; null when
 * it has none. PSS splits each shared page among the processes sharing it, so a tree's PSS adds up
 * without counting a cluster's shared Node binary once per worker.
 */
export function parsePssBytes(text: string): number | null {
  const m = /^Pss:\s+(\d+) kB$/m.exec(text);
  return m ? Number(m[1]) * 1024 : null;
}

/** A process's PSS in bytes; null when it is gone or unreadable (a zombie has none). */
export function readPssBytes(pid: number, proc = '/proc'): number | null {
  try {
    return parsePssBytes(readFileSync(path.join(proc, String(pid), 'smaps_rollup'), 'utf8'));
  } catch {
    return null;
  }
}
