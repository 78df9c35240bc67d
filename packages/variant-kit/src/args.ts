import { availableParallelism } from 'node:os';
import { parseArgs as parseNodeArgs } from 'node:util';
import { fail } from './report.js';
import { readWorkload, workloadNames, type WorkloadSource, type WorkloadSpec } from './workload.js';

/** The workload run when `--workload` is not given (packages/workloads/HOSTS.md). */
export const DEFAULT_WORKLOAD = 'fib';
/** Largest seed: a u32. */
export const MAX_SEED = 2 ** 32 - 1;

/** What a variant was asked to do. `module` is set only for WASI variants. */
export interface VariantArgs {
  /** The workload's folder name, e.g. `fib`. */
  workload: string;
  /** Its spec (`<workload>/workload.json`), read once by the main. */
  spec: WorkloadSpec;
  /** The workload's size parameter, 1..`spec.size.max`. */
  size: number;
  /** The seed for a seeded workload, `null` for an unseeded one. */
  seed: number | null;
  workers: number;
  /** Kernel calls per worker (`--calls`, default 1): every later call's answer must equal the first's. */
  calls: number;
  /** `--exit-workers`: workers that are processes end by themselves after the report instead of being killed (counting). */
  exitWorkers: boolean;
  module?: string;
}

/** Options of {@link parseArgs}. */
export interface ParseOptions {
  /** Accept (and require) `--module <file.wasm>`. */
  wasm?: boolean;
  /** Arguments to parse; `process.argv.slice(2)` by default. */
  argv?: readonly string[];
  /** Where the workloads are; the `@arena/workloads` package folder by default. */
  workloads?: WorkloadSource;
}

/** Result of {@link tryParseArgs}: the arguments, or the usage error's message. */
export type ParseResult = { ok: true; args: VariantArgs } | { ok: false; message: string };

const INTEGER = /^[0-9]+$/;

function integerIn(name: string, raw: string | undefined, min: number, max: number, what = ''): number | string {
  const range = max === Infinity ? `an integer >= ${min}` : `an integer in ${min}..${max}`;
  if (raw === undefined) return `--${name} needs a value: ${range}${what}`;
  const value = INTEGER.test(raw) ? Number(raw) : NaN;
  if (!(Number.isSafeInteger(value) && value >= min && value <= max)) return `--${name} must be ${range}${what}, got '${raw}'`;
  return value;
}

/**
 * Parses the host command line of packages/workloads/HOSTS.md — `--workload <name>` (default fib),
 * `--size 1..size.max` (default the spec's `size.profiles.default`), `--seed 0..2^32-1` (required for
 * a seeded workload, refused for an unseeded one), `--workers >= 1`, `--calls >= 1` (default 1),
 * `--exit-workers` (no value), and `--module <file>` when `wasm` is set — with `node:util` parseArgs, without exiting: a usage error
 * comes back as a message naming the argument and what it accepts. Reads the workload's
 * workload.json (one small file; the workloads folder is listed only to name the known ones when the
 * workload is unknown).
 */
export function tryParseArgs(options: ParseOptions = {}): ParseResult {
  const known = options.wasm ? ['workload', 'size', 'seed', 'workers', 'exit-workers', 'calls', 'module'] : ['workload', 'size', 'seed', 'workers', 'exit-workers', 'calls'];
  const { tokens } = parseNodeArgs({
    args: [...(options.argv ?? process.argv.slice(2))],
    options: {
      ...Object.fromEntries(['workload', 'size', 'seed', 'workers', 'calls', 'module'].map((name) => [name, { type: 'string' as const }])),
      'exit-workers': { type: 'boolean' as const },
    },
    strict: false,
    tokens: true,
  });
  const given = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind === 'positional') return { ok: false, message: `unexpected argument '${token.value}'` };
    if (token.kind === 'option-terminator') return { ok: false, message: `unexpected argument '--'` };
    if (!known.includes(token.name) || !token.rawName.startsWith('--')) {
      const allowed = known.map((name) => `--${name}`).join(', ');
      return { ok: false, message: `unknown argument '${token.rawName}' (allowed: ${allowed})` };
    }
    if (token.name === 'exit-workers' && token.value !== undefined) return { ok: false, message: `--exit-workers takes no value, got '${token.value}'` };
    given.set(token.name, token.value);
  }

  const workload = given.has('workload') ? given.get('workload') : DEFAULT_WORKLOAD;
  const spec = workload ? readWorkload(workload, options.workloads) : undefined;
  if (!workload || !spec) {
    const names = workloadNames(options.workloads);
    const accepts = names.length ? `one of ${names.join(', ')}` : 'a folder of packages/workloads with a workload.json (none found)';
    return { ok: false, message: workload ? `--workload must be ${accepts}, got '${workload}'` : `--workload needs a value: ${accepts}` };
  }

  const size = integerIn('size', given.has('size') ? given.get('size') : String(spec.size.profiles.default), 1, spec.size.max, ` (${workload}'s ${spec.size.name})`);
  if (typeof size === 'string') return { ok: false, message: size };

  let seed: number | null = null;
  if (!spec.seeded && given.has('seed')) return { ok: false, message: `--seed is not accepted: ${workload} is not seeded` };
  if (spec.seeded) {
    if (!given.has('seed')) return { ok: false, message: `--seed is required: ${workload} is seeded (an integer in 0..${MAX_SEED})` };
    const value = integerIn('seed', given.get('seed'), 0, MAX_SEED);
    if (typeof value === 'string') return { ok: false, message: value };
    seed = value;
  }

  const workers = integerIn('workers', given.has('workers') ? given.get('workers') : String(availableParallelism()), 1, Infinity);
  if (typeof workers === 'string') return { ok: false, message: workers };

  const calls = integerIn('calls', given.has('calls') ? given.get('calls') : '1', 1, Infinity);
  if (typeof calls === 'string') return { ok: false, message: calls };

  const args: VariantArgs = { workload, spec, size, seed, workers, calls, exitWorkers: given.has('exit-workers') };
  if (!options.wasm) return { ok: true, args };
  const module = given.get('module');
  if (!module) {
    const why = given.has('module') ? 'needs a value' : 'is required';
    return { ok: false, message: `--module ${why}: the path of the workload's WASI module (.wasm)` };
  }
  return { ok: true, args: { ...args, module } };
}

/**
 * Parses the host command line; on a usage error prints one `error: …` line to stderr and exits
 * with code 2 (see {@link tryParseArgs}).
 */
export function parseArgs(options: ParseOptions = {}): VariantArgs {
  let result: ParseResult;
  try {
    result = tryParseArgs(options);
  } catch (error) {
    // A workload.json that is not JSON: the workload folder is broken, not the command line.
    return fail(error instanceof Error ? error.message : String(error), 1);
  }
  if (!result.ok) return fail(result.message, 2);
  return result.args;
}
