import { statSync } from 'node:fs';
import path from 'node:path';
import { choiceOption, parseCommandArgs } from '../diff/args.ts';
import { processIo, type Io } from '../diff/io.ts';
import { locate, resolveRun } from '../diff/resolve.ts';
import { ConfigError } from '@arena/suite';
import { EXPORTERS } from '../export/index.ts';
import { writeFileAtomic } from '../store.ts';

/**
 * `arena export --format bmf|gab|csv [run] [--out FILE]`: a run (a file, `latest` (default), a
 * run id or a git ref) in an external format, to stdout or FILE.
 */
export async function exportRun(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, out: { type: 'string' } });
  const format = choiceOption('format', values.format, Object.keys(EXPORTERS));
  if (positionals.length > 1) throw new ConfigError('usage: pnpm arena export --format bmf|gab|csv [run] [--out FILE]');
  const file = values.out ? path.resolve(io.cwd, values.out) : null;
  // Otherwise a usage mistake would surface late, as a failed write (exit 1).
  if (file && statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new ConfigError(`--out ${values.out} is a folder: name a file`);
  const run = await resolveRun(positionals[0] ?? 'latest', locate(io.cwd), (m) => io.err(`warning: ${m}\n`));
  const text = EXPORTERS[format]!.render(run.doc);
  if (file) {
    writeFileAtomic(file, text);
    io.err(`wrote ${file}\n`);
  } else {
    io.out(text);
  }
  return 0;
}
