import { z } from 'zod';
import { runDocument, SCHEMA_VERSION, type RunDocument } from './run.ts';

type Doc = Record<string, unknown>;

/**
 * Version 1 measured `roundRuns` runs per result per round (interleaved) or all runs in one go, and
 * did not record rounds: each block of `roundRuns` runs is taken as one round.
 */
function v1to2(doc: Doc): Doc {
  const c = doc.config as { minRuns: number; maxRuns: number; roundRuns: number; interleave?: boolean } & Doc;
  const per = Math.max(1, c.roundRuns);
  const { minRuns, maxRuns, roundRuns, interleave, ...rest } = c;
  void roundRuns; void interleave;
  const results = (doc.results as Doc[]).map((r) => {
    if (r.status !== 'ok') return r;
    const w = r.wallS as { times: number[] } & Doc;
    return { ...r, wallS: { ...w, round: w.times.map((_, i) => Math.floor(i / per) + 1) } };
  });
  return {
    ...doc,
    schemaVersion: 2,
    config: { ...rest, runsPerRound: per, minRounds: Math.ceil(minRuns / per), maxRounds: Math.ceil(maxRuns / per), only: null },
    results,
  };
}

/** Upgrades from older schema versions, keyed by the version they read. Each returns the next version's document. */
export const migrations: Record<number, (doc: Doc) => Doc> = { 1: v1to2 };

/** Why a run document could not be read. */
export class RunDocumentError extends Error {}

/** Validates a parsed run document, migrating older versions and refusing unknown ones by name. */
export function parseRunDocument(value: unknown, source = 'run document'): RunDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RunDocumentError(`${source}: not a JSON object`);
  }
  let doc = value as Record<string, unknown>;
  let version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new RunDocumentError(`${source}: no integer schemaVersion; not a bench-arena run document`);
  }
  if (version > SCHEMA_VERSION) {
    throw new RunDocumentError(
      `${source}: schemaVersion ${version} was written by a newer bench-arena; this one reads up to ${SCHEMA_VERSION}. Update the checkout to read it.`,
    );
  }
  while (version < SCHEMA_VERSION) {
    const migrate = migrations[version];
    if (!migrate) {
      throw new RunDocumentError(`${source}: schemaVersion ${version} is unknown and has no migration to ${SCHEMA_VERSION}`);
    }
    doc = migrate(doc);
    version += 1;
  }
  const parsed = runDocument.safeParse(doc);
  if (!parsed.success) {
    throw new RunDocumentError(`${source}: does not match run.schema.json\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
