import type { TargetState } from '../rounds.ts';
import { roundRatios } from '../stats.ts';
import { type ComparisonTest, decideFamily, type DecisionRule, type FamilyState, type LogRatios, neededResults, type Question, startFamily } from './family.ts';

/** What the decisions stop rule is told before the rounds: the rule and, per table, its questions. */
export interface DecisionPlan {
  rule: DecisionRule;
  /** Per table, what its findings ask; members are target keys. */
  questions: Record<string, Question[]>;
  /** Per table, keys that stay while anything of their table does (the baseline the table's ratios are to). */
  keep: Record<string, string[]>;
  /** How a comparison is decided; the sequential test unless a simulation compares another. */
  test?: ComparisonTest;
  /**
   * How rounds past the floor are given: 'nearest' (the default) to the decisions nearest to being
   * made per second within the budget (allocateRound); 'all' to every needed result until the budget
   * is over (what a simulation compares it with).
   */
  allocation?: 'nearest' | 'all';
}

/** The questions of a table without the results that failed (a failed result is answered by its error, not by rounds). */
export function withoutFailed(qs: readonly Question[], failed: ReadonlySet<string>): Question[] {
  return qs.flatMap((q): Question[] => {
    if (q.kind === 'pair') return failed.has(q.a) || failed.has(q.b) ? [] : [q];
    const members = q.members.filter((m) => !failed.has(m));
    return members.length > 1 ? [{ ...q, members }] : [];
  });
}

/** Paired log round ratios between the states' targets, by key. */
export function logRatiosOf(states: readonly TargetState[]): LogRatios {
  const byKey = new Map(states.flatMap((s) => (s.status === 'failed' ? [] : [[s.target.key, s] as const])));
  return (a, b) => {
    const x = byKey.get(a);
    const y = byKey.get(b);
    return x && y ? roundRatios(x, y).map(Math.log) : [];
  };
}

/** Every table's family state, started empty. */
export const startFamilies = (d: DecisionPlan): Record<string, FamilyState> => Object.fromEntries(Object.entries(d.questions).map(([t, qs]) => [t, startFamily(qs)]));

/** The live results some undecided question needs, with their tables' kept keys (the baseline stays while anything of its table is needed). */
export function neededKeys(states: readonly TargetState[], families: Readonly<Record<string, FamilyState>>, d: DecisionPlan): Set<string> {
  const failed = new Set(states.filter((s) => s.status === 'failed').map((s) => s.target.key));
  const live = new Set(states.filter((s) => s.status === 'live').map((s) => s.target.key));
  const needed = new Set<string>();
  for (const [table, all] of Object.entries(d.questions)) {
    const here = neededResults(withoutFailed(all, failed), families[table] ?? startFamily(all));
    if (here.size) for (const k of d.keep[table] ?? []) here.add(k);
    for (const k of here) if (live.has(k)) needed.add(k);
  }
  return needed;
}

/**
 * The decisions stop rule after `round`: every table's family decides what it can (from the rule's
 * first look), then a live target leaves once it has had `floorRounds` rounds and no undecided
 * question needs it (a table's kept keys stay while any of the table is needed). At the rule's last
 * look every live target stops ('max-runs'); `over` (the suite's budget) stops them all ('budget').
 * Returns the new states and families. Pure.
 */
export function stopDecided(
  states: readonly TargetState[],
  families: Readonly<Record<string, FamilyState>>,
  round: number,
  d: DecisionPlan,
  floorRounds: number,
  over: boolean,
): { states: TargetState[]; families: Record<string, FamilyState> } {
  const failed = new Set(states.filter((s) => s.status === 'failed').map((s) => s.target.key));
  const ratios = logRatiosOf(states);
  const next: Record<string, FamilyState> = { ...families };
  for (const [table, all] of Object.entries(d.questions)) {
    const before = families[table] ?? startFamily(all);
    next[table] = round >= d.rule.firstLook ? decideFamily(withoutFailed(all, failed), before, ratios, d.rule, round, d.test) : before;
  }
  const needed = neededKeys(states, next, d);
  const last = round >= d.rule.lastLook;
  return {
    families: next,
    states: states.map((s) => {
      if (s.status !== 'live') return s;
      if (last) return { ...s, status: 'stopped', reason: 'max-runs' };
      if (over) return { ...s, status: 'stopped', reason: 'budget' };
      if (round >= floorRounds && !needed.has(s.target.key)) return { ...s, status: 'stopped', reason: 'decided' };
      return s;
    }),
  };
}
