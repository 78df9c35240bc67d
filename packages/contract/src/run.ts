import { z } from 'zod';
import { decisionRule, runDecisions } from './decisions.ts';
import { variantReport } from './report.ts';

/** The run document version this code writes. Older versions are migrated on read (see migrate.ts). */
export const SCHEMA_VERSION = 10;

/** Summary statistics of one sample, all in the unit named by the field that holds them. */
export const sampleStats = z.object({
  median: z.number(),
  mean: z.number(),
  stddev: z.number().describe('Sample standard deviation (n-1); 0 for one value.'),
  min: z.number(),
  max: z.number(),
  ci95: z.object({ low: z.number(), high: z.number() }).describe('Distribution-free 95 % confidence interval of the median (binomial order statistics).'),
});

/**
 * Per-run wall-clock times in seconds, as hyperfine measured them, with their statistics. The CI is
 * taken over rounds (the median of each round's runs), since runs of one round share the machine's
 * state of that moment and are not independent draws.
 */
export const wallSeconds = sampleStats
  .extend({
    times: z.array(z.number().nonnegative()).min(1).describe('Every timed run, in the order it ran.'),
    round: z.array(z.int().positive()).min(1).describe('The round each time was measured in (same length as times).'),
  })
  .refine((w) => w.round.length === w.times.length, { message: 'round must have one entry per time', path: ['round'] });

/** Why the harness stopped measuring a result. */
export const stopReason = z.enum(['fixed-runs', 'precision', 'max-runs', 'budget', 'decided']);

/** The runtime the harness chose for a result: the JavaScript runtime a Node-style variant ran on, its engine, and the flags it passed. */
export const resultRuntime = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .describe('The runtime declared in packages/runtimes/src/js/ (node, bun, deno); also the parameter naming its line.'),
  version: z
    .string()
    .regex(/^v?\d+\.\d+\.\d+/)
    .describe('Its exact version the way it prints it: v24.22.3 for Node, 1.4.5 for Bun, 2.9.6 for Deno.'),
  engine: z.enum(['v8', 'jsc']).describe('The JavaScript engine it embeds.'),
  engineVersion: z.string().nullable().describe("The engine's version where the runtime tells it truthfully (Node's process.versions.v8, Deno's --version, Bun's WebKit commit); null when not known."),
  flags: z.array(z.string()).describe("The manifest's nodeFlags this runtime accepted (detected its own way), as the engine flags passed; none for Bun."),
});

const resultBase = z.object({
  variant: z.string().describe('The variant folder name.'),
  workload: z.string().describe('The workload it ran (packages/workloads/<name>): with variant and parameters, what identifies a result.'),
  size: z.int().positive().describe("The workload's size parameter (fib's n, nbody's steps)."),
  parameters: z.record(z.string(), z.string()).describe('Parameter set, e.g. { module: "clang", node: "24" }.'),
  command: z.string().describe('The exact command that was timed, runnable from the repository root.'),
  summary: z.string().optional().describe("The variant's one-line description."),
  twin: z
    .string()
    .optional()
    .describe(
      "The native twin the variant's manifest declares (a wasm host's `twin`): the variant whose result on the same workload and host parameters this one is compared with. Absent for a variant without one, and in runs recorded before it was declared.",
    ),
  // Required, null when none: a writer must decide, so a Node result never loses its runtime by omission.
  runtime: resultRuntime.nullable().describe('The JavaScript runtime the harness ran a Node-style variant on; null for a self-contained program (Go, C) or a broken manifest.'),
  goToolchain: z
    .string()
    .regex(/^go1\.\d+/)
    .nullable()
    .describe(
      "The Go that built this result's Go code (a Go variant's binary, or the Go-compiled module it ran), as `go env GOVERSION` prints it; parameters.go is its line. null when no Go code ran.",
    ),
});

/** How a result's peak memory was measured. */
export const memoryMethod = z.enum(['cgroup-v2', 'cgroup-v1', 'sampled-pss']);

/**
 * Peak memory of the whole process tree (a cluster's primary and every worker), measured on extra
 * verified runs after the timed rounds, never during them.
 */
