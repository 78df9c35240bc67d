/**
 * Variables the harness removes from the environment of every process it measures (verification,
 * timed and memory runs, and hyperfine itself, whose children inherit it). NODE_EXTRA_CA_CERTS:
 * Node 20 reads and parses that certificate bundle at every start, before any code of the program
 * runs — 38 ms of a 57 ms `node -e 0` on polyglot with Debian's 144-certificate bundle, measured
 * (Node 22+ defer it) — and no variant makes a TLS connection, so it would time the machine's TLS
 * setting, not the host.
 */
export const REMOVED_FROM_MEASURED_ENV = ['NODE_EXTRA_CA_CERTS'] as const;

/** The environment of a measured process: `env` (default the harness's) without {@link REMOVED_FROM_MEASURED_ENV}. */
export function measuredEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const removed: readonly string[] = REMOVED_FROM_MEASURED_ENV;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !removed.includes(e[0])));
}
