import type { ComparisonDecisionDoc, RunDecisions, WorkloadDecisionsDoc } from '@arena/contract';
import { type Decision, type DecisionPlan, type FamilyState, type Target, withoutFailed } from '@arena/hyperfine-wrapper';

const doc = (a: string, b: string, d: Decision): ComparisonDecisionDoc => ({
  a,
  b,
  outcome: d.outcome,
  ratio: Number.isFinite(d.ratio) ? d.ratio : null,
  interval: d.interval,
  round: d.round,
  alpha: d.alpha,
});

/**
 * The run document's record of what was decided: per table, every pair and every member of each
 * fastest family with its outcome, interval, round and α. `families` come from the round loop (or a
 * single final look, in the precise profile). A question about a result in `failed` is left out: that
 * result is answered by its error.
 */
export function recordDecisions(
  plan: DecisionPlan,
  families: Readonly<Record<string, FamilyState>>,
  targets: readonly Target[],
  method: 'sequential' | 'fixed',
  failed: ReadonlySet<string> = new Set(),
): RunDecisions {
  const workloadOf = new Map(targets.map((t) => [t.table, t.asked.workload]));
  const workloads: WorkloadDecisionsDoc[] = Object.entries(plan.questions).map(([table, all]) => {
    const qs = withoutFailed(all, failed);
    const fam = families[table];
    const pairs = qs.flatMap((q) => (q.kind === 'pair' && fam?.pairs[q.id] ? [{ id: q.id, ...doc(q.a, q.b, fam.pairs[q.id]!) }] : []));
    const fastest = qs.flatMap((q) => {
      if (q.kind !== 'fastest') return [];
      const f = fam?.fastest[q.id];
      const leader = f?.leader ?? null;
      const members = q.members.map((key) => {
        const s = f?.slots[key];
        if (key === leader || !s) return { key, state: key === leader ? ('leader' as const) : ('open' as const), than: null, decision: null };
        if (s.state === 'open') return { key, state: 'open' as const, than: null, decision: s.last && leader ? doc(key, leader, s.last) : null };
        const than = s.state === 'slower' ? s.than : s.leader;
        return { key, state: s.state, than, decision: doc(key, than, s.decision) };
      });
      const decided = leader !== null && members.every((m) => m.state !== 'open');
      return [{ id: q.id, family: q.id.replace(/^fastest /, ''), leader, decided, members }];
    });
    return { workload: workloadOf.get(table) ?? table, table, pairs, fastest };
  });
  return { rule: { method, ...plan.rule }, workloads };
}