export const peakMemory = z.object({
  method: memoryMethod.describe(
    "cgroup-v2: memory.peak of a cgroup the bench created for the run; cgroup-v1: its memory.max_usage_in_bytes; sampled-pss: the tree's summed PSS (/proc/<pid>/smaps_rollup) sampled every sampleIntervalMs, its largest sum.",
  ),
  sampleIntervalMs: z.number().positive().nullable().describe('The sampling period; null for a cgroup method.'),
  bytes: z.array(z.int().nonnegative()).min(1).describe('The peak of each memory run, in the order they ran.'),
  medianBytes: z.number().nonnegative(),
  minBytes: z.int().nonnegative(),
  maxBytes: z.int().nonnegative(),
});

/** A variant (with one parameter set) whose every run was verified. */
export const okResult = resultBase.extend({
  status: z.literal('ok'),
  wallS: wallSeconds,
  userS: z.object({ mean: z.number().nonnegative() }).describe('Mean user CPU seconds per run.'),
  systemS: z.object({ mean: z.number().nonnegative() }).describe('Mean system CPU seconds per run.'),
  phasesMs: z.record(z.string(), z.number()).describe("Median of each in-process phase over the timed runs' report lines."),
  report: variantReport.describe('The last report line the variant printed.'),
  peakMemory: peakMemory.nullable().describe('Peak memory of the process tree; null when not measured (runs before schema 6, or BENCH_MEMORY_RUNS=0).'),
  seeds: z
    .array(
      z
        .int()
        .min(0)
        .max(2 ** 32 - 1),
    )
    .describe('The seed of each round, in round order (the harness draws one per round and workload, so no run can reuse a cached answer); empty for an unseeded workload.'),
  stop: z
    .object({
      reason: stopReason,
      ciHalfWidthPct: z.number().nonnegative().describe('Half-width of the median CI, in % of the median.'),
      cvPct: z.number().nonnegative().describe('Coefficient of variation (stddev/mean) in %.'),
    })
    .describe('Why measuring stopped, and the precision reached.'),
});

/** A variant (with one parameter set) that did not produce a trustworthy time. */
export const failedResult = resultBase.extend({
  status: z.literal('failed'),
  error: z.string().min(1).describe('What went wrong, readable by a person.'),
});

export const variantResult = z.discriminatedUnion('status', [okResult, failedResult]);

/** The machine the run happened on. */
export const machine = z.object({
  cpuModel: z.string(),
  logicalCores: z.int().positive(),
  memoryBytes: z.int().positive(),
  os: z.object({ platform: z.string(), release: z.string(), version: z.string() }),
  versions: z.object({
    node: z.string().describe("The harness's Node; Node variants ran on each result's runtime."),
    go: z.string().nullable().describe('The Go on PATH; Go-built results name the Go that built them (goToolchain).'),
    hyperfine: z.string().nullable(),
    clang: z.string().nullable(),
  }),
  fingerprint: z.string().describe("Hash of CPU model, cores, memory, OS and tool versions except Node's and Go's (results say which Node ran them and which Go built them): equal means comparable."),
});

/** What the run was asked to do. */
/**
 * What the run was asked to do. Every result is measured in rounds: each round gives every live result
 * of a table the same number of runs, and all results of a table stop at the same round.
 */
