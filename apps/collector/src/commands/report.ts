import { parseCommandArgs } from '../diff/args.ts';
import { processIo, type Io } from '../diff/io.ts';
import { locate, resolveRun } from '../diff/resolve.ts';
import { ConfigError } from '@arena/suite';
import { writeReports } from '../report/write.ts';

/**
 * `arena report [run] [--baseline name]`: writes results/report.html and results/report.md for a
 * run (a file, `latest` (default), a run id or a git ref) and prints their paths.
 */
export async function report(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { baseline: { type: 'string' } });
  if (positionals.length > 1) throw new ConfigError('usage: pnpm arena report [run] (a run file, latest, a run id or a git ref)');
  const loc = locate(io.cwd);
  const warn = (m: string) => io.err(`warning: ${m}\n`);
  const run = await resolveRun(positionals[0] ?? 'latest', loc, warn);
  const paths = await writeReports(run.doc, loc.results, { baseline: values.baseline, warn });
  io.out(`wrote ${paths.html}\nwrote ${paths.markdown}\n`);
  return 0;
}
