// Judging simulated decisions against the truths their times were drawn from.
import { type FamilyState, isWrong, type Question } from '@arena/hyperfine-wrapper';

/** The wrong decisions of one family, judged against the true times. */
export function wrongIn(qs: readonly Question[], fam: FamilyState, truth: ReadonlyMap<string, number>, marginPct: number): number {
  let wrong = 0;
  const ratio = (a: string, b: string) => truth.get(a)! / truth.get(b)!;
  for (const q of qs) {
    if (q.kind === 'pair') {
      if (isWrong(fam.pairs[q.id]!.outcome, ratio(q.a, q.b), marginPct)) wrong++;
      continue;
    }
    for (const [x, s] of Object.entries(fam.fastest[q.id]!.slots)) {
      if (s.state === 'slower' && isWrong('slower', ratio(x, s.than), marginPct)) wrong++;
      if (s.state === 'tied' && isWrong('equivalent', ratio(x, s.leader), marginPct)) wrong++;
    }
  }
  return wrong;
}

/** Whether a question's finding is decided: a pair's outcome, or every member of a fastest question but its leader. */
export const isDecided = (q: Question, fam: FamilyState): boolean =>
  q.kind === 'pair' ? fam.pairs[q.id]!.outcome !== 'undecided' : Object.entries(fam.fastest[q.id]!.slots).every(([x, s]) => x === fam.fastest[q.id]!.leader || s.state !== 'open');
