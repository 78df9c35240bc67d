// The sensitivity study's numbers, from recorded runs (pure; run.ts records, analyse.ts prints).
// Real tries: how often each method flagged each result. Simulation: the same decision rules on
// thousands of tries resampled from the recorded runs, for a grid of slowdowns.
import type { RunDocument, CompareDocument, OkResult } from '@arena/contract';
import { wallStats } from '@arena/hyperfine-wrapper';
import { pairedChange, pairedDiff } from '../../apps/collector/src/compare/paired.ts';
import { compareRuns, type DiffRow } from '../../apps/collector/src/diff/compare.ts';
import { resultKey } from '../../apps/collector/src/diff/key.ts';
import { holm } from '../../apps/collector/src/stats/adjust.ts';

/** A deterministic generator (mulberry32): the simulation is repeatable from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A compare's two timed sides; the sensitivity study records time compares only. */
export function timed(doc: CompareDocument): { a: RunDocument; b: RunDocument } {
  if (!doc.a.run || !doc.b.run) throw new Error(`compare ${doc.id} has no timed results (--metric instructions): the study reads time compares`);
  return { a: doc.a.run, b: doc.b.run };
}

/** The results flagged as changed by a diff (significant rows), by key, with their direction. */
export const flagged = (rows: DiffRow[]): Map<string, 'slower' | 'faster'> => new Map(rows.filter((r) => r.significant).map((r) => [r.key, (r.deltaPct ?? 0) > 0 ? 'slower' : 'faster']));

/** What `arena compare` flagged in one recorded compare. */
export const compareFlags = (doc: CompareDocument) => flagged(pairedDiff({ doc: timed(doc).a, file: 'a' }, { doc: timed(doc).b, file: 'b' }).rows);

/** Each compared result's measured change in one recorded compare: B/A − 1, as pairedDiff estimates it. */
export const compareDeltas = (doc: CompareDocument) =>
  new Map(pairedDiff({ doc: timed(doc).a, file: 'a' }, { doc: timed(doc).b, file: 'b' }).rows.flatMap((r) => (r.deltaPct === null ? [] : [[r.key, r.deltaPct / 100] as const])));

/** What `arena diff --noise noisePct` flags between two recorded benches. */
export const diffFlags = (a: RunDocument, b: RunDocument, noisePct: number) => flagged(compareRuns({ doc: a, file: 'a' }, { doc: b, file: 'b' }, 0.05, { noisePct, source: 'option' }).rows);

const ok = (doc: RunDocument) => doc.results.filter((r): r is OkResult => r.status === 'ok');

/** Each result's per-round log ratios B/A in A/A compares: the paired noise, pooled over tries. */
export function pairedNoise(aa: CompareDocument[]): Map<string, number[]> {
  const pool = new Map<string, number[]>();
  for (const doc of aa) {
    const b = new Map(ok(timed(doc).b).map((r) => [resultKey(r), r]));
    for (const ra of ok(timed(doc).a)) {
      const rb = b.get(resultKey(ra));
      if (!rb) continue;
      const logs = perRoundLogs(ra.wallS, rb.wallS);
      pool.set(resultKey(ra), [...(pool.get(resultKey(ra)) ?? []), ...logs]);
    }
  }
  return pool;
}

function perRoundLogs(a: { times: number[]; round: number[] }, b: { times: number[]; round: number[] }): number[] {
  const med = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const byRound = (w: { times: number[]; round: number[] }) => {
    const m = new Map<number, number[]>();
    w.times.forEach((t, i) => {
      m.set(w.round[i]!, [...(m.get(w.round[i]!) ?? []), t]);
    });
    return new Map([...m].map(([r, ts]) => [r, med(ts)]));
  };
  const [ma, mb] = [byRound(a), byRound(b)];
  return [...ma].flatMap(([r, x]) => (mb.has(r) ? [Math.log(mb.get(r)! / x)] : []));
}

/** How often a method flags: the share of tries flagging the whole suite (any result) and each result. */
export interface Rates {
  tries: number;
  /** Tries in which any result was flagged (for an unchanged suite: the family-wise false alarm rate). */
  any: number;
  /** Tries in which each result was flagged as slower. */
  slower: Map<string, number>;
}

const rate = (hits: number, tries: number) => (tries ? hits / tries : 0);

