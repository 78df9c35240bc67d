import { z } from 'zod';
import { machine, runDocument } from './run.ts';

/** Version of the compare document; its sides are run documents of the current SCHEMA_VERSION. */
export const COMPARE_SCHEMA_VERSION = 2;

/** What a compare measured: wall time in paired rounds, instructions counted under valgrind, or both. */
export const compareMetric = z.enum(['time', 'instructions', 'both']);

/** One result's counts at one size: one per counted run, each of a run whose answer was verified. */
const countsAt = z
  .object({
    size: z.int().positive(),
    instructions: z.array(z.int().nonnegative()).min(1).describe('Instructions executed by the whole process tree, one per counted run, in run order.'),
  })
  .strict();

const countedCommon = {
  key: z.string().describe('The result key, as in the run documents (variant [parameters] · workload).'),
  variant: z.string(),
  workload: z.string(),
  parameters: z.record(z.string(), z.string()),
};

/**
 * One result of one side under counting: its counts at the workload's two counting sizes; or not
 * countable (the host, its runtime or the workload declares why: never a number); or failed (a
 * counted run crashed or answered wrong).
 */
export const countedResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('counted'), ...countedCommon, small: countsAt, large: countsAt }).strict(),
  z.object({ status: z.literal('not-countable'), ...countedCommon, why: z.string().min(1) }).strict(),
  z.object({ status: z.literal('failed'), ...countedCommon, error: z.string().min(1) }).strict(),
]);

/** How the counts were taken. */
export const countingMethod = z
  .object({
    tool: z.literal('cachegrind'),
    valgrind: z.string().describe('valgrind --version, e.g. valgrind-3.19.0.'),
    options: z.array(z.string()).describe('The options every counted run had (besides --trace-children for hosts whose workers are processes).'),
    runsPerSize: z.int().positive().describe('Counted runs per result, side and size.'),
    spreadLimitPct: z.number().positive().describe('A result whose counts spread more than this on either side is not countable.'),
    seeds: z.record(z.string(), z.int().nonnegative()).describe('The seed of every counted run of a seeded workload, by workload: the same on both sides.'),
    machine: machine.describe('Where the counts were taken (a count depends on the CPU only through the code paths it picks, but the compilers and runtimes are part of the machine).'),
  })
  .strict();

/** One compared side: what was asked for, what it resolved to, its timed results and its counts. */
export const compareSide = z.object({
  ref: z.string().describe('The ref as given on the command line (a commit, branch, tag, HEAD~1, or "working tree").'),
  commit: z.string().describe('The commit it resolved to (for the working tree: HEAD).'),
  dirty: z.boolean().describe('The working tree with changes not in its commit: the commit does not describe the code measured.'),
  run: runDocument.nullable().describe("This side's timed results (null when only instructions were counted). Both sides share the machine, config, order and accounting of the one measuring."),
  counts: z.array(countedResult).nullable().describe("This side's counted results (null when only time was measured)."),
});

/**
 * One `pnpm arena compare`: two commits' variants measured in the same rounds, each result's A and
 * B runs next to each other in alternating order (A B, then B A, …), so drift falls on both alike;
 * and/or counted under valgrind. Written to results/compare/<id>.json.
 */
export const compareDocument = z.object({
  schemaVersion: z.literal(COMPARE_SCHEMA_VERSION),
  kind: z.literal('compare'),
  id: z.string().regex(/^[0-9A-Za-z._-]+$/),
  createdAt: z.iso.datetime(),
  metric: compareMetric,
  counting: countingMethod.nullable().describe('How the counts were taken; null when only time was measured.'),
  a: compareSide,
  b: compareSide,
});

/** A compare document of schema 1 (time only) as schema 2 says it. */
export function migrateCompare(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.schemaVersion !== 1) return raw;
  const side = (s: unknown) => (s && typeof s === 'object' ? { ...s, counts: null } : s);
  return { ...raw, schemaVersion: 2, metric: 'time', counting: null, a: side(raw.a), b: side(raw.b) };
}

export type CompareMetric = z.infer<typeof compareMetric>;
export type CountedResult = z.infer<typeof countedResult>;
export type CountingMethod = z.infer<typeof countingMethod>;
export type CompareSide = z.infer<typeof compareSide>;
export type CompareDocument = z.infer<typeof compareDocument>;
