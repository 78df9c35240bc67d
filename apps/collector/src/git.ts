import { execa } from 'execa';

/** The checked-out commit and whether tracked files differ from it (results/ aside). */
export async function gitState(root: string): Promise<{ commit: string | null; dirty: boolean }> {
  try {
    const { stdout: commit } = await execa('git', ['rev-parse', 'HEAD'], { cwd: root });
    const { stdout: status } = await execa('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!results'], { cwd: root });
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
