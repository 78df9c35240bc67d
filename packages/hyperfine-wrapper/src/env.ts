/**
 * Variables the harness removes from the environment of every process it measures (verification,
 * timed and memory runs, and hyperfine itself, whose children inherit it). NODE_EXTRA_CA_CERTS:
 * Node 20 reads and parses that certificate bundle at every start, before any code of the program
 * runs — 38 ms of a 57 ms `node -e 0` on polyglot with Debian's 144-certificate bundle, measured
 * (Node 22+ defer it) — and no variant makes a TLS connection, so it would time the machine's TLS
 * setting, not the host.
 *
 * Only what a measured program reads is removed. The other variables turbo passes through for the
 * runtime installer's npm (turbo.json `globalPassThroughEnv`) stay, as they do in a run started
 * without turbo: no measured program reads them — strace of `node -e 0` (Node 20, 22) and of the Go
 * variants shows no access to SSL_CERT_FILE / SSL_CERT_DIR (read by OpenSSL and Go only when a TLS
 * connection loads the system roots), Node reads HTTP(S)_PROXY / NO_PROXY only with
 * NODE_USE_ENV_PROXY or --use-env-proxy, and npm_config_* only npm and pnpm read (pnpm already sets
 * some in every script's environment).
 */
export const REMOVED_FROM_MEASURED_ENV = ['NODE_EXTRA_CA_CERTS'] as const;

/** The environment of a measured process: `env` (default the harness's) without {@link REMOVED_FROM_MEASURED_ENV}. */
export function measuredEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const removed: readonly string[] = REMOVED_FROM_MEASURED_ENV;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !removed.includes(e[0])));
}
