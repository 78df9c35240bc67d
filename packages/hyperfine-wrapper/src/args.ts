/** What one hyperfine invocation should do. */
export interface HyperfineOptions {
  /** The command template; `{name}` placeholders are filled from `parameters`. */
  command: string;
  /** Name shown by hyperfine and in its export. */
  name?: string;
  warmup: number;
  runs: number;
  /** Parameter lists in order; hyperfine runs their cartesian product. */
  parameters?: Array<{ name: string; values: string[] }>;
  /** Where hyperfine writes its JSON export. */
  exportJsonPath: string;
}

/**
 * The argv for hyperfine. `-N` runs commands without a shell (no shell start-up in the timing);
 * `--output inherit` passes each run's stdout through so every run's report line can be verified;
 * `--style none` keeps hyperfine's own text out of that stream.
 */
export function hyperfineArgs(o: HyperfineOptions): string[] {
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error(`hyperfine needs at least 1 run, got ${o.runs}`);
  if (!Number.isInteger(o.warmup) || o.warmup < 0) throw new Error(`warmup must be a whole number, got ${o.warmup}`);
  const args = ['-N', '--style', 'none', '--output', 'inherit', '--warmup', String(o.warmup), '--runs', String(o.runs)];
  for (const p of o.parameters ?? []) {
    if (p.values.length === 0) throw new Error(`parameter ${p.name} has no values`);
    if (p.values.some((v) => v.includes(','))) throw new Error(`parameter ${p.name} has a value with a comma`);
    args.push('--parameter-list', p.name, p.values.join(','));
  }
  args.push('--export-json', o.exportJsonPath);
  if (o.name) args.push('--command-name', o.name);
  args.push(o.command);
  return args;
}
