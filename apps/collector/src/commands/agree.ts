import { ConfigError } from '@arena/suite';
import { parseCommandArgs } from '../diff/args.ts';
import { processIo, type Io } from '../diff/io.ts';
import { locate, resolveRun } from '../diff/resolve.ts';
import { agreement } from '../decisions/agree.ts';

const USAGE = 'usage: pnpm arena agree <A> [B] (A, B: a run file, latest, a run id or a git ref; B defaults to latest)';

/**
 * `arena agree <A> [B]`: do two runs decide their findings alike? (e.g. a default run against a
 * precise one of the same commit). Prints how many findings both decided, how many agree, and every
 * disagreement. Exit 0 whatever the agreement; 2 when a run has no recorded decisions.
 */
export async function agree(args: string[], io: Io = processIo()): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length < 1 || positionals.length > 2) throw new ConfigError(USAGE);
  const loc = locate(io.cwd);
  const warn = (m: string) => io.err(`warning: ${m}\n`);
  const a = await resolveRun(positionals[0]!, loc, warn);
  const b = await resolveRun(positionals[1] ?? 'latest', loc, warn);
  for (const [name, r] of [
    ['A', a],
    ['B', b],
  ] as const) {
    if (!r.doc.decisions) throw new ConfigError(`run ${name} (${r.doc.id}) has no recorded decisions (schema 8 and later record them)`);
  }
  const g = agreement(a.doc.decisions!, b.doc.decisions!);
  const pct = g.both ? ((100 * g.agree) / g.both).toFixed(1) : '—';
  io.out(`A ${a.doc.id} (${a.doc.config.profile}), B ${b.doc.id} (${b.doc.config.profile})\n`);
  io.out(`both decided ${g.both} findings; ${g.agree} agree (${pct} %); decided only in A: ${g.onlyA}, only in B: ${g.onlyB}\n`);
  for (const d of g.disagreements) io.out(`  ${d.finding}: A ${d.a}, B ${d.b}\n`);
  return 0;
}
