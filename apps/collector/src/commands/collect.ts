import { baselineSetting } from '@arena/suite';
import path from 'node:path';
import { renderText } from '../format.ts';
import { repoRoot, resultsDir } from '../paths.ts';
import { latestPath, readRun } from '../store.ts';
import { articleTable, runHeadline, workloadTables } from '../table.ts';

/** `arena collect [run.json] [--baseline name]`: validates a run document and prints its table. */
export async function collect(args: string[]): Promise<number> {
  const b = args.indexOf('--baseline');
  const baseline = b >= 0 ? args[b + 1]! : baselineSetting();
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--baseline');
  const doc = readRun(file ? path.resolve(file) : latestPath(resultsDir(repoRoot())));
  console.log(`${runHeadline(doc)}\n\n${workloadTables(doc, baseline).map((t) => `${t.heading}\n\n${renderText(t.table)}`).join('\n\n')}`);
  if (doc.config.profile === 'article') console.log(`\n${renderText(articleTable(doc))}`);
  return 0;
}
