import type { ComparisonDecisionDoc, OkResult, RunDocument, VariantResult } from '@arena/contract';
import { isVariation, referenceParameters, resultLabel } from '@arena/suite';
import type { Table } from '../format.ts';
import { placeResults } from './hosts.ts';
import { timeRatio, type RatioCi } from './ratio.ts';
import { ratioCiText, ratioText } from './ratio-text.ts';
import { nativeTwin } from './twins.ts';

/** The run without its variations (settings, warm calls, their sizes): what the findings, matrices and tables show. */
export const plainRun = (doc: RunDocument): RunDocument => ({ ...doc, results: doc.results.filter((r) => !isVariation(r.parameters)) });

const same = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
const isOk = (r: VariantResult): r is OkResult => r.status === 'ok';
const find = (doc: RunDocument, variant: string, workload: string, parameters: Record<string, string>) =>
  doc.results.filter(isOk).find((r) => r.variant === variant && r.workload === workload && same(r.parameters, parameters));

/** A ratio as the run decided it, when it did (the default profile), else from the runs. */
function ratioOf(doc: RunDocument, a: OkResult, b: OkResult): { ratio: RatioCi; outcome: string } {
  const id = `${resultLabel(a)} against ${resultLabel(b)}`;
  const d: ComparisonDecisionDoc | undefined = doc.decisions?.workloads.flatMap((w) => w.pairs).find((p) => p.id === id);
  if (d && d.ratio !== null) {
    return { ratio: { ratio: d.ratio, ci: d.interval, significant: d.outcome === 'faster' || d.outcome === 'slower', method: 'paired-rounds' }, outcome: d.outcome };
  }
  const ratio = timeRatio(a.wallS, b.wallS);
  return { ratio, outcome: ratio.significant ? (ratio.ratio < 1 ? 'faster' : 'slower') : 'not significant' };
}

/** The twin verdict words of a ratio: below 1 the wasm host is faster. */
const verdict = (r: RatioCi, estimate: boolean) => (estimate ? `≈${ratioText(r.ratio)}` : ratioCiText(r));

/** One setting result against its host's defaults, and what that does to the wasm-against-native answer. */
export interface SettingRow {
  workload: string;
  host: string;
  producer: string;
  setting: string;
  size: number;
  /** Its host's default setting at that size, and the setting's time over it (below 1: the setting is faster). */
  defaultMs: number;
  tunedMs: number;
  gain: RatioCi;
  outcome: string;
  /** Against the native twin at defaults: the default's ratio and the tuned one (an estimate through the default when the sizes differ); null without a twin. */
  twin: { native: string; before: RatioCi; after: RatioCi; estimate: boolean; flips: boolean } | null;
}

/** A side of the twin question: faster or slower when its interval (or, for an estimate, its value) is clear of 1. */
const side = (r: RatioCi, estimate: boolean) => (estimate ? (r.ratio < 1 ? 'faster' : 'slower') : r.significant ? (r.ratio < 1 ? 'faster' : 'slower') : 'unclear');

