import path from 'node:path';
import { compareDocument, migrateCompare, parseRunDocument, type CompareDocument } from '@arena/contract';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../store.ts';

/** Where compare documents go: results/compare/<id>.json (ignored by git, like results/runs/). */
export const compareDir = (results: string): string => path.join(results, 'compare');

/** Writes a compare document (exclusively: an id is never reused); returns its file. */
export function saveCompare(results: string, doc: CompareDocument): string {
  const file = path.join(compareDir(results), `${doc.id}.json`);
  writeFileAtomic(file, `${JSON.stringify(compareDocument.parse(doc), null, 2)}\n`, { exclusive: true });
  return file;
}

/** Reads and checks a compare document, migrated to the current version first, and so are its sides' run documents. */
export function readCompare(file: string): CompareDocument {
  const raw = migrateCompare(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  for (const side of ['a', 'b'] as const) {
    const s = raw[side] as { run?: unknown } | undefined;
    if (s && typeof s === 'object' && s.run !== undefined && s.run !== null) s.run = parseRunDocument(s.run, `${file} (side ${side.toUpperCase()})`);
  }
  return compareDocument.parse(raw);
}
