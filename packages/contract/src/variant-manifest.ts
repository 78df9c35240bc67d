import { z } from 'zod';

/** Whether a command runs on Node, which the harness then chooses (one target per Node line): its first word is `node`. */
export const isNodeCommand = (command: string): boolean => command.split(' ').find(Boolean) === 'node';

/** The `arena` field of a variant's package.json (packages/variants/README.md, section 2). */
export const variantManifest = z
  .object({
    command: z
      .string()
      .min(1)
      .describe(
        'The timed command, split on spaces; {pkg} is the package folder relative to the repository root. A first word `node` makes it a Node variant: the harness replaces it with the Node binary of each line it runs.',
      ),
    wasmModules: z.boolean().default(false).describe('Benchmarked once per built kernel module, passed as --module.'),
    nodeFlags: z
      .array(z.string().regex(/^--?[A-Za-z0-9][^\s]*$/, 'a flag is one word starting with - or --'))
      .default([])
      .describe('Flags passed to node before the script, each only when that Node accepts it (detected).'),
    summary: z.string().min(1).describe('One line for tables and reports.'),
    twin: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a variant name (kebab-case folder name)')
      .optional()
      .describe(
        "A wasm host's native twin: the name of a variant without wasmModules that does the same work natively (threads-wasi's is threads-js). Each wasm result is compared with that variant's result on the same workload and host parameters. Only with wasmModules: true.",
      ),
  })
  .strict()
  .refine((m) => m.twin === undefined || m.wasmModules, {
    message: 'twin names the native twin of a wasm host: it needs wasmModules: true',
    path: ['twin'],
  })
  .refine((m) => m.nodeFlags.length === 0 || isNodeCommand(m.command), {
    message: 'nodeFlags needs a command that starts with `node`',
    path: ['nodeFlags'],
  })
  .refine((m) => !isNodeCommand(m.command) || !m.command.split(' ').filter(Boolean)[1]?.startsWith('-'), {
    message: 'put Node flags in nodeFlags, not in the command: each is then passed only to the Nodes that accept it',
    path: ['command'],
  });

export type VariantManifest = z.infer<typeof variantManifest>;