/** Every ok result run with a setting, against the same host at its defaults (same module, runtime and size). */
export function settingRows(doc: RunDocument): SettingRow[] {
  const places = placeResults(plainRun(doc).results);
  const plain = plainRun(doc).results;
  return doc.results.filter(isOk).flatMap((r): SettingRow[] => {
    if (r.parameters.settings === undefined || r.parameters.calls !== undefined) return [];
    const ref = find(doc, r.variant, r.workload, referenceParameters(r.parameters)!);
    if (!ref) return [];
    const { ratio: gain, outcome } = ratioOf(doc, r, ref);
    const { size: sized, ...hostParameters } = referenceParameters(r.parameters)!;
    const atDefault = sized === undefined ? ref : find(doc, r.variant, r.workload, hostParameters);
    const placed = atDefault ? places.get(atDefault) : undefined;
    const twinResult = atDefault && placed ? nativeTwin(plain, places, atDefault) : undefined;
    let twin: SettingRow['twin'] = null;
    if (atDefault && twinResult) {
      const before = timeRatio(atDefault.wallS, twinResult.wallS);
      // Same size: the tuned result and the twin share rounds. A slow setting's size differs: its gain times the default's ratio.
      const estimate = sized !== undefined;
      const after = estimate ? { ratio: gain.ratio * before.ratio, ci: null, significant: null, method: 'none' as const } : timeRatio(r.wallS, twinResult.wallS);
      const flips = side(before, false) !== 'unclear' && side(after, estimate) !== 'unclear' && side(before, false) !== side(after, estimate);
      twin = { native: places.get(twinResult)!.host, before, after, estimate, flips };
    }
    const p = placed ?? placeResults([r]).get(r)!;
    return [
      {
        workload: r.workload,
        host: p.host,
        producer: p.producer,
        setting: r.parameters.settings,
        size: r.size,
        defaultMs: ref.wallS.median * 1000,
        tunedMs: r.wallS.median * 1000,
        gain,
        outcome,
        twin,
      },
    ];
  });
}

/** One warm-calls result: its first and later calls, and its wall time against one call at the same size. */
export interface CallsRow {
  workload: string;
  host: string;
  producer: string;
  calls: number;
  size: number;
  firstCallMs: number | null;
  laterCallMs: number | null;
  /** Wall time of N calls over one call, at the same size. */
  wall: RatioCi | null;
}

/** Every ok result run with warm calls. */
export function callsRows(doc: RunDocument): CallsRow[] {
  return doc.results.filter(isOk).flatMap((r): CallsRow[] => {
    if (r.parameters.calls === undefined) return [];
    const ref = find(doc, r.variant, r.workload, referenceParameters(r.parameters)!);
    const { size, calls, settings, ...hostParameters } = r.parameters;
    void size;
    void calls;
    void settings;
    const p = placeResults([r]).get(r)!;
    const host = [
      r.variant,
      ...Object.entries(hostParameters)
        // As the matrices name hosts: a JavaScript host's `go` names its module's Go, not the host.
        .filter(([k]) => k !== 'module' && !(k === 'go' && r.runtime !== null))
        .map(([k, v]) => `${k} ${v}`),
    ].join(' · ');
    return [
      {
        workload: r.workload,
        host,
        producer: p.producer,
        calls: Number(r.parameters.calls),
        size: r.size,
        firstCallMs: r.phasesMs.firstCallMs ?? null,
        laterCallMs: r.phasesMs.laterCallMs ?? null,
        wall: ref ? ratioOf(doc, r, ref).ratio : null,
      },
    ];
  });
}

const msText = (x: number | null) => (x === null ? '–' : x.toFixed(1));

/** Per workload, the settings table: each setting against its host's defaults, and against the native twin. */
export function settingsTables(doc: RunDocument): Array<{ workload: string; table: Table }> {
  const rows = settingRows(doc);
  return [...new Set(rows.map((r) => r.workload))].map((workload) => {
    const here = rows.filter((r) => r.workload === workload);
    // The best setting per host and module: the smallest gain ratio.
    const best = new Map<string, SettingRow>();
    for (const r of here) {
      const k = `${r.host}\u0000${r.producer}`;
      if (!best.has(k) || r.gain.ratio < best.get(k)!.gain.ratio) best.set(k, r);
    }
    return {
      workload,
      table: {
        header: ['host', 'module', 'setting', 'size', 'default ms', 'tuned ms', 'tuned / default', 'decided', 'twin at defaults', 'tuned / twin', 'answer'],
        right: [3, 4, 5],
        rows: here.map((r) => [
          r.host,
          r.producer,
          `${r.setting}${best.get(`${r.host}\u0000${r.producer}`) === r ? ' ★' : ''}`,
          String(r.size),
          r.defaultMs.toFixed(1),
          r.tunedMs.toFixed(1),
          ratioCiText(r.gain),
          r.outcome,
          r.twin ? `${r.twin.native}: ${ratioCiText(r.twin.before)}` : '–',
          r.twin ? verdict(r.twin.after, r.twin.estimate) : '–',
          r.twin ? (r.twin.flips ? `flips: ${side(r.twin.before, false)} → ${side(r.twin.after, r.twin.estimate)}` : 'unchanged') : '–',
        ]),
      },
    };
  });
}

