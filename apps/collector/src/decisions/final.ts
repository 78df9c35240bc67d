import { decideFamily, type FamilyState, type Measured, type DecisionPlan, startFamily, withoutFailed } from '@arena/hyperfine-wrapper';
import { roundRatios } from '@arena/hyperfine-wrapper';

/**
 * The findings of a run measured without sequential decisions (precise, quick, article), decided in
 * one look after its last round: all of each comparison's α at that look (the fixed-sample test),
 * with Holm over the family — the same code as the sequential rule, with one planned look.
 */
export function decideOnce(plan: DecisionPlan, measured: readonly Measured[]): Record<string, FamilyState> {
  const ok = new Map(measured.flatMap((m) => (m.status === 'ok' ? [[m.target.key, m] as const] : [])));
  const failed = new Set(measured.filter((m) => m.status === 'failed').map((m) => m.target.key));
  const logRatios = (a: string, b: string) => {
    const x = ok.get(a);
    const y = ok.get(b);
    return x && y ? roundRatios(x, y).map(Math.log) : [];
  };
  const families: Record<string, FamilyState> = {};
  for (const [table, all] of Object.entries(plan.questions)) {
    const qs = withoutFailed(all, failed);
    const rounds = Math.max(0, ...measured.filter((m) => m.target.table === table && m.status === 'ok').flatMap((m) => (m.status === 'ok' ? m.round : [])));
    const look = Math.max(rounds, 1);
    families[table] = decideFamily(qs, startFamily(all), logRatios, { ...plan.rule, firstLook: look, lastLook: look }, look);
  }
  return families;
}
