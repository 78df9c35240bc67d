import path from 'node:path';
import { repoRoot } from '@arena/suite';

export { repoRoot };

/** Where run documents go: BENCH_RESULTS_DIR, or results/ at the root. */
export function resultsDir(root = repoRoot()): string {
  return process.env.BENCH_RESULTS_DIR ? path.resolve(process.env.BENCH_RESULTS_DIR) : path.join(root, 'results');
}
