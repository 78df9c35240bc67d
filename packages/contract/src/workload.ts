import { z } from 'zod';
import { producer } from './kernels.ts';

/** A scalar that crosses the host↔kernel boundary. */
const scalar = z.enum(['u32', 'i32', 'f64']);

/** A size per profile (precise measures the default's). */
const sizes = z.object({ default: z.int().positive(), quick: z.int().positive(), article: z.int().positive() }).strict();

/**
 * packages/workloads/<name>/workload.json: what a workload asks of every host and kernel — its size
 * parameter per profile, the kernel's exported function and how values cross the boundary, and the
 * answer each worker reports. Written once per workload; hosts and the harness read it.
 */
export const workloadSpec = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .describe('The workload folder name.'),
    summary: z.string().min(1),
    stresses: z.string().min(1).describe('What kind of work it is: what it exercises in a host, a compiler, a runtime.'),
    size: z
      .object({
        name: z
          .string()
          .regex(/^[a-z][a-zA-Z0-9]*$/)
          .describe('The size parameter, e.g. n or steps; hosts take it as --<name>.'),
        max: z.int().positive().describe('Largest size the kernels accept.'),
        profiles: sizes,
        slow: sizes.optional().describe("Where a slow engine setting (the manifest's `slow: true`) runs, per profile, with the engine's defaults measured there too; absent: at the profile's size."),
        perCall: sizes
          .optional()
          .describe('Where warm calls (--calls N) run, per profile: each call this size, so 20 calls stay within about 2× the work of one call at the profile size; absent: the profile size.'),
        count: z
          .object({ small: z.int().positive(), large: z.int().positive() })
          .strict()
          .refine((c) => c.small < c.large, { message: 'count.small must be below count.large' })
          .optional()
          .describe(
            "Where `arena compare --metric instructions` counts (docs/comparing.md): the whole process at `large`, and the kernel as the difference of the two sizes' counts (start-up and compilation cancel out). Small enough that a counted run takes seconds; absent: the workload is not counted.",
          ),
      })
      .refine((s) => [s.profiles, s.slow, s.perCall].every((p) => p === undefined || Object.values(p).every((v) => v <= s.max)) && (s.count === undefined || s.count.large <= s.max), {
        message: 'every size must be at most max',
      }),
    seeded: z.boolean().describe('Whether the harness passes a seed (--seed, u32) that changes the answer; fib is not.'),
    kernel: z.object({
      export: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/)
        .describe('The function a wasm module exports and native hosts call.'),
      params: z
        .array(z.object({ name: z.string(), type: scalar }))
        .min(1)
        .describe('In order; scalars only (memory-passing workloads add pointer + length).'),
      results: z
        .array(z.object({ name: z.string(), type: scalar }))
        .min(1)
        .describe('Returned in order; several results come back through out-parameters or a struct, per language.'),
    }),
    answer: z
      .object({
        type: z.enum(['u32', 'f64[]']).describe("The type of each worker's answer in the report line's results."),
        compare: z.literal('exact').describe('Compared bit for bit: the rules fix the operation order (x86-64).'),
        fmaTolerance: z
          .number()
          .positive()
          .max(1e-6)
          .optional()
          .describe('Relative tolerance of float answers on platforms whose compilers may fuse multiply-adds (arm64: Go does); exact elsewhere. Absent: exact everywhere.'),
      })
      .describe('What each worker reports and how the harness compares it with its reference.'),
    input: z
      .object({
        kind: z.literal('stream').describe('The host owns the data: it generates the seeded byte stream of HOSTS.md and hands it to the kernel one chunk per call.'),
        chunkBytes: z.int().positive().max(65536).describe('Bytes per call; the size parameter counts chunks (calls) per worker.'),
      })
      .strict()
      .optional()
      .describe('Absent: the kernel computes from (size, seed) in one call. Present: a streamed workload (HOSTS.md, "Streamed input").'),
    unsupported: z
      .record(producer, z.string().min(1))
      .optional()
      .describe('Wasm producers that cannot express this workload, each with the reason: the kernels build records them as skipped with it, and the harness shows it as a failed result.'),
  })
  .strict();

export type WorkloadSpec = z.infer<typeof workloadSpec>;
