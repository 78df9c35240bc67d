import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Target } from '@arena/hyperfine-wrapper';

type Planned = { targets: Target[]; problems: Array<{ target: Target; error: string }> };

/**
 * Moves targets whose program file is missing (a build that failed, e.g. one Go toolchain's) to the
 * problems, with a message that says which build to look at, instead of a spawn error per run.
 */
export function withoutMissingPrograms(planned: Planned, root: string): Planned {
  const targets: Target[] = [];
  const problems = [...planned.problems];
  for (const target of planned.targets) {
    const program = target.command.split(' ').find(Boolean)!;
    const file = path.resolve(root, program);
    if (!program.includes('/') || existsSync(file)) {
      targets.push(target);
      continue;
    }
    const by = target.goToolchain ? ` by ${target.goToolchain} (its build:go failed; see the build output above)` : ' (see the build output above)';
    problems.push({ target, error: `${program} was not built${by}` });
  }
  return { targets, problems };
}
