import path from 'node:path';
import { run } from './exec.ts';
import type { JsRuntimeDeclaration } from './js/declaration.ts';
import node from './js/node.ts';

/** Detections so far, by binary and flag: each is asked once per process. */
const detected = new Map<string, Promise<boolean>>();

/**
 * Whether the runtime accepts an engine flag: its probe (`node <flag> -e 0`, `deno eval
 * --v8-flags=<flag> 0`) exits 0. A runtime without a probe (Bun: its exit code proves nothing)
 * accepts none.
 */
export function acceptsFlag(binary: string, flag: string, runtime: JsRuntimeDeclaration = node): Promise<boolean> {
  const probe = runtime.probeFlag;
  if (probe === undefined) return Promise.resolve(false);
  const key = `${runtime.name}\0${path.resolve(binary)}\0${flag}`;
  let answer = detected.get(key);
  if (answer === undefined) {
    answer = run(binary, probe(flag), { timeoutMs: 30_000 }).then((r) => r.code === 0);
    detected.set(key, answer);
  }
  return answer;
}

/**
 * The flags of `wanted` this runtime accepts, in the order wanted, detected by running it (never from
 * a version table): a flag a runtime rejects is never passed to it.
 */
export async function acceptedFlags(binary: string, wanted: string[], runtime: JsRuntimeDeclaration = node): Promise<string[]> {
  const unique = [...new Set(wanted)];
  const ok = await Promise.all(unique.map((flag) => acceptsFlag(binary, flag, runtime)));
  return unique.filter((_, i) => ok[i]);
}