/**
 * `compare` on resampled tries: each try draws `rounds` per-round log ratios per result from its
 * pooled A/A noise, each with a random sign (under no change the paired ratio is symmetric about
 * 1), adds log(1 + slowdown) to the results in `slowed`, and judges the family as pairedDiff does
 * (signed-rank p per result, Holm over the family, alpha 0.05).
 */
export function simulateCompare(noise: Map<string, number[]>, o: { rounds: number; slowdown: number; slowed: Set<string>; tries: number; seed: number }): Rates {
  const next = rng(o.seed);
  const keys = [...noise.keys()];
  let any = 0;
  const slower = new Map(keys.map((k) => [k, 0]));
  const round = Array.from({ length: o.rounds }, (_, i) => i + 1);
  const ones = { times: round.map(() => 1), round };
  for (let t = 0; t < o.tries; t++) {
    const changes = keys.map((k) => {
      const pool = noise.get(k)!;
      const shift = o.slowed.has(k) ? Math.log(1 + o.slowdown) : 0;
      const logs = round.map(() => (next() < 0.5 ? -1 : 1) * pool[Math.floor(next() * pool.length)]! + shift);
      return pairedChange(ones, { times: logs.map(Math.exp), round })!;
    });
    const adjusted = holm(changes.map((c) => c.p));
    let hit = false;
    keys.forEach((k, i) => {
      if (adjusted[i]! < 0.05) {
        hit = true;
        if (changes[i]!.ratio > 1) slower.set(k, slower.get(k)! + 1);
      }
    });
    if (hit) any++;
  }
  return { tries: o.tries, any: rate(any, o.tries), slower: new Map([...slower].map(([k, v]) => [k, rate(v, o.tries)])) };
}

/** A bench resampled: its rounds drawn with replacement (runs keep their round), each time × factor for the slowed results. */
function resampleBench(doc: RunDocument, next: () => number, factor: (key: string) => number): RunDocument {
  const results = doc.results.map((r) => {
    if (r.status !== 'ok') return r;
    const rounds = [...new Set(r.wallS.round)];
    const times: number[] = [];
    const round: number[] = [];
    rounds.forEach((_, i) => {
      const pick = rounds[Math.floor(next() * rounds.length)]!;
      r.wallS.times.forEach((x, j) => {
        if (r.wallS.round[j] === pick) {
          times.push(x * factor(resultKey(r)));
          round.push(i + 1);
        }
      });
    });
    return { ...r, wallS: wallStats(times, round) };
  });
  return { ...doc, results };
}

/**
 * Two separate benches + `diff` on resampled tries: A and B are two different recorded benches of
 * the unchanged code (so the drift between runs minutes apart is in the sample), each resampled by
 * rounds; B's slowed results are multiplied by 1 + slowdown; judged as `arena diff --noise` does.
 */
export function simulateDiff(benches: RunDocument[], o: { slowdown: number; slowed: Set<string>; noisePct: number; tries: number; seed: number }): Rates {
  if (benches.length < 2) throw new Error('the diff simulation needs at least two recorded benches of the same code');
  const next = rng(o.seed);
  const keys = ok(benches[0]!).map(resultKey);
  let any = 0;
  const slower = new Map(keys.map((k) => [k, 0]));
  for (let t = 0; t < o.tries; t++) {
    const i = Math.floor(next() * benches.length);
    let j = Math.floor(next() * (benches.length - 1));
    if (j >= i) j++;
    const a = resampleBench(benches[i]!, next, () => 1);
    const b = resampleBench(benches[j]!, next, (k) => (o.slowed.has(k) ? 1 + o.slowdown : 1));
    const flags = diffFlags(a, b, o.noisePct);
    if (flags.size) any++;
    for (const [k, d] of flags) if (d === 'slower' && slower.has(k)) slower.set(k, slower.get(k)! + 1);
  }
  return { tries: o.tries, any: rate(any, o.tries), slower: new Map([...slower].map(([k, v]) => [k, rate(v, o.tries)])) };
}

/** The smallest slowdown of `grid` whose power reaches `power` (default 0.8), or null when none does. */
export function smallestSeen(powerAt: Array<{ slowdown: number; power: number }>, power = 0.8): number | null {
  return [...powerAt].sort((x, y) => x.slowdown - y.slowdown).find((p) => p.power >= power)?.slowdown ?? null;
}
