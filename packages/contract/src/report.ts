import { z } from 'zod';

/** Largest n whose fibonacci fits an unsigned 32-bit integer (fib(47) = 2971215073). */
export const MAX_N = 47;

/**
 * Milliseconds measured inside the variant's process. `computeMs` is required; the other phases
 * are reported by the variants that have them.
 */
export const phasesMs = z
  .object({
    computeMs: z.number().nonnegative().describe('From dispatching the jobs to receiving the last result.'),
    startupMs: z.number().nonnegative().optional().describe("Process start to the variant's first line of code."),
    spawnMs: z.number().nonnegative().optional().describe('Creating the workers until all are ready.'),
    compileMs: z.number().nonnegative().optional().describe('Compiling the wasm module (critical path).'),
    instantiateMs: z.number().nonnegative().optional().describe('Instantiating the wasm module (critical path).'),
  })
  .catchall(z.number().nonnegative())
  .describe('In-process phases in milliseconds; extra keys must be numbers.');

/** The one JSON line a variant prints last on stdout (packages/variants/README.md, section 4). */
export const variantReport = z
  .object({
    variant: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('The variant folder name.'),
    n: z.int().min(1).max(MAX_N).describe('The fibonacci argument.'),
    workers: z.int().min(1).describe('Parallel jobs.'),
    results: z.array(z.int().nonnegative()).min(1).describe("One value per worker, in worker order."),
    module: z.string().min(1).optional().describe('The WASI module path, for wasm variants.'),
    phasesMs,
  })
  .strict()
  .refine((r) => r.results.length === r.workers, {
    message: 'results must have one entry per worker',
    path: ['results'],
  });

export type PhasesMs = z.infer<typeof phasesMs>;
export type VariantReport = z.infer<typeof variantReport>;
