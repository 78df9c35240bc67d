import { execa } from 'execa';
import { ConfigError } from '@arena/suite';
import { gitState, resolveRef } from '../git.ts';

/** One side of a compare, resolved: a commit to check out, or the working tree as it is. */
export type SideSpec = { kind: 'commit'; name: 'A' | 'B'; ref: string; commit: string } | { kind: 'working-tree'; name: 'A' | 'B'; ref: 'working tree'; commit: string; dirty: boolean };

/** The folders a ref must have for this harness to drive its variants. */
const LAYOUT = ['pnpm-workspace.yaml', 'turbo.json', 'packages/variants', 'packages/suite', 'scripts/toolchain.sh'];

/** Resolves `ref` to a commit, or a usage error naming it. */
export async function commitSide(root: string, name: 'A' | 'B', ref: string): Promise<SideSpec> {
  const commit = await resolveRef(root, ref);
  if (commit === null) throw new ConfigError(`${name}: "${ref}" is not a commit of this repository (git rev-parse --verify "${ref}^{commit}" failed)`);
  return { kind: 'commit', name, ref, commit };
}

/** The working tree as side `name`: HEAD's commit, dirty when the tree differs from it. */
export async function workingTreeSide(root: string, name: 'A' | 'B'): Promise<SideSpec> {
  const git = await gitState(root);
  if (git.commit === null) throw new ConfigError('the working tree is not a git checkout: compare needs git');
  return { kind: 'working-tree', name, ref: 'working tree', commit: git.commit, dirty: git.dirty };
}

/** The paths of `commit` among `paths` (top-level entries of the tree), from git, without a checkout. */
async function present(root: string, commit: string, paths: string[]): Promise<Set<string>> {
  const { stdout } = await execa('git', ['ls-tree', '--name-only', commit, '--', ...paths], { cwd: root });
  return new Set(stdout.split('\n').filter(Boolean));
}

/**
 * Refuses, before anything is checked out, a commit this harness cannot drive as it is: one without
 * the project's layout, or one from before workloads and seeds (its variants took only --n, so
 * they would fail every verification: a half-compare). The message names the ref and the first
 * commit that can be compared.
 */
export async function checkLayout(root: string, side: Extract<SideSpec, { kind: 'commit' }>): Promise<void> {
  const has = await present(root, side.commit, LAYOUT);
  const missing = LAYOUT.filter((p) => !has.has(p));
  const short = side.commit.slice(0, 10);
  if (missing.length) {
    throw new ConfigError(`${side.name}: ${side.ref} (${short}) does not have bench-arena's layout (missing ${missing.join(', ')}): nothing to compare`);
  }
  const { stdout: workloads } = await execa('git', ['ls-tree', '-r', '--name-only', side.commit, '--', 'packages/workloads'], { cwd: root });
  if (!/^packages\/workloads\/[^/]+\/workload\.json$/m.test(workloads)) {
    const { stdout: first } = await execa('git', ['log', '--diff-filter=A', '--format=%h', '--reverse', '--', 'packages/workloads/fib/workload.json'], { cwd: root });
    const since = first.split('\n')[0];
    throw new ConfigError(
      `${side.name}: ${side.ref} (${short}) predates workloads and seeds: its variants do not speak this harness's protocol ` +
        `(--workload, --size, --seed and a verified report per worker), so compare refuses it rather than half-compare` +
        (since ? `; commits from ${since} on can be compared` : ''),
    );
  }
}
