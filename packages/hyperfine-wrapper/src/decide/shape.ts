import type { Question } from './family.ts';
import type { SimulatedResult } from './simulate.ts';
import type { DecisionPlan } from './stop.ts';
import type { DecisionRule } from './family.ts';

/** One result of a suite's shape: its family (node, go, or the native baseline), its twin, its true time. */
export interface ShapedResult {
  key: string;
  kind: 'node' | 'go' | 'baseline';
  /** The native result a wasm result is compared with; absent for native results. */
  twin?: string;
  baseS: number;
}

/** A suite's shape: per workload (table), its results. */
export type SuiteShape = Record<string, ShapedResult[]>;

/**
 * The questions the report's findings ask of one table, from its shape: every wasm result against its
 * twin, the fastest of the Node results and of the Go results; the baseline is kept beside them.
 */
export function questionsOfShape(table: string, results: readonly ShapedResult[]): { questions: Question[]; keep: string[] } {
  const pairs: Question[] = results.flatMap((r) => (r.twin ? [{ kind: 'pair' as const, id: `${table}: ${r.key} against ${r.twin}`, a: r.key, b: r.twin }] : []));
  const fastest: Question[] = (['node', 'go'] as const).flatMap((kind) => {
    const members = results.filter((r) => r.kind === kind).map((r) => r.key);
    return members.length > 1 ? [{ kind: 'fastest' as const, id: `${table}: fastest ${kind}`, members }] : [];
  });
  return { questions: [...pairs, ...fastest], keep: results.filter((r) => r.kind === 'baseline').map((r) => r.key) };
}

/** A shape as simulated results and the decision plan over them; keys are made unique as `<table> · <key>`, as targets' are. */
export function simulatedSuite(shape: SuiteShape, rule: DecisionRule): { results: SimulatedResult[]; decisions: DecisionPlan } {
  const unique = (table: string, rs: readonly ShapedResult[]): ShapedResult[] => rs.map((r) => ({ ...r, key: `${table} · ${r.key}`, ...(r.twin ? { twin: `${table} · ${r.twin}` } : {}) }));
  const results = Object.entries(shape).flatMap(([table, rs]) => unique(table, rs).map((r) => ({ key: r.key, table, baseS: r.baseS })));
  const decisions: DecisionPlan = { rule, questions: {}, keep: {} };
  for (const [table, rs] of Object.entries(shape)) {
    const q = questionsOfShape(table, unique(table, rs));
    decisions.questions[table] = q.questions;
    decisions.keep[table] = q.keep;
  }
  return { results, decisions };
}
