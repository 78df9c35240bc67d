import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a workspace copy leaves out: installs, build outputs, caches (.cache: installed Node runtimes), results, git. */
export const NOT_COPIED = new Set(['node_modules', '.turbo', '.cache', 'results', 'dist', 'bin', '.git']);

/**
 * Copies the workspace at `root` into a new temporary folder (without installs, build outputs,
 * caches, results or git) and returns the copy's root. Install and build it before use.
 */
export function copyWorkspace(root: string, prefix = 'arena-workspace-'): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(root, copy, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(path.basename(source)) && !source.endsWith('.turbo-gen-bundled.cjs'),
  });
  return copy;
}
