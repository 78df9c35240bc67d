import { z } from 'zod';

/** One benchmarked command in hyperfine's --export-json output (hyperfine 1.15). */
export const hyperfineResult = z.object({
  command: z.string(),
  mean: z.number(),
  stddev: z.number().nullable(),
  median: z.number(),
  user: z.number().describe('Mean user CPU seconds.'),
  system: z.number().describe('Mean system CPU seconds.'),
  min: z.number(),
  max: z.number(),
  times: z.array(z.number()),
  exit_codes: z.array(z.number().nullable()).optional(),
  parameters: z.record(z.string(), z.string()).optional(),
});

/** hyperfine's --export-json document. */
export const hyperfineExport = z.object({ results: z.array(hyperfineResult) });

export type HyperfineResult = z.infer<typeof hyperfineResult>;

/** Parses the text of a hyperfine JSON export, with a readable error. */
export function parseHyperfineExport(text: string): HyperfineResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`hyperfine's JSON export is not JSON: ${(error as Error).message}`);
  }
  const parsed = hyperfineExport.safeParse(value);
  if (!parsed.success) throw new Error(`hyperfine's JSON export has an unexpected shape:\n${z.prettifyError(parsed.error)}`);
  return parsed.data.results;
}
