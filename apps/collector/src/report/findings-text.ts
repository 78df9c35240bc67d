import type { Findings, Flip, Verdict, Way, WasmVsNative } from './findings.ts';
import type { RatioCi } from './ratio.ts';
import { ciText, NOT_SIGNIFICANT, ratioCiText, ratioText } from './ratio-text.ts';

/** One bullet: a bold lead, its sentence, and sub-bullets. */
export interface FindingItem {
  lead: string;
  text: string;
  sub: string[];
}

/** A titled list of bullets; workload is null for the cross-workload section. */
export interface FindingSection {
  title: string;
  workload: string | null;
  items: FindingItem[];
}

const VERDICT: Record<Verdict, string> = {
  faster: 'wasm faster',
  slower: 'wasm slower',
  same: 'no significant difference',
  equivalent: 'as fast within the margin',
  undecided: 'undecided',
};

/** `2.42× c-native (1.50–1.51)`, `~1.00× c-native (0.99–1.01)`: the ratio, what it is relative to, then its CI. */
export function relativeText(r: RatioCi, to: string): string {
  const mark = r.significant === false && r.method !== 'reference' ? NOT_SIGNIFICANT : '';
  return `${mark}${ratioText(r.ratio)} ${to}${r.ci ? ` (${ciText(r.ci)})` : ''}`;
}

/** `~1.01×, CI 0.99–1.03`: a ratio inside brackets. */
export function inlineText(r: RatioCi): string {
  const mark = r.significant === false && r.method !== 'reference' ? NOT_SIGNIFICANT : '';
  return `${mark}${ratioText(r.ratio)}${r.ci ? `, CI ${ciText(r.ci)}` : ''}`;
}

/** Nanoseconds for people: whole numbers from 100 ns on. */
const nsText = (ns: number) => `${ns >= 100 ? Math.round(ns).toLocaleString('en-US') : ns.toFixed(1)} ns`;

/**
 * `threads-js [node=20]: 703.7 ms (95 % CI 700.1–707.0 ms), 2.42× c-native (2.40–2.45); the runner-up,
 * threads-wasi [module=go, node=20], is 1.05× slower (1.02–1.08)`.
 */
export function wayText(w: Way): string {
  const perCall = w.nsPerCall === null ? '' : `, ${nsText(w.nsPerCall.wall)} per call${w.nsPerCall.compute === null ? '' : ` (compute ${nsText(w.nsPerCall.compute)})`}`;
  const base = w.vsBaseline ? `, ${relativeText(w.vsBaseline, 'c-native')}` : '';
  const d = w.decision;
  const margin = d
    ? [
        d.tied.length ? `; tied within the margin with ${d.tied.join(', ')}` : '',
        w.runnerUp && !d.tied.includes(w.runnerUp.label) ? `; the closest runner-up, ${w.runnerUp.label}, is ${inlineText(w.runnerUp.ratio)}` : '',
        d.decided ? '' : `; undecided against ${d.undecided.join(', ')}`,
      ].join('')
    : !w.runnerUp
      ? ''
      : w.runnerUp.ratio.significant
        ? `; the runner-up, ${w.runnerUp.label}, is ${relativeText(w.runnerUp.ratio, 'slower')}`
        : `; statistically tied with the runner-up, ${w.runnerUp.label} (${inlineText(w.runnerUp.ratio)})`;
  const ms = (s: number) => (s * 1000).toFixed(1);
  return `${w.label}: ${ms(w.medianS)} ms (95 % CI ${ms(w.ci95.low)}–${ms(w.ci95.high)} ms)${perCall}${base}${margin}`;
}

/** Per host, each producer: `clang 0.30× (0.30–0.31), wasm faster`. */
function wasmItems(xs: WasmVsNative[]): string[] {
  const hosts = [...new Set(xs.map((x) => `${x.host} against ${x.native}`))];
  return hosts.map((h) => {
    const parts = xs.filter((x) => `${x.host} against ${x.native}` === h).map((x) => `${x.producer} ${ratioCiText(x.ratio)}, ${VERDICT[x.verdict]}`);
    return `${h}: ${parts.join('; ')}`;
  });
}

function flipText(f: Flip): FindingItem {
  const answers = f.answers.map((a) => {
    if (f.kind !== 'wasm-vs-native') return `${a.answer} on ${a.workload}`;
    return `${VERDICT[a.answer as Verdict]} on ${a.workload} (${inlineText(a.ratio!)})`;
  });
  const lead = f.kind === 'wasm-vs-native' ? f.subject : f.subject[0]!.toUpperCase() + f.subject.slice(1);
  return { lead, text: answers.join('; '), sub: [] };
}

/** The findings as sections of sentences, every number taken from the run. */
export function findingSections(f: Findings): FindingSection[] {
  const perWorkload = f.workloads.map(
    (w): FindingSection => ({
      title: w.streamed ? `${w.workload} (streamed: also ns per kernel call)` : w.workload,
      workload: w.workload,
      items: [
        { lead: 'Fastest JavaScript way', text: w.fastestNode ? wayText(w.fastestNode) : 'no JavaScript result', sub: [] },
        { lead: 'Fastest Go way', text: w.fastestGo ? wayText(w.fastestGo) : 'no Go result', sub: [] },
        w.wasmVsNative.length
          ? { lead: 'Wasm against native, per host', text: "wasm time over the same host family's native time (below 1× wasm is faster)", sub: wasmItems(w.wasmVsNative) }
          : { lead: 'Wasm against native', text: 'no wasm result has a native twin on this workload', sub: [] },
      ],
    }),
  );
  const flips: FindingSection = {
    title: 'Where the answer flips between workloads',
    workload: null,
    items:
      f.workloads.length < 2
        ? [{ lead: 'One workload', text: 'nothing to compare', sub: [] }]
        : f.flips.length
          ? f.flips.map(flipText)
          : [{ lead: 'No flips', text: 'every answer above is the same on every workload', sub: [] }],
  };
  return [...perWorkload, flips];
}

/** How the findings were decided, in one sentence (older runs are labelled as not sequentially decided). */
export function decidedNote(f: Findings): string {
  const r = f.rule;
  if (!r) return 'Not sequentially decided: this run predates recorded decisions (schema 8); its findings are recomputed from its data, each ratio judged alone by its 95 % CI.';
  const how =
    r.method === 'sequential'
      ? `decided while measuring: looked at after every round from round ${r.firstLook} to ${r.lastLook}, against Pocock's group-sequential boundary over the looks, with a sequential Holm over each workload's findings`
      : "decided once after the last round, with Holm over each workload's findings";
  return `Decisions: equivalent within δ = ${r.marginPct} % when the ${Math.round((1 - 2 * r.alpha) * 100)} % two-one-sided interval lies inside [1/(1+δ), 1+δ], else faster or slower when the ${Math.round((1 - r.alpha) * 100)} % interval excludes 1×, else undecided; ${how}; ${Math.round(r.alpha * 100)} % error per workload.`;
}
