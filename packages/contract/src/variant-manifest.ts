import { z } from 'zod';

/** The `arena` field of a variant's package.json (packages/variants/README.md, section 2). */
export const variantManifest = z
  .object({
    command: z
      .string()
      .min(1)
      .describe('The timed command, split on spaces; {pkg} is the package folder relative to the repository root.'),
    wasmModules: z.boolean().default(false).describe('Benchmarked once per built kernel module, passed as --module.'),
    summary: z.string().min(1).describe('One line for tables and reports.'),
  })
  .strict();

export type VariantManifest = z.infer<typeof variantManifest>;
