import { z } from 'zod';

/**
 * A wasm producer's name. The producers are declared in packages/kernels/producers/<name>.ts, not
 * here: discovery checks every name a spec or manifest uses against those declarations.
 */
export const producer = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .describe('A wasm producer declared in packages/kernels/producers/<name>.ts (clang, go, assemblyscript, …).');

/** The workload a module computes: a folder of packages/workloads/. */
const workload = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .describe('The workload folder name (packages/workloads/<name>).');

const builtModule = z.object({
  workload,
  producer,
  status: z.literal('built'),
  file: z.string().describe('Path relative to packages/kernels/dist/, e.g. nbody/clang.wasm or go/go1.27.3/nbody/go.wasm.'),
  compiler: z.string().describe("First line of the compiler's --version."),
  flags: z.array(z.string()).describe('The full command line used.'),
  sizeBytes: z.int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  exports: z.array(z.string()),
  imports: z.array(z.string()).describe('module.name of every import.'),
  execModel: z.enum(['reactor', 'command', 'library']),
});

const skippedModule = z.object({
  workload,
  producer,
  status: z.literal('skipped'),
  reason: z.string().min(1),
});

/**
 * packages/kernels/dist/manifest.json (and dist/go/<goversion>/manifest.json): what the kernels build
 * produced or skipped, one entry per workload and producer, and why. Version 2: every entry names its
 * workload, and files sit in one folder per workload.
 */
export const kernelManifest = z.object({
  schemaVersion: z.literal(2),
  modules: z.array(z.discriminatedUnion('status', [builtModule, skippedModule])),
});

export type KernelManifest = z.infer<typeof kernelManifest>;
export type BuiltModule = z.infer<typeof builtModule>;
