import { z } from 'zod';
import { runDocument } from './run.ts';

/** Version of the compare document; its sides are run documents of the current SCHEMA_VERSION. */
export const COMPARE_SCHEMA_VERSION = 1;

/** One compared side: what was asked for, what it resolved to, and its results as a run document. */
export const compareSide = z.object({
  ref: z.string().describe('The ref as given on the command line (a commit, branch, tag, HEAD~1, or "working tree").'),
  commit: z.string().describe('The commit it resolved to (for the working tree: HEAD).'),
  dirty: z.boolean().describe('The working tree with changes not in its commit: the commit does not describe the code measured.'),
  run: runDocument.describe("This side's results. Both sides share the machine, config, order and accounting of the one measuring."),
});

/**
 * One `pnpm arena compare`: two commits' variants measured in the same rounds, each result's A and
 * B runs next to each other in alternating order (A B, then B A, …), so drift falls on both alike.
 * Written to results/compare/<id>.json.
 */
export const compareDocument = z.object({
  schemaVersion: z.literal(COMPARE_SCHEMA_VERSION),
  kind: z.literal('compare'),
  id: z.string().regex(/^[0-9A-Za-z._-]+$/),
  createdAt: z.iso.datetime(),
  a: compareSide,
  b: compareSide,
});

export type CompareSide = z.infer<typeof compareSide>;
export type CompareDocument = z.infer<typeof compareDocument>;