export const runConfig = z.object({
  profile: z.string(),
  sizes: z.record(z.string(), z.int().positive()).describe("Each workload's size parameter (fib's n, nbody's steps), from the profile or BENCH_SIZE."),
  workloads: z.array(z.string()).nullable().describe('BENCH_WORKLOADS: the workloads this run was narrowed to; null: every discovered workload.'),
  workers: z.array(z.int().positive()).min(1).describe('Worker counts; more than one is a scaling run.'),
  warmup: z.int().nonnegative().describe('Verified, untimed runs per result before its first round.'),
  runsPerRound: z.int().positive().describe('Timed runs per result in every round.'),
  minRounds: z.int().positive().describe('Rounds always measured before any stop rule applies.'),
  maxRounds: z.int().positive(),
  targetCiPct: z.number().positive().nullable().describe('Stop a table when every median CI half-width is at most this; null: fixed rounds.'),
  budgetS: z.number().positive().nullable().describe('Time budget per result, in seconds: a table stops once its timed runs add up to budgetS × its results (after minRounds).'),
  suiteBudgetS: z
    .number()
    .positive()
    .nullable()
    .describe(
      'BENCH_SUITE_BUDGET_MIN × 60: the whole bench stops starting rounds once its elapsed time would pass this; tables still short of their precision got the rounds until then. null: no suite budget.',
    ),
  memoryRuns: z.int().nonnegative().describe('Extra verified runs per ok result that measure its peak memory, after the rounds; 0: not measured.'),
  only: z.array(z.string()).nullable().describe('BENCH_ONLY: the variants this run was narrowed to; null: every discovered variant.'),
  leftOut: z
    .object({
      variants: z.array(z.string()).describe('Discovered variants BENCH_ONLY left out.'),
      workloads: z.array(z.string()).describe('Discovered workloads BENCH_WORKLOADS left out.'),
    })
    .nullable()
    .describe('What the narrowing left out, named, so a partial run can say so; both empty for a full run. null: not recorded (runs before schema 7, or settings not yet matched against discovery).'),
  decisions: decisionRule
    .omit({ method: true })
    .nullable()
    .default(null)
    .describe('The decisions stop rule (the default profile): a result leaves once minRounds are done and nothing undecided compares it; null: the precision rule (targetCiPct, budgets).'),
  js: z
    .array(z.string().regex(/^[a-z][a-z0-9-]*@\d+(\.\d+)*$/))
    .min(1)
    .nullable()
    .describe("BENCH_JS (or BENCH_NODE): the JavaScript runtimes asked for, as <runtime>@<line> (each result's parameters.<runtime> says which it ran on); null: the harness's own Node."),
  go: z
    .array(z.string().regex(/^1\.\d+$/))
    .min(1)
    .nullable()
    .describe("BENCH_GO: the Go lines asked for (each Go-built result's parameters.go says which built it); null: the Go on PATH."),
  settings: z
    .union([z.literal('all'), z.array(z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/)).min(1)])
    .nullable()
    .default(null)
    .describe("BENCH_SETTINGS: the hosts' declared engine settings run besides their defaults (each result's parameters.settings names its own); null: defaults only."),
  calls: z
    .array(z.int().min(1))
    .min(1)
    .nullable()
    .default(null)
    .describe(
      "BENCH_CALLS: kernel calls per worker; each count above 1 runs at the workload's size.perCall beside one call at that size (parameters.calls, parameters.size). null: one call at the profile size.",
    ),
});

/** One `pnpm turbo bench`: written by the collector to results/runs/<id>.json. */
export const runDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[0-9A-Za-z._-]+$/),
  createdAt: z.iso.datetime(),
  status: z.enum(['complete', 'interrupted']).describe('interrupted: the run lost its machine-wide lock, so another benchmark may have overlapped it; never copied to latest.json.'),
  git: z.object({ commit: z.string().nullable(), dirty: z.boolean() }),
  machine,
  config: runConfig,
  order: z.array(z.string()).describe('The order results were measured in, one key per round and result.'),
  accountingS: z
    .object({
      verification: z.number().nonnegative().describe('Verification runs (one per result), before any timing.'),
      references: z.number().nonnegative().describe("Computing the workloads' reference answers (per round and seed), while nothing was timed."),
      rounds: z.number().nonnegative().describe('The rounds: hyperfine calls, warmup included.'),
      memory: z.number().nonnegative().describe('The memory runs (config.memoryRuns per result, verified), after the rounds.'),
      total: z.number().nonnegative().describe('From the first verification run to the end of the last memory run (or round, when memory is not measured).'),
    })
    .nullable()
    .describe('Where the time of the measuring went, in seconds; null for runs recorded before version 5.'),
  results: z.array(variantResult),
  decisions: runDecisions
    .nullable()
    .default(null)
    .describe(
      "What the run's findings decided, per workload: sequentially (the default profile) or in one look after the last round; null for runs before version 8, whose findings the report labels as not sequentially decided.",
    ),
});

export type PeakMemory = z.infer<typeof peakMemory>;
export type MemoryMethod = z.infer<typeof memoryMethod>;
export type SampleStats = z.infer<typeof sampleStats>;
export type WallSeconds = z.infer<typeof wallSeconds>;
export type StopReason = z.infer<typeof stopReason>;
export type OkResult = z.infer<typeof okResult>;
export type FailedResult = z.infer<typeof failedResult>;
export type VariantResult = z.infer<typeof variantResult>;
export type Machine = z.infer<typeof machine>;
export type RunConfig = z.infer<typeof runConfig>;
export type RunDocument = z.infer<typeof runDocument>;
export type ResultRuntime = z.infer<typeof resultRuntime>;
