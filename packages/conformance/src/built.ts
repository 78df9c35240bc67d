import { existsSync } from 'node:fs';
import path from 'node:path';
import { splitCommand } from '@arena/hyperfine-wrapper';
import type { Variant } from '@arena/suite';

/**
 * The files a variant's timed command names through `{pkg}` (its `dist/main.js` or `bin/<name>`)
 * that do not exist yet, relative to the repository root: empty once the variant is built.
 */
export function missingBuildOutputs(root: string, variant: Variant): string[] {
  return splitCommand(variant.manifest.command)
    .filter((token) => token.includes('{pkg}'))
    .map((token) => token.slice(token.indexOf('{pkg}')).replaceAll('{pkg}', variant.dir))
    .filter((file) => !existsSync(path.join(root, file)));
}
