import { lookIntervals } from './interval.ts';
import { type Outcome, outcomeOf, type RatioInterval } from './outcome.ts';
import { type Looks, lookLevels } from './spending.ts';

/** What a workload's findings ask, declared before anything is timed (from the targets). */
export type Question =
  /** Is `a` faster or slower than `b` (a wasm result against its native twin)? */
  | { kind: 'pair'; id: string; a: string; b: string }
  /** Which member is the fastest (the fastest Node way, the fastest Go way)? */
  | { kind: 'fastest'; id: string; members: string[] };

/** How decisions are made: the error per family, the margin, and the planned looks. */
export interface DecisionRule extends Looks {
  /** Error rate per family of findings (a workload's), e.g. 0.05. */
  alpha: number;
  /** δ in percent: a ratio within [1/(1+δ), 1+δ] is equivalent. */
  marginPct: number;
}

/** One comparison a / b decided (or not yet). */
export interface Decision {
  outcome: Outcome;
  /** exp of the mean log round ratio. */
  ratio: number;
  /** The interval that decided (the equivalence one for 'equivalent'), or the last difference interval while undecided. */
  interval: RatioInterval | null;
  /** The round (look) it was decided at; null while undecided. */
  round: number | null;
  /** The error this comparison was allowed at that look. */
  alpha: number;
}

/** A member of a fastest family, against the family's leader. */
export type Slot =
  /** Not yet known. */
  | { state: 'open'; last: Decision | null }
  /** Slower than `than` (out of the race for good). */
  | { state: 'slower'; than: string; decision: Decision }
  /** Within the margin of `leader` (tied); reopened if another member takes the lead. */
  | { state: 'tied'; leader: string; decision: Decision };

/** Where a workload's questions stand. */
export interface FamilyState {
  pairs: Record<string, Decision>;
  /** Per fastest question: its current leader and every other member's slot. */
  fastest: Record<string, { leader: string | null; slots: Record<string, Slot> }>;
}

/** Paired log ratios of a over b, one per round both were measured in. */
export type LogRatios = (a: string, b: string) => number[];

const UNDECIDED: Decision = { outcome: 'undecided', ratio: Number.NaN, interval: null, round: null, alpha: 0 };

/** The comparisons one family counts for its error: every pair, and every member of a fastest question but its leader. */
export const familySize = (qs: readonly Question[]): number => qs.reduce((a, q) => a + (q.kind === 'pair' ? 1 : Math.max(q.members.length - 1, 0)), 0);

export function startFamily(qs: readonly Question[]): FamilyState {
  const state: FamilyState = { pairs: {}, fastest: {} };
  for (const q of qs) {
    if (q.kind === 'pair') state.pairs[q.id] = UNDECIDED;
    else state.fastest[q.id] = { leader: null, slots: Object.fromEntries(q.members.map((m) => [m, { state: 'open', last: null } as Slot])) };
  }
  return state;
}

/** How many comparisons of the family are decided (pairs, and slots slower or tied). */
export function decidedCount(state: FamilyState): number {
  const pairs = Object.values(state.pairs).filter((d) => d.outcome !== 'undecided').length;
  const slots = Object.values(state.fastest).reduce((a, f) => a + Object.entries(f.slots).filter(([m, s]) => m !== f.leader && s.state !== 'open').length, 0);
  return pairs + slots;
}

/** How one comparison is decided at a look, given its paired log ratios and its level (its share of the family's α). */
export type ComparisonTest = (logRatios: number[], level: number, rule: DecisionRule, round: number) => Decision;

/**
 * The sequential test: Student-t intervals at this look's nominal levels for `level` (lookLevels,
 * Pocock's boundary over the planned looks; the look is the number of rounds the two share), decided
 * by outcomeOf.
 */
export const sequentialTest: ComparisonTest = (ratios, level, rule, round) => {
  const { difference: alpha, equivalence } = lookLevels(level, ratios.length, rule);
  const iv = lookIntervals(ratios, alpha, equivalence);
  if (iv === null) {
    const m = ratios.length ? Math.exp(ratios.reduce((a, x) => a + x, 0) / ratios.length) : Number.NaN;
    return { ...UNDECIDED, ratio: m, alpha };
  }
  const outcome = outcomeOf(iv.difference, iv.equivalence, rule.marginPct);
  return {
    outcome,
    ratio: iv.ratio,
    interval: outcome === 'equivalent' ? iv.equivalence : iv.difference,
    round: outcome === 'undecided' ? null : round,
    alpha,
  };
};

