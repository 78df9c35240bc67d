import { z } from 'zod';

/** Whether a command runs on Node, which the harness then chooses (one target per Node line): its first word is `node`. */
export const isNodeCommand = (command: string): boolean => command.split(' ').find(Boolean) === 'node';

const flag = z.string().regex(/^--?[A-Za-z0-9][^\s]*$/, 'a flag is one word starting with - or --');

/** What a setting is about to the reader: one line, and whether it is so slow it runs at the spec's `size.slow`. */
const settingCommon = {
  summary: z.string().min(1).describe('One line: what the setting changes, for tables and reports.'),
  slow: z.boolean().default(false).describe("More than ~10× slower than the engine's defaults: it runs at each workload's size.slow, where the defaults are measured too and compared with it."),
};

/**
 * One engine setting of a host (packages/variants/README.md, "Engine settings"): flags for the
 * JavaScript engine it runs on, or a setting the host itself applies (`--setting <name>`).
 */
export const engineSetting = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('engine-flags'),
      engine: z.enum(['v8', 'jsc']).describe('The engine whose flags these are: the setting runs on the runtimes embedding it, and on no other.'),
      flags: z.array(flag).min(1).describe('Passed to the runtime as engine flags, after nodeFlags. A runtime of that engine that refuses one makes a failed result naming it.'),
      ...settingCommon,
    })
    .strict(),
  z
    .object({
      kind: z.literal('host'),
      cache: z
        .boolean()
        .default(false)
        .describe('The setting keeps a compilation cache: the harness passes --cache-dir (one folder per module and setting), and the verification run warms it before timing.'),
      ...settingCommon,
    })
    .strict(),
]);

/**
 * How a host is counted by `arena compare --metric instructions` (packages/variants/README.md,
 * "Counting"): what it needs so that a run under valgrind gives the same count twice, or why it
 * cannot be counted. Absent: not countable, and the compare says so.
 */
export const counting = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('countable'),
      engineFlags: z
        .object({ v8: z.array(flag).optional(), jsc: z.array(flag).optional() })
        .strict()
        .default({})
        .describe("Engine flags under counting, per engine (V8's --predictable: no concurrent compiler or GC threads, whose interleaving changes the count)."),
      args: z.array(flag).default([]).describe('Host arguments added under counting (HOSTS.md), e.g. --exit-workers so forked workers end by themselves and write their counts.'),
      children: z.boolean().default(false).describe("The host's workers are child processes: valgrind follows them (--trace-children=yes) and their counts are summed."),
      env: z
        .record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name'), z.string())
        .default({})
        .describe('Environment added under counting.'),
    })
    .strict(),
  z.object({ kind: z.literal('not-countable'), why: z.string().min(1).describe('One line: why a count of this host would not mean anything.') }).strict(),
]);

/** A setting's name: kebab-case, never `default` (the engine's defaults carry no setting). */
export const settingName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'a setting name is kebab-case')
  .refine((n) => n !== 'default', { message: '"default" is the engine\'s own settings, which need no declaration' });

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
    nodeFlags: z.array(flag).default([]).describe('Flags passed to node before the script, each only when that Node accepts it (detected).'),
    summary: z.string().min(1).describe('One line for tables and reports.'),
    twin: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a variant name (kebab-case folder name)')
      .optional()
      .describe(
        "A wasm host's native twin: the name of a variant without wasmModules that does the same work natively (threads-wasi's is threads-js). Each wasm result is compared with that variant's result on the same workload and host parameters. Only with wasmModules: true.",
      ),
    settings: z
      .record(settingName, engineSetting)
      .default({})
      .describe("The host's engine settings besides its defaults, name → what it sets; each is a parameter `settings=<name>` of the results that use it (BENCH_SETTINGS)."),
    counting: counting.optional().describe('How `arena compare --metric instructions` counts this host; absent: it is not counted.'),
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
  .refine((m) => isNodeCommand(m.command) || m.counting?.kind !== 'countable' || Object.keys(m.counting.engineFlags).length === 0, {
    message: 'counting.engineFlags needs a command that starts with `node` (a JavaScript runtime runs it)',
    path: ['counting'],
  })
  .refine((m) => isNodeCommand(m.command) || Object.values(m.settings).every((s) => s.kind !== 'engine-flags'), {
    message: 'an engine-flags setting needs a command that starts with `node` (a JavaScript runtime runs it)',
    path: ['settings'],
  })
  .refine((m) => !isNodeCommand(m.command) || !m.command.split(' ').filter(Boolean)[1]?.startsWith('-'), {
    message: 'put Node flags in nodeFlags, not in the command: each is then passed only to the Nodes that accept it',
    path: ['command'],
  });

export type VariantManifest = z.infer<typeof variantManifest>;
export type EngineSetting = z.infer<typeof engineSetting>;
export type Counting = z.infer<typeof counting>;
