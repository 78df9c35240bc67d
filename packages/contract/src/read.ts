import { z } from 'zod';
import { runDocument, SCHEMA_VERSION, type RunDocument } from './run.ts';

/**
 * Upgrades from older schema versions, keyed by the version they read. Each returns the next
 * version's document. Empty while version 1 is the only one ever written.
 */
export const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

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
