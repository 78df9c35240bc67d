import { parseCommandArgs, choiceOption, numberOption } from '../diff/args.ts';
import { compareRuns, regressions } from '../diff/compare.ts';
import { processIo, type Io } from '../diff/io.ts';
import { noiseSetting } from '../diff/noise.ts';
import { DIFF_FORMATS, renderDiff } from '../diff/render.ts';
import { locate, resolveRun } from '../diff/resolve.ts';
import { ConfigError } from '../config.ts';

/**
 * `arena diff <A> [B] [--format text|markdown|json] [--alpha 0.05] [--noise PCT] [--fail-above PCT]`: compares
 * run B (default latest) against run A. Each is a run file, `latest`, a run id or a git ref. Without
 * --noise, the threshold `arena aa` learned on the machine both runs were made on applies.
 * Returns 1 when --fail-above is given and a variant got significantly slower by more than it, or
 * worked in A and fails in B.
 */
export async function diff(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    alpha: { type: 'string' },
    'fail-above': { type: 'string' },
    noise: { type: 'string' },
  });
  if (positionals.length < 1 || positionals.length > 2) throw new ConfigError('usage: pnpm arena diff <A> [B] (a run file, latest, a run id or a git ref; B defaults to latest)');
  const format = choiceOption('format', values.format, DIFF_FORMATS, 'text');
  const alpha = numberOption('alpha', values.alpha, 0, 1, true) ?? 0.05;
  const failAbovePct = numberOption('fail-above', values['fail-above'], 0, Number.MAX_VALUE);

  const loc = locate(io.cwd);
  const warn = (m: string) => io.err(`warning: ${m}\n`);
  const a = await resolveRun(positionals[0]!, loc, warn);
  const b = await resolveRun(positionals[1] ?? 'latest', loc, warn);
  const noise = noiseSetting(loc.results, a.doc, b.doc, numberOption('noise', values.noise, 0, 100));
  const result = compareRuns(a, b, alpha, noise);

  const slower = failAbovePct === undefined ? [] : regressions(result, failAbovePct);
  const notes =
    failAbovePct === undefined
      ? []
      : slower.length
        ? [`REGRESSION: significantly slower by more than ${failAbovePct} %, or now failing: ${slower.map((r) => `${r.label} (${r.deltaPct === null ? 'now failing' : `+${r.deltaPct.toFixed(1)} %`})`).join(', ')}`]
        : [`ok: no variant is significantly slower by more than ${failAbovePct} %`];
  io.out(renderDiff(result, format, notes));
  return slower.length ? 1 : 0;
}
