import { statSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from '../diff/args.ts';
import { processIo, type Io } from '../diff/io.ts';
import { locate, resolveRun } from '../diff/resolve.ts';
import { ConfigError } from '@arena/suite';
import { checkMachineRuns } from '../report/machines.ts';
import { writeMachineReports, writeReports } from '../report/write.ts';

/**
 * `arena report [run ...] [--baseline name] [--out dir]`: writes report.html and report.md into
 * `--out` (default the results folder) and prints their paths. One run (a file, `latest` (default),
 * a run id or a git ref): its report. Several: one commit measured on several machines (e.g. a CI
 * matrix over x86-64 and arm64), one run per machine, reported side by side.
 */
export async function report(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { baseline: { type: 'string' }, out: { type: 'string' } });
  if (values.out !== undefined && !values.out.trim()) throw new ConfigError('--out needs a folder');
  const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
  // Otherwise a usage mistake would surface late, as a failed write (exit 1).
  if (out && statSync(out, { throwIfNoEntry: false })?.isDirectory() === false) throw new ConfigError(`--out ${values.out} is a file: name a folder`);
  const loc = locate(io.cwd);
  const warn = (m: string) => io.err(`warning: ${m}\n`);
  const runs = [];
  for (const spec of positionals.length ? positionals : ['latest']) runs.push(await resolveRun(spec, loc, warn));
  const options = { baseline: values.baseline, warn, out };
  if (runs.length > 1) checkMachineRuns(runs, warn); // before writing: a refused set leaves the last report alone
  const paths =
    runs.length === 1
      ? await writeReports(runs[0]!.doc, loc.results, options)
      : await writeMachineReports(
          runs.map((r) => r.doc),
          loc.results,
          options,
        );
  io.out(`wrote ${paths.html}\nwrote ${paths.markdown}\n`);
  return 0;
}
