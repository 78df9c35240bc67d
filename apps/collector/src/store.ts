import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseRunDocument, RunDocumentError, type RunDocument } from '@arena/contract';
import { ConfigError } from '@arena/suite';

/** A write that could not complete; the target file is untouched. */
export class StoreError extends Error {}

/** How writeFileAtomic treats an existing target. */
export interface WriteOptions {
  /** Refuse with a StoreError rather than replace an existing file. */
  exclusive?: boolean;
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then renamed over the
 * target (or, when exclusive, hard-linked to it, which fails if it exists). A full disk or a
 * read-only folder leaves the old file as it was.
 */
export function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeFileSync(fd, text); // loops over short writes, so a full disk surfaces as ENOSPC
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive) publishExclusive(tmp, file);
    else renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'EEXIST' ? 'it already exists and is never replaced (EEXIST)' : `${e.code ?? ''} ${e.message}`;
    throw new StoreError(`cannot write ${file}: ${why}`.replace(/\s+/g, ' ').trim());
  }
}

/** Puts the finished temporary file in place only if the target does not exist. */
function publishExclusive(tmp: string, file: string): void {
  try {
    linkSync(tmp, file); // atomic: fails with EEXIST, never replaces
  } catch (error) {
    // A filesystem without hard links: check, then rename (racy only against a save of the same id).
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    if (existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(tmp, file);
    return;
  }
  rmSync(tmp, { force: true });
}

export const runsDir = (results: string) => path.join(results, 'runs');
export const latestPath = (results: string) => path.join(results, 'latest.json');

/**
 * Saves a run as runs/<id>.json; a complete run is also copied to latest.json. An interrupted run
 * is kept for inspection but never becomes latest. A stored run is never replaced: the same id
 * again is a StoreError, and latest.json is left alone.
 */
export function saveRun(results: string, doc: RunDocument): { runFile: string; latest: string | null } {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const runFile = path.join(runsDir(results), `${doc.id}.json`);
  writeFileAtomic(runFile, text, { exclusive: true });
  if (doc.status !== 'complete') return { runFile, latest: null };
  writeFileAtomic(latestPath(results), text);
  return { runFile, latest: latestPath(results) };
}

/**
 * A run named by the user that cannot be read or is no run document: their input to fix, so a
 * ConfigError (exit 2) in every command that reads one, not a failure of the harness.
 */
export class RunInputError extends ConfigError {}

/** One line: JSON.parse quotes the text it failed on, newlines and all. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Reads one run file; throws a RunInputError naming the file on any problem. */
export function readRun(file: string): RunDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'EISDIR' ? 'a folder, not a run file' : e.code === 'ENOENT' ? 'no such file' : `cannot be read (${oneLine(e.message)})`;
    throw new RunInputError(`${file}: ${why}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RunInputError(`${file}: not readable JSON (${oneLine((error as Error).message)})`);
  }
  try {
    return parseRunDocument(value, file);
  } catch (error) {
    // A migration may trip over a malformed old document before the schema is checked.
    const message = error instanceof RunDocumentError ? (error as Error).message : `${file}: not a bench-arena run document (${oneLine((error as Error).message)})`;
    throw new RunInputError(message);
  }
}

/** Every readable run in runs/, oldest first; corrupt or invalid files are skipped with a warning. */
export function listRuns(results: string, warn: (message: string) => void = (m) => console.error(`warning: ${m}`)): Array<{ file: string; doc: RunDocument }> {
  const dir = runsDir(results);
  if (!existsSync(dir)) return [];
  const runs: Array<{ file: string; doc: RunDocument }> = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort()) {
    const file = path.join(dir, name);
    try {
      runs.push({ file, doc: readRun(file) });
    } catch (error) {
      warn(`skipping ${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return runs.sort((a, b) => a.doc.createdAt.localeCompare(b.doc.createdAt));
}
