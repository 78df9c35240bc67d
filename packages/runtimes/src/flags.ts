import path from 'node:path';
import { run } from './exec.ts';

/** Detections so far, by binary and flag: each is asked once per process. */
const detected = new Map<string, Promise<boolean>>();

/** Whether `<binary> <flag> -e 0` exits 0: Node refuses an unknown flag ("bad option") before running anything. */
export function acceptsFlag(binary: string, flag: string): Promise<boolean> {
  const key = `${path.resolve(binary)}\0${flag}`;
  let answer = detected.get(key);
  if (answer === undefined) {
    answer = run(binary, [flag, '-e', '0'], { timeoutMs: 30_000 }).then((r) => r.code === 0);
    detected.set(key, answer);
  }
  return answer;
}

/**
 * The flags of `wanted` this Node accepts, in the order wanted, detected by running it (never from a
 * version table): a flag a Node rejects is never passed to it.
 */
export async function acceptedFlags(binary: string, wanted: string[]): Promise<string[]> {
  const unique = [...new Set(wanted)];
  const ok = await Promise.all(unique.map((flag) => acceptsFlag(binary, flag)));
  return unique.filter((_, i) => ok[i]);
}
