import { availableParallelism } from 'node:os';
import { parseArgs as parseNodeArgs } from 'node:util';
import { fail } from './report.js';

/** Largest n whose fibonacci fits an unsigned 32-bit integer (fib(47) = 2971215073). */
export const MAX_N = 47;
/** The contract's default fibonacci argument. */
export const DEFAULT_N = 40;

/** What a variant was asked to do. `module` is set only for WASI variants. */
export interface VariantArgs {
  n: number;
  workers: number;
  module?: string;
}

/** Options of {@link parseArgs}. */
export interface ParseOptions {
  /** Accept (and require) `--module <file.wasm>`. */
  wasm?: boolean;
  /** Arguments to parse; `process.argv.slice(2)` by default. */
  argv?: readonly string[];
}

/** Result of {@link tryParseArgs}: the arguments, or the usage error's message. */
export type ParseResult = { ok: true; args: VariantArgs } | { ok: false; message: string };

const INTEGER = /^[0-9]+$/;

function integerIn(name: string, raw: string | undefined, min: number, max: number): number | string {
  const range = max === Infinity ? `an integer >= ${min}` : `an integer in ${min}..${max}`;
  if (raw === undefined) return `--${name} needs a value: ${range}`;
  const value = INTEGER.test(raw) ? Number(raw) : NaN;
  if (!(Number.isSafeInteger(value) && value >= min && value <= max)) return `--${name} must be ${range}, got '${raw}'`;
  return value;
}

/**
 * Parses the contract's command line (`--n 1..47`, `--workers >= 1`, and `--module <file>` when
 * `wasm` is set) with `node:util` parseArgs, without exiting: a usage error comes back as a message
 * naming the argument and its allowed range.
 */
export function tryParseArgs(options: ParseOptions = {}): ParseResult {
  const known = options.wasm ? ['n', 'workers', 'module'] : ['n', 'workers'];
  const { tokens } = parseNodeArgs({
    args: [...(options.argv ?? process.argv.slice(2))],
    options: { n: { type: 'string' }, workers: { type: 'string' }, module: { type: 'string' } },
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
    given.set(token.name, token.value);
  }
  const n = integerIn('n', given.has('n') ? given.get('n') : String(DEFAULT_N), 1, MAX_N);
  if (typeof n === 'string') return { ok: false, message: n };
  const workers = integerIn('workers', given.has('workers') ? given.get('workers') : String(availableParallelism()), 1, Infinity);
  if (typeof workers === 'string') return { ok: false, message: workers };
  if (!options.wasm) return { ok: true, args: { n, workers } };
  const module = given.get('module');
  if (!module) {
    const why = given.has('module') ? 'needs a value' : 'is required';
    return { ok: false, message: `--module ${why}: the path of a WASI module (.wasm)` };
  }
  return { ok: true, args: { n, workers, module } };
}

/**
 * Parses the contract's command line; on a usage error prints one `error: …` line to stderr and
 * exits with code 2 (see {@link tryParseArgs}).
 */
export function parseArgs(options: ParseOptions = {}): VariantArgs {
  const result = tryParseArgs(options);
  if (!result.ok) return fail(result.message, 2);
  return result.args;
}
