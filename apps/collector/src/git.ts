import { execa } from 'execa';

/**
 * The checked-out commit and whether the tree differs from it (results/ aside): changed tracked
 * files, and untracked files that are not ignored — a variant `arena new` just wrote is
 * discovered and timed, so the commit alone does not describe what was measured.
 */
export async function gitState(root: string): Promise<{ commit: string | null; dirty: boolean }> {
  try {
    const { stdout: commit } = await execa('git', ['rev-parse', 'HEAD'], { cwd: root });
    const { stdout: status } = await execa('git', ['status', '--porcelain', '--untracked-files=normal', '--', '.', ':!results'], { cwd: root });
    return { commit: commit.trim(), dirty: status.trim() !== '' };
  } catch {
    return { commit: null, dirty: false };
  }
}

/** Resolves a git ref (HEAD~1, a branch, a short hash) to a full commit, or null. */
export async function resolveRef(root: string, ref: string): Promise<string | null> {
  try {
    const { stdout } = await execa('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}
