#!/usr/bin/env -S npx tsx
// `pnpm arena <command>`: one entry for every collector command.
import { checkVariables, ConfigError } from '@arena/suite';
import { bench } from './commands/bench.ts';
import { collect } from './commands/collect.ts';
import { diff } from './commands/diff.ts';
import { exportRun } from './commands/export.ts';
import { report } from './commands/report.ts';
import { newVariant } from './commands/new.ts';
import { newWorkload } from './commands/new-workload.ts';
import { aa } from './commands/aa.ts';
import { compare } from './commands/compare.ts';
import { agree } from './commands/agree.ts';

const HELP = `usage: pnpm arena <command> [options]

commands:
  bench            verify and time every variant, write results/runs/<id>.json and results/latest.json
  collect [run]    print the table of a run (a file, or latest)
  new <name> --template node|go|wasi-node|wasi-go
                   add a variant package from a template (turbo gen); asks for what is missing
  new-workload <name>
                   add packages/workloads/<name> (turbo gen): a small seeded computation in every
                   language that every variant runs and passes as written, to make yours
  diff <A> [B] [--format text|markdown|json] [--alpha 0.05] [--noise PCT] [--fail-above PCT [--allow-missing]]
                   compare run B (default latest) with run A, benchstat style: medians ± 95 % CI,
                   change, Mann-Whitney U p-value (~ when p >= alpha), geomean; warns when machines,
                   n/workers differ or a tree was dirty. --fail-above: exit 1 when a variant got
                   significantly slower by more than PCT %, worked in A and fails in B, or is gone
                   from B (unless B left it out with BENCH_ONLY, or --allow-missing is given).
                   --noise: changes smaller than PCT % are ~ whatever p says; default: the
                   threshold aa learned on the machine both runs were made on, else 0
  report [run ...] [--baseline NAME] [--out DIR]
                   write results/report.html (charts, self-contained) and results/report.md (or
                   into DIR); several runs: one commit on several machines (one run each), a
                   cross-machine summary then a section per machine
  aa [--profile default|precise|quick] [--alpha 0.05] [--noise PCT] | aa --from <A> <B>
                   A/A check: the suite twice back to back (or two recorded runs of the same code),
                   then the diff; exit 1 if any result is flagged as changed (or failed). Shows the
                   noise per result and learns the machine's drift (results/noise/) for diff, only
                   from two distinct clean runs of one commit with informative CIs (≥ 6 rounds)
  agree <A> [B]    do two runs decide their findings alike (a default run against a precise one of
                   the same commit)? The findings both decided, how many agree, every disagreement
  export --format bmf|gab|csv [run] [--out FILE]
                   a run as Bencher Metric Format, github-action-benchmark customSmallerIsBetter
                   or CSV, to stdout or FILE

A run is a run file, latest, a run id, or a git ref (commit, branch, tag, HEAD~1) meaning the
newest run recorded in results/runs/ for that commit. BENCH_RESULTS_DIR overrides results/.

exit codes: 0 ok; 1 a failure (a regression with --fail-above, a failed check); 2 bad usage or configuration
(also a run that cannot be found or read, and a BENCH_* variable that is not a known setting).
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  bench,
  collect,
  diff,
  export: exportRun,
  report,
  new: newVariant,
  'new-workload': (args) => newWorkload(args),
  aa,
  compare,
  agree,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`error: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    // Before the command does anything: a BENCH_* variable that is not a known setting (a typo such as
    // BENCH_WORKLOAD, or one this harness never had) is refused rather than ignored, whatever the command.
    checkVariables();
    return await command(args);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    // Usage and input errors, a RunInputError (an unreadable run) included, are ConfigErrors.
    return error instanceof ConfigError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
