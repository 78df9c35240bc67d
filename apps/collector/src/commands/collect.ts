import { baselineSetting, ConfigError } from '@arena/suite';
import path from 'node:path';
import { parseCommandArgs } from '../diff/args.ts';
import { locate } from '../diff/resolve.ts';
import { renderText } from '../format.ts';
import { latestPath, readRun } from '../store.ts';
import { articleTable, runHeader, variationTables, workloadTables } from '../table.ts';

const USAGE = 'usage: pnpm arena collect [run.json] [--baseline NAME] (default: latest)';

/** `arena collect [run.json] [--baseline name]`: validates a run document and prints its table. */
export async function collect(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { baseline: { type: 'string' } });
  if (positionals.length > 1) throw new ConfigError(USAGE);
  const file = positionals[0] === undefined ? latestPath(locate(process.cwd()).results) : path.resolve(positionals[0]);
  const doc = readRun(file);
  const baseline = values.baseline ?? baselineSetting();
  console.log(`${runHeader(doc)}\n\n${[...workloadTables(doc, baseline), ...variationTables(doc)].map((t) => `${t.heading}\n\n${renderText(t.table)}`).join('\n\n')}`);
  if (doc.config.profile === 'article') console.log(`\n${renderText(articleTable(doc))}`);
  return 0;
}
