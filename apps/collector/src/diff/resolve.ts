import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RunDocument } from '@arena/contract';
import { ConfigError } from '@arena/suite';
import { resolveRef } from '../git.ts';
import { repoRoot, resultsDir } from '../paths.ts';
import { latestPath, listRuns, readRun, runsDir } from '../store.ts';

/** Where runs are stored and where git refs are resolved. */
export interface RunLocation {
  /** The results folder (BENCH_RESULTS_DIR or results/ at the root). */
  results: string;
  /** The folder git runs in. */
  gitCwd: string;
  /** The folder relative file names are read from. */
  cwd: string;
}

/** The results folder and git folder seen from cwd (the checkout's root if inside one). */
export function locate(cwd: string): RunLocation {
  let root: string | null = null;
  try {
    root = repoRoot(cwd);
  } catch {
    // Not inside a checkout: fine when BENCH_RESULTS_DIR says where the results are.
  }
  if (!root && !process.env.BENCH_RESULTS_DIR) {
    throw new ConfigError(`not inside a bench-arena checkout (no pnpm-workspace.yaml above ${cwd}) and BENCH_RESULTS_DIR is not set`);
  }
  return { results: resultsDir(root ?? cwd), gitCwd: root ?? cwd, cwd };
}

/** A run read from a file, with how it was named. */
export interface ResolvedRun {
  doc: RunDocument;
  file: string;
  /** What the user typed: a path, `latest`, a run id or a git ref. */
  spec: string;
}

/** readRun's errors are RunInputErrors already: a run that cannot be read is a usage error. */
const read = (file: string, spec: string): ResolvedRun => ({ doc: readRun(file), file, spec });

/** "abc1234  2026-11-27 13:00 UTC  (2 runs)" for every commit with runs, newest first. */
function commitsWithRuns(runs: Array<{ doc: RunDocument }>): string[] {
  const byCommit = new Map<string, { createdAt: string; count: number }>();
  for (const { doc } of runs) {
    if (!doc.git.commit) continue;
    const seen = byCommit.get(doc.git.commit);
    byCommit.set(doc.git.commit, { createdAt: seen && seen.createdAt > doc.createdAt ? seen.createdAt : doc.createdAt, count: (seen?.count ?? 0) + 1 });
  }
  return [...byCommit]
    .sort((a, b) => b[1].createdAt.localeCompare(a[1].createdAt))
    .map(([commit, s]) => `${commit.slice(0, 7)}  ${s.createdAt.slice(0, 16).replace('T', ' ')} UTC  (${s.count} run${s.count === 1 ? '' : 's'})`);
}

/**
 * Finds the run a spec names, in this order: `latest` (latest.json); an existing file; a run id
 * in runs/; a git ref (commit, branch, tag, HEAD~1), meaning the newest complete run recorded for
 * that commit (an interrupted one if there is no other); a commit hash prefix recorded in a run.
 * Throws a usage error that lists the commits with runs when nothing matches.
 */
export async function resolveRun(spec: string, loc: RunLocation, warn: (message: string) => void): Promise<ResolvedRun> {
  if (spec === 'latest') {
    const file = latestPath(loc.results);
    if (!existsSync(file)) throw new ConfigError(`no ${file} yet: run \`pnpm turbo bench\` first, or name a run file or git ref`);
    return read(file, spec);
  }
  const asFile = path.resolve(loc.cwd, spec);
  if (existsSync(asFile)) return read(asFile, spec);
  const asId = path.join(runsDir(loc.results), `${spec}.json`);
  if (/^[0-9A-Za-z._-]+$/.test(spec) && existsSync(asId)) return read(asId, spec);

  const runs = listRuns(loc.results, (m) => warn(m));
  const commit = await resolveRef(loc.gitCwd, spec);
  const matches = commit ? runs.filter((r) => r.doc.git.commit === commit) : /^[0-9a-f]{4,40}$/i.test(spec) ? runs.filter((r) => r.doc.git.commit?.toLowerCase().startsWith(spec.toLowerCase())) : [];
  const complete = matches.filter((r) => r.doc.status === 'complete');
  const chosen = (complete.length ? complete : matches).at(-1);
  if (chosen) return { doc: chosen.doc, file: chosen.file, spec };

  const what = commit ? `commit ${commit.slice(0, 10)}` : 'not a file, a run id or a git ref here';
  const listed = commitsWithRuns(runs);
  const known = listed.length ? `commits with runs:\n${listed.map((l) => `  ${l}`).join('\n')}` : 'no runs are recorded there yet';
  throw new ConfigError(`no run recorded for "${spec}" (${what}) in ${runsDir(loc.results)}\n${known}`);
}
