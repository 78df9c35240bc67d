import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors.ts';

/** The repository root: the nearest folder upwards with pnpm-workspace.yaml. */
export function repoRoot(from = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new ConfigError(`not inside a bench-arena checkout (no pnpm-workspace.yaml above ${from})`);
  }
}
