import { z } from 'zod';

/** Largest n whose fibonacci fits an unsigned 32-bit integer (fib(47) = 2971215073): the largest size of fib. */
export const MAX_N = 47;

/** Largest seed: the harness draws a u32. */
export const MAX_SEED = 2 ** 32 - 1;

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
    firstCallMs: z.number().nonnegative().optional().describe("With --calls above 1: the slowest worker's first kernel call."),
    laterCallMs: z.number().nonnegative().optional().describe("With --calls above 1: the median of every worker's calls 2..N."),
  })
  .catchall(z.number().nonnegative())
  .describe('In-process phases in milliseconds; extra keys must be numbers.');

/** One worker's answer, of the type its workload's spec gives (`answer.type`): a u32, or an array of f64. */
export const workerAnswer = z.union([z.int().min(0).max(MAX_SEED), z.array(z.number()).min(1)]);

/**
 * The fields of the report line a variant prints last on stdout (packages/variants/README.md,
 * section 5; packages/workloads/HOSTS.md). Run documents store reports in this shape; lines recorded
 * before `moduleSha256` existed lack it, so the rule that ties it to `module` lives in {@link reportLine}.
 */
export const variantReport = z
  .object({
    variant: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe('The variant folder name.'),
    workload: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .describe('The workload folder name (packages/workloads/<name>).'),
    size: z.int().positive().describe("The workload's size parameter (fib's n, nbody's steps)."),
    seed: z.int().min(0).max(MAX_SEED).nullable().describe('The seed the harness passed (--seed); null for an unseeded workload.'),
    workers: z.int().min(1).describe('Parallel jobs.'),
    results: z.array(workerAnswer).min(1).describe("One answer per worker, in worker order, typed by the workload's spec."),
    module: z.string().min(1).optional().describe('The WASI module path, for wasm variants.'),
    moduleSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'moduleSha256 must be 64 lowercase hex digits')
      .optional()
      .describe('Lowercase hex sha256 of the exact bytes the variant compiled; required whenever module is present.'),
    calls: z.int().min(2).optional().describe('--calls: kernel calls per worker, every answer equal to the first; absent for one call.'),
    setting: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/)
      .optional()
      .describe('--setting: the engine setting the host applied; absent at its defaults.'),
    phasesMs,
  })
  .strict()
  .refine((r) => r.results.length === r.workers, {
    message: 'results must have one entry per worker',
    path: ['results'],
  });

/**
 * What the harness accepts from a variant today: {@link variantReport}, plus `moduleSha256`
 * whenever `module` is present, so a report cannot name one module while another ran.
 */
export const reportLine = variantReport.refine((r) => r.module === undefined || r.moduleSha256 !== undefined, {
  message: 'moduleSha256 is required with module: the sha256 of the module bytes the variant compiled',
  path: ['moduleSha256'],
});

export type PhasesMs = z.infer<typeof phasesMs>;
export type WorkerAnswer = z.infer<typeof workerAnswer>;
export type VariantReport = z.infer<typeof variantReport>;
