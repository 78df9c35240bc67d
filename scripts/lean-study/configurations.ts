// The configurations of threads-wasi-lean the lean study measures side by side.

/** One way of running threads-wasi-lean: the steps turned off (ARENA_LEAN_OFF), extra Node flags, extra environment. */
export interface LeanConfiguration {
  name: string;
  off: string[];
  flags: string[];
  env: Record<string, string>;
  /** Cumulative: the configuration this one adds one step to (null for the first). */
  after: string | null;
  /** Leave-one-out: the step this configuration turns off (null otherwise). */
  without: string | null;
}

/** Debian's CA bundle: what NODE_EXTRA_CA_CERTS names on polyglot. */
export const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * Every step off (`none`), then each step added in order (`+<step>`, the last one is every step on),
 * each step turned off alone (`without <step>`), and a probe on top of all steps: the machine's
 * NODE_EXTRA_CA_CERTS back in the environment (the harness removes it).
 */
export function leanConfigurations(steps: readonly string[]): LeanConfiguration[] {
  const cumulative = steps.map(
    (step, i): LeanConfiguration => ({
      name: `+${step}`,
      off: steps.slice(i + 1),
      flags: [],
      env: {},
      after: i === 0 ? 'none' : `+${steps[i - 1]}`,
      without: null,
    }),
  );
  const none: LeanConfiguration = { name: 'none', off: [...steps], flags: [], env: {}, after: null, without: null };
  const loo = steps.map((step): LeanConfiguration => ({ name: `without ${step}`, off: [step], flags: [], env: {}, after: null, without: step }));
  const probes: LeanConfiguration[] = [{ name: 'all, NODE_EXTRA_CA_CERTS', off: [], flags: [], env: { NODE_EXTRA_CA_CERTS: CA_BUNDLE }, after: null, without: null }];
  return [none, ...cumulative, ...loo, ...probes];
}
