import { z } from 'zod';

/** The producers the kernels package knows. */
export const producer = z.enum(['clang', 'go', 'assemblyscript', 'tinygo']);

const builtModule = z.object({
  producer,
  status: z.literal('built'),
  file: z.string().describe('File name relative to packages/kernels/dist/.'),
  compiler: z.string().describe("First line of the compiler's --version."),
  flags: z.array(z.string()).describe('The full command line used.'),
  sizeBytes: z.int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  exports: z.array(z.string()),
  imports: z.array(z.string()).describe('module.name of every import.'),
  execModel: z.enum(['reactor', 'command', 'library']),
});

const skippedModule = z.object({
  producer,
  status: z.literal('skipped'),
  reason: z.string().min(1),
});

/** packages/kernels/dist/manifest.json: what the kernels build produced or skipped, and why. */
export const kernelManifest = z.object({
  schemaVersion: z.literal(1),
  modules: z.array(z.discriminatedUnion('status', [builtModule, skippedModule])),
});

export type KernelManifest = z.infer<typeof kernelManifest>;
export type BuiltModule = z.infer<typeof builtModule>;