/** The member with the lowest mean log time over the rounds all share (the point leader). */
function leaderOf(members: readonly string[], logRatios: LogRatios): string | null {
  if (members.length === 0) return null;
  let best = members[0]!;
  for (const m of members.slice(1)) {
    const r = logRatios(m, best);
    if (r.length && r.reduce((a, x) => a + x, 0) / r.length < 0) best = m;
  }
  return best;
}

/**
 * The family's decisions after look `round`: a sequentially rejective Holm procedure (Bartroff &
 * Song 2014) over its comparisons — each undecided one is tested at α / (m − decided), spent over the
 * looks; a decision frees its share for the rest, so the look is repeated until nothing more is
 * decided. A fastest question compares each member with the current leader; a member slower than
 * the leader is out for good, one tied with it is reopened if the lead changes. Pure.
 */
export function decideFamily(qs: readonly Question[], before: FamilyState, logRatios: LogRatios, rule: DecisionRule, round: number, decide: ComparisonTest = sequentialTest): FamilyState {
  const m = familySize(qs);
  const state: FamilyState = structuredClone(before);
  // A new leader reopens the ties made against the old one.
  for (const q of qs) {
    if (q.kind !== 'fastest') continue;
    const f = state.fastest[q.id]!;
    const racing = q.members.filter((x) => f.slots[x]!.state !== 'slower');
    const leader = leaderOf(racing, logRatios);
    if (leader !== f.leader) {
      for (const [x, s] of Object.entries(f.slots)) if (s.state === 'tied' || x === leader) f.slots[x] = { state: 'open', last: null };
      f.leader = leader;
    }
  }
  for (let progress = true; progress; ) {
    progress = false;
    const left = m - decidedCount(state);
    if (left <= 0) break;
    const level = rule.alpha / left;
    for (const q of qs) {
      if (q.kind === 'pair') {
        if (state.pairs[q.id]!.outcome !== 'undecided') continue;
        const d = decide(logRatios(q.a, q.b), level, rule, round);
        state.pairs[q.id] = d;
        if (d.outcome !== 'undecided') {
          progress = true;
          break;
        }
        continue;
      }
      const f = state.fastest[q.id]!;
      if (f.leader === null) continue;
      for (const x of q.members) {
        const s = f.slots[x]!;
        if (x === f.leader || s.state !== 'open') continue;
        const d = decide(logRatios(x, f.leader), level, rule, round);
        if (d.outcome === 'slower') f.slots[x] = { state: 'slower', than: f.leader, decision: d };
        else if (d.outcome === 'equivalent') f.slots[x] = { state: 'tied', leader: f.leader, decision: d };
        else f.slots[x] = { state: 'open', last: d };
        if (f.slots[x]!.state !== 'open') {
          progress = true;
          break;
        }
      }
      if (progress) break;
    }
  }
  return state;
}

/** Whether a fastest question is decided: every member but the leader is slower or tied with it. */
export const fastestDecided = (f: FamilyState['fastest'][string]): boolean => f.leader !== null && Object.entries(f.slots).every(([x, s]) => x === f.leader || s.state !== 'open');

/**
 * The results still needed after a look: both sides of an undecided pair; every member of an undecided
 * fastest question that is still racing (open, tied, or the leader). A result in no question is not
 * needed by the findings (the bench keeps its baseline beside the needed ones).
 */
export function neededResults(qs: readonly Question[], state: FamilyState): Set<string> {
  const needed = new Set<string>();
  for (const q of qs) {
    if (q.kind === 'pair') {
      if (state.pairs[q.id]!.outcome === 'undecided') needed.add(q.a).add(q.b);
      continue;
    }
    const f = state.fastest[q.id]!;
    if (fastestDecided(f)) continue;
    for (const x of q.members) if (f.slots[x]!.state !== 'slower') needed.add(x);
  }
  return needed;
}
