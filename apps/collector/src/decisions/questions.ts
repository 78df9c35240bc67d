import type { OkResult, VariantResult } from '@arena/contract';
import type { DecisionPlan, DecisionRule, Question, Target } from '@arena/hyperfine-wrapper';
import { placeResults } from '../report/hosts.ts';
import { nativeTwin } from '../report/twins.ts';
import { isVariation, referenceParameters } from '@arena/suite';

const sameParameters = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** A target as the placement code sees a result: what it is, not what it measured. */
const asResult = (t: Target): OkResult =>
  ({
    status: 'ok',
    variant: t.variant,
    parameters: t.parameters,
    workload: t.asked.workload,
    ...(t.twin === undefined ? {} : { twin: t.twin }),
    runtime: t.runtime ?? null,
    goToolchain: t.goToolchain ?? null,
  }) as unknown as OkResult;

/**
 * What the report's findings ask of each table, from the targets alone (before anything is timed),
 * through the same placement and twin rules the report uses: every wasm result against its native
 * twin, and the fastest Node and the fastest Go result. c-native (the native host) is kept beside
 * them, since every table's ratios are to it.
 */
export function questionsOf(targets: readonly Target[], rule: DecisionRule): DecisionPlan {
  const plan: DecisionPlan = { rule, questions: {}, keep: {} };
  const tables = new Map<string, Target[]>();
  for (const t of targets) tables.set(t.table, [...(tables.get(t.table) ?? []), t]);
  for (const [table, all] of tables) {
    // Variations (a setting, warm calls) answer one question each, against the same host at its
    // defaults with one call at their size; the findings' questions are asked of plain results only.
    const ts = all.filter((t) => !isVariation(t.parameters));
    const variationQs: Question[] = all.flatMap((t): Question[] => {
      const ref = referenceParameters(t.parameters);
      const other = ref && all.find((o) => o.variant === t.variant && sameParameters(o.parameters, ref));
      return other ? [{ kind: 'pair', id: `${t.key} against ${other.key}`, a: t.key, b: other.key }] : [];
    });
    const results = ts.map(asResult);
    const keyOf = new Map<VariantResult, string>(results.map((r, i) => [r, ts[i]!.key]));
    const places = placeResults(results);
    const qs: Question[] = [];
    for (const r of results) {
      const twin = nativeTwin(results, places, r);
      if (twin) qs.push({ kind: 'pair', id: `${keyOf.get(r)} against ${keyOf.get(twin)}`, a: keyOf.get(r)!, b: keyOf.get(twin)! });
    }
    for (const kind of ['node', 'go'] as const) {
      const members = results.filter((r) => places.get(r)!.kind === kind).map((r) => keyOf.get(r)!);
      if (members.length > 1) qs.push({ kind: 'fastest', id: `fastest ${kind}`, members });
    }
    plan.questions[table] = [...qs, ...variationQs];
    plan.keep[table] = results.filter((r) => places.get(r)!.kind === 'native').map((r) => keyOf.get(r)!);
  }
  return plan;
}
