import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '@arena/suite';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs (strict, with positionals) whose complaints are usage errors (exit 2). */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** A number option within [min, max] (exclusive where said), or a usage error naming it. */
export function numberOption(name: string, raw: string | undefined, min: number, max: number, exclusive = false): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const inRange = exclusive ? value > min && value < max : value >= min && value <= max;
  if (raw.trim() === '' || !Number.isFinite(value) || !inRange) {
    throw new ConfigError(`--${name} must be a number ${exclusive ? 'strictly ' : ''}between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/** One of the allowed words, or a usage error listing them. */
export function choiceOption<T extends string>(name: string, raw: string | undefined, choices: readonly T[], fallback?: T): T {
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`--${name} is required: ${choices.join(', ')}`);
  }
  if (!(choices as readonly string[]).includes(raw)) throw new ConfigError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}
