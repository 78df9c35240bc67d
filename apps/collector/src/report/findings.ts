import type { ComparisonDecisionDoc, OkResult, RunDecisions, RunDocument } from '@arena/contract';
import { isSizedTable, resultLabel, variantLabel } from '@arena/suite';
import { nsPerCall } from './calls.ts';
import { placeResults, type HostKind } from './hosts.ts';
import { baselineOf } from './matrix.ts';
import { timeRatio, type RatioCi } from './ratio.ts';
import { nativeTwin } from './twins.ts';
import { plainRun } from './variations.ts';

/** The fastest result of one runtime family on one workload. */
export interface Way {
  /** variant [parameters], e.g. `threads-wasi [module=clang, node=20]`. */
  label: string;
  host: string;
  producer: string;
  medianS: number;
  ci95: { low: number; high: number };
  /** For a streamed workload (size = calls per worker): median wall and compute time per call, in ns; else null. */
  nsPerCall: { wall: number; compute: number | null } | null;
  /** Its wall time over c-native's (null without an ok c-native). */
  vsBaseline: RatioCi | null;
  /** The second fastest of the family, and how much slower it is than this one. */
  runnerUp: { label: string; ratio: RatioCi } | null;
  /** In a decided run: whether the family's fastest is decided, and who is tied with it within the margin; null for older runs. */
  decision: { decided: boolean; tied: string[]; undecided: string[] } | null;
}

/**
 * Whether a wasm result beats its native twin. Decided runs (schema 8): faster, slower, equivalent
 * (within the margin) or undecided, as the run's decisions say. Older runs: faster or slower when the
 * 95 % CI excludes 1×, else same — not sequentially decided.
 */
export type Verdict = 'faster' | 'slower' | 'same' | 'equivalent' | 'undecided';

/** A wasm result against the native variant of its host family, e.g. threads-wasi [clang] against threads-js. */
export interface WasmVsNative {
  host: string;
  producer: string;
  /** The native twin's host label. */
  native: string;
  /** Wasm time over native time (below 1×: wasm is faster). */
  ratio: RatioCi;
  verdict: Verdict;
}

/** What one workload says. */
export interface WorkloadFindings {
  workload: string;
  streamed: boolean;
  /** Among the Node-style hosts, on any JavaScript runtime (the way names it: `threads-js [bun=1.4]`). */
  fastestNode: Way | null;
  fastestGo: Way | null;
  wasmVsNative: WasmVsNative[];
}

/** An answer that changes between workloads: who or what, and the answer on each workload. */
export interface Flip {
  kind: 'fastest-node' | 'fastest-go' | 'wasm-vs-native';
  subject: string;
  answers: Array<{ workload: string; answer: string; ratio: RatioCi | null }>;
}

/** The findings section: per workload, then where the answer flips between workloads. */
export interface Findings {
  workloads: WorkloadFindings[];
  flips: Flip[];
  /** How the run decided them (its recorded rule), or null: an older run, its findings recomputed here and not sequentially decided. */
  rule: RunDecisions['rule'] | null;
}

/** A recorded comparison as a ratio with the interval that decided it. */
const decidedRatio = (d: ComparisonDecisionDoc): RatioCi => ({
  ratio: d.ratio ?? Number.NaN,
  ci: d.interval,
  significant: d.outcome === 'faster' || d.outcome === 'slower',
  method: 'paired-rounds',
});

/** Faster / slower / same from a ratio's interval. */
export const verdictOf = (r: RatioCi): Verdict => (r.significant ? (r.ratio < 1 ? 'faster' : 'slower') : 'same');

/**
 * The findings of a run, from its data alone: per workload the fastest JavaScript way (any runtime) and the fastest Go
 * way (with CI, ratio to c-native and margin over the runner-up), and each wasm result against its
 * host's native twin; then every answer that differs between workloads. Pure.
 */