/** Per workload, the warm-calls table: first call, later calls, and their ratio. */
export function callsTables(doc: RunDocument): Array<{ workload: string; table: Table }> {
  const rows = callsRows(doc);
  return [...new Set(rows.map((r) => r.workload))].map((workload) => ({
    workload,
    table: {
      header: ['host', 'module', 'calls', 'size', 'first call ms', 'later call ms', 'first / later', `N calls / 1 call (wall)`],
      right: [2, 3, 4, 5, 6],
      rows: rows
        .filter((r) => r.workload === workload)
        .map((r) => [
          r.host,
          r.producer,
          String(r.calls),
          String(r.size),
          msText(r.firstCallMs),
          msText(r.laterCallMs),
          r.firstCallMs !== null && r.laterCallMs ? ratioText(r.firstCallMs / r.laterCallMs) : '–',
          r.wall ? ratioCiText(r.wall) : '–',
        ]),
    },
  }));
}

/**
 * Warm calls of a wasm host against its native twin's warm calls (same calls, size and host
 * parameters): later calls over later calls, a point estimate from the phases' medians, beside the
 * cold answer (one call at the profile's size).
 */
export function warmTwinRows(doc: RunDocument): Array<{ workload: string; host: string; producer: string; native: string; calls: number; cold: RatioCi; warm: number; flips: boolean }> {
  const plain = plainRun(doc).results;
  const places = placeResults(plain);
  return doc.results.filter(isOk).flatMap((r) => {
    if (r.parameters.calls === undefined || r.parameters.module === undefined || r.twin === undefined || r.phasesMs.laterCallMs === undefined) return [];
    const { module, ...rest } = r.parameters;
    const twinWarm = find(doc, r.twin, r.workload, rest);
    const { calls, size, ...hostParameters } = rest;
    void size;
    const cold = find(doc, r.variant, r.workload, { module: module!, ...hostParameters });
    const coldTwin = cold && nativeTwin(plain, places, cold);
    if (!twinWarm?.phasesMs.laterCallMs || !cold || !coldTwin) return [];
    const before = timeRatio(cold.wallS, coldTwin.wallS);
    const warm = r.phasesMs.laterCallMs / twinWarm.phasesMs.laterCallMs;
    const flips = side(before, false) !== 'unclear' && side(before, false) !== side({ ratio: warm, ci: null, significant: null, method: 'none' }, true);
    return [{ workload: r.workload, host: places.get(cold)!.host, producer: module!, native: places.get(coldTwin)!.host, calls: Number(calls), cold: before, warm, flips }];
  });
}

/** The findings lines of the variations: every setting, and every warm-up, that flips a wasm-against-native answer. */
export function variationFindings(doc: RunDocument): string[] {
  const settings = settingRows(doc)
    .filter((r) => r.twin?.flips)
    .map(
      (r) =>
        `${r.workload}: ${r.host} [${r.producer}] with ${r.setting} turns ${side(r.twin!.before, false)} than ${r.twin!.native} (${ratioCiText(r.twin!.before)}) into ${side(r.twin!.after, r.twin!.estimate)} (${verdict(r.twin!.after, r.twin!.estimate)}${r.twin!.estimate ? `, an estimate at size ${r.size}` : ''})`,
    );
  const warm = warmTwinRows(doc)
    .filter((r) => r.flips)
    .map(
      (r) =>
        `${r.workload}: ${r.host} [${r.producer}] is ${side(r.cold, false)} than ${r.native} in one cold call (${ratioCiText(r.cold)}), ${r.warm < 1 ? 'faster' : 'slower'} once warm (later calls of ${r.calls}: ≈${ratioText(r.warm)})`,
    );
  return [...settings, ...warm];
}
