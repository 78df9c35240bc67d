import { z } from 'zod';

/** How a run decides its findings: the error per family, the margin, and when it looks. */
export const decisionRule = z.object({
  method: z
    .enum(['sequential', 'fixed'])
    .describe(
      "sequential: looked at after every round from firstLook to lastLook against Pocock's group-sequential boundary over those looks (runs of c736b2c to 073572a spent α by a Pocock-type Lan–DeMets function with Bonferroni over the looks instead), with a sequential Holm over the family; fixed: one look after the last round (the precise profile), Holm over the family.",
    ),
  alpha: z.number().positive().lt(1).describe('Error rate per family of findings (a workload), e.g. 0.05.'),
  marginPct: z.number().positive().describe('δ in percent: a ratio whose 1 − 2α interval lies in [1/(1+δ), 1+δ] is equivalent.'),
  firstLook: z.int().positive(),
  lastLook: z.int().positive(),
});

export const outcome = z.enum(['equivalent', 'faster', 'slower', 'undecided']);

/** One comparison a / b as decided. */
export const comparisonDecision = z.object({
  a: z.string().describe('Result key of the numerator.'),
  b: z.string().describe('Result key of the denominator.'),
  outcome,
  ratio: z.number().describe('exp of the mean paired log round ratio; NaN is written as null.').nullable(),
  interval: z
    .object({ low: z.number(), high: z.number() })
    .nullable()
    .describe('The interval that decided (the 1 − 2α equivalence interval for equivalent, else the 1 − α difference interval); for an undecided one, its last difference interval.'),
  round: z.int().positive().nullable().describe('The round (look) it was decided at; null: undecided.'),
  alpha: z.number().nonnegative().describe('The error this comparison was allowed at that look.'),
});

/** What one workload's findings decided. */
export const workloadDecisions = z.object({
  workload: z.string(),
  table: z.string().describe("The results' table (workload, size, workers)."),
  pairs: z.array(comparisonDecision.extend({ id: z.string() })).describe('Each wasm result against its native twin.'),
  fastest: z
    .array(
      z.object({
        id: z.string(),
        family: z.string().describe('node or go.'),
        leader: z.string().nullable(),
        decided: z.boolean().describe('Every other member is slower than some member or tied with the leader.'),
        members: z.array(
          z.object({
            key: z.string(),
            state: z.enum(['leader', 'open', 'slower', 'tied']),
            than: z.string().nullable().describe('Slower than this member, or tied with this leader; null when open or the leader.'),
            decision: comparisonDecision.nullable(),
          }),
        ),
      }),
    )
    .describe('The fastest of each family, member by member against its leader.'),
});

export const runDecisions = z.object({
  rule: decisionRule,
  workloads: z.array(workloadDecisions),
});

export type DecisionRuleDoc = z.infer<typeof decisionRule>;
export type ComparisonDecisionDoc = z.infer<typeof comparisonDecision>;
export type WorkloadDecisionsDoc = z.infer<typeof workloadDecisions>;
export type RunDecisions = z.infer<typeof runDecisions>;