export function findings(full: RunDocument, streamed: ReadonlySet<string> = new Set()): Findings {
  // Settings and warm calls answer their own questions (variations.ts).
  const doc = plainRun(full);
  const places = placeResults(doc.results);
  const ok = doc.results.filter((r): r is OkResult => r.status === 'ok');
  const byKey = new Map(ok.map((r) => [resultLabel(r), r]));
  const workloads = [...new Set(doc.results.map((r) => r.workload))].map((workload): WorkloadFindings => {
    const here = ok.filter((r) => r.workload === workload);
    // The workload's own table, not a table of a slow setting's or warm calls' size.
    const decided = doc.decisions?.workloads.find((w) => w.workload === workload && !isSizedTable(w.table)) ?? null;
    /** The way `first` is, with its runner-up and (in a decided run) how its race was decided. */
    const wayOf = (first: OkResult, runnerUp: Way['runnerUp'], decision: Way['decision']): Way => {
      const base = baselineOf(doc.results, first);
      const p = places.get(first)!;
      return {
        label: variantLabel(first),
        host: p.host,
        producer: p.producer,
        medianS: first.wallS.median,
        ci95: first.wallS.ci95,
        nsPerCall: streamed.has(workload)
          ? { wall: nsPerCall(first.wallS.median, first.size), compute: first.phasesMs.computeMs === undefined ? null : nsPerCall(first.phasesMs.computeMs / 1000, first.size) }
          : null,
        vsBaseline: base ? timeRatio(first.wallS, base.wallS) : null,
        runnerUp,
        decision,
      };
    };
    const fastest = (kind: HostKind): Way | null => {
      const [first, second] = here.filter((r) => places.get(r)!.kind === kind).sort((a, b) => a.wallS.median - b.wallS.median);
      if (!first) return null;
      return wayOf(first, second ? { label: variantLabel(second), ratio: timeRatio(second.wallS, first.wallS) } : null, null);
    };
    // A decided run's fastest is its recorded leader, its runner-up the closest member to it.
    const decidedFastest = (kind: HostKind): Way | null => {
      const f = decided?.fastest.find((x) => x.family === kind);
      const first = f?.leader ? byKey.get(f.leader) : undefined;
      if (!f || !first) return fastest(kind);
      const label = (key: string) => variantLabel(byKey.get(key)!);
      const [second] = f.members.filter((m) => m.key !== f.leader && m.decision && byKey.has(m.key)).sort((a, b) => (a.decision!.ratio ?? Infinity) - (b.decision!.ratio ?? Infinity));
      return wayOf(first, second ? { label: label(second.key), ratio: decidedRatio(second.decision!) } : null, {
        decided: f.decided,
        tied: f.members.filter((m) => m.state === 'tied').map((m) => label(m.key)),
        undecided: f.members.filter((m) => m.state === 'open' && byKey.has(m.key)).map((m) => label(m.key)),
      });
    };
    if (decided) {
      const wasmVsNative = decided.pairs.flatMap((d): WasmVsNative[] => {
        const r = byKey.get(d.a);
        const twin = byKey.get(d.b);
        if (!r || !twin) return [];
        const p = places.get(r)!;
        return [{ host: p.host, producer: p.producer, native: places.get(twin)!.host, ratio: decidedRatio(d), verdict: d.outcome }];
      });
      return { workload, streamed: streamed.has(workload), fastestNode: decidedFastest('node'), fastestGo: decidedFastest('go'), wasmVsNative };
    }
    const wasmVsNative = here.flatMap((r): WasmVsNative[] => {
      const twin = nativeTwin(doc.results, places, r);
      if (!twin) return [];
      const ratio = timeRatio(r.wallS, twin.wallS);
      const p = places.get(r)!;
      return [{ host: p.host, producer: p.producer, native: places.get(twin)!.host, ratio, verdict: verdictOf(ratio) }];
    });
    return { workload, streamed: streamed.has(workload), fastestNode: fastest('node'), fastestGo: fastest('go'), wasmVsNative };
  });
  return { workloads, flips: flipsOf(workloads), rule: doc.decisions?.rule ?? null };
}

/** The answers that are not the same on every workload that has one. */
function flipsOf(ws: WorkloadFindings[]): Flip[] {
  const flips: Flip[] = [];
  for (const [kind, pick] of [
    ['fastest-node', (w: WorkloadFindings) => w.fastestNode],
    ['fastest-go', (w: WorkloadFindings) => w.fastestGo],
  ] as const) {
    const answers = ws.flatMap((w) => {
      const way = pick(w);
      return way ? [{ workload: w.workload, answer: way.label, ratio: null }] : [];
    });
    if (new Set(answers.map((a) => a.answer)).size > 1) flips.push({ kind, subject: kind === 'fastest-node' ? 'the fastest JavaScript way' : 'the fastest Go way', answers });
  }
  const bySubject = new Map<string, Flip['answers']>();
  for (const w of ws) {
    for (const x of w.wasmVsNative) {
      const subject = `${x.host} [${x.producer}] against ${x.native}`;
      bySubject.set(subject, [...(bySubject.get(subject) ?? []), { workload: w.workload, answer: x.verdict, ratio: x.ratio }]);
    }
  }
  for (const [subject, answers] of bySubject) {
    if (new Set(answers.map((a) => a.answer)).size > 1) flips.push({ kind: 'wasm-vs-native', subject, answers });
  }
  return flips;
}
