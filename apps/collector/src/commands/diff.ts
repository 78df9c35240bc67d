import { parseCommandArgs, choiceOption, numberOption } from '../diff/args.ts';
import { compareRuns, regressions } from '../diff/compare.ts';
import { gateNotes } from '../diff/gate.ts';
import { processIo, type Io } from '../diff/io.ts';
import { noiseSetting } from '../diff/noise.ts';
import { DIFF_FORMATS, renderDiff } from '../diff/render.ts';
import { locate, resolveRun } from '../diff/resolve.ts';
import { ConfigError } from '@arena/suite';

const USAGE =
  'usage: pnpm arena diff <A> [B] [--format text|markdown|json] [--alpha 0.05] [--noise PCT] [--fail-above PCT [--allow-missing]] ' +
  '(A, B: a run file, latest, a run id or a git ref; B defaults to latest)';

/**
 * `arena diff <A> [B] [--format text|markdown|json] [--alpha 0.05] [--noise PCT] [--fail-above PCT [--allow-missing]]`:
 * compares run B (default latest) against run A. Each is a run file, `latest`, a run id or a git ref.
 * Without --noise, the threshold `arena aa` learned on the machine both runs were made on applies.
 * With --fail-above, returns 1 when a variant got significantly slower by more than it, worked in A
 * and fails in B, or is gone from B (unless --allow-missing). A variant B left out by BENCH_ONLY, or
 * new in B, never fails it.
 */
export async function diff(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    alpha: { type: 'string' },
    'fail-above': { type: 'string' },
    'allow-missing': { type: 'boolean' },
    noise: { type: 'string' },
  });
  if (positionals.length < 1 || positionals.length > 2) throw new ConfigError(USAGE);
  const format = choiceOption('format', values.format, DIFF_FORMATS, 'text');
  const alpha = numberOption('alpha', values.alpha, 0, 1, true) ?? 0.05;
  const failAbovePct = numberOption('fail-above', values['fail-above'], 0, Number.MAX_VALUE);
  const noiseOption = numberOption('noise', values.noise, 0, 100);
  const allowMissing = values['allow-missing'] === true;
  // Without a gate it would change nothing, silently.
  if (allowMissing && failAbovePct === undefined) throw new ConfigError('--allow-missing only applies with --fail-above');

  const loc = locate(io.cwd);
  const warn = (m: string) => io.err(`warning: ${m}\n`);
  const a = await resolveRun(positionals[0]!, loc, warn);
  const b = await resolveRun(positionals[1] ?? 'latest', loc, warn);
  const noise = noiseSetting(loc.results, a.doc, b.doc, noiseOption);
  const result = compareRuns(a, b, alpha, noise);

  const notes = failAbovePct === undefined ? [] : gateNotes(result, failAbovePct, allowMissing);
  io.out(renderDiff(result, format, notes));
  return failAbovePct !== undefined && regressions(result, failAbovePct, allowMissing).length ? 1 : 0;
}
