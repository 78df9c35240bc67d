import type { RunDocument } from '@arena/contract';
import { roundRatios } from '@arena/hyperfine-wrapper';
import { compareRuns, NO_NOISE, type DiffResult, type DiffRow, type PairedChange } from '../diff/compare.ts';
import { resultKey } from '../diff/key.ts';
import { oneSampleShift } from '../report/hodges-lehmann.ts';
import { holm } from '../stats/adjust.ts';
import { wilcoxonSignedRank } from '../stats/signed-rank.ts';

type Timed = Parameters<typeof roundRatios>[0];

/** One result's per-round B/A ratios and their test, before the family's adjustment; null without shared rounds. */
export function pairedChange(a: Timed, b: Timed): Omit<PairedChange, 'pHolm'> | null {
  const logs = roundRatios(b, a).map(Math.log);
  if (logs.length === 0) return null;
  const shift = oneSampleShift(logs);
  return {
    rounds: logs.length,
    ratio: Math.exp(shift.estimate),
    ci: shift.confidence >= 0.95 - 1e-12 ? { low: Math.exp(shift.low), high: Math.exp(shift.high) } : null,
    p: wilcoxonSignedRank(logs).p,
    minP: Math.min(1, 2 / 2 ** logs.length),
  };
}

/**
 * The diff of two sides measured in shared rounds: the rows of compareRuns, judged by the paired
 * test instead of the two-sample one. A compared row is significant when its Holm-adjusted p is
 * below alpha: Holm keeps the family-wise error over all compared results at alpha, so a verdict of
 * "something changed" is wrong at most alpha of the time when nothing did, however many results
 * there are. Its Δ is the HL ratio − 1. No noise threshold: drift falls on both sides of a pair.
 */
export function pairedDiff(a: { doc: RunDocument; file: string }, b: { doc: RunDocument; file: string }, alpha = 0.05): DiffResult {
  const base = compareRuns(a, b, alpha, NO_NOISE);
  const wall = (doc: RunDocument, key: string) => {
    const r = doc.results.find((x) => resultKey(x) === key);
    return r?.status === 'ok' ? r.wallS : null;
  };
  const raw = base.rows.map((r) => {
    const [wa, wb] = [wall(a.doc, r.key), wall(b.doc, r.key)];
    return r.change === 'compared' && wa && wb ? pairedChange(wa, wb) : null;
  });
  const tested = raw.flatMap((x, i) => (x ? [i] : []));
  const adjusted = holm(tested.map((i) => raw[i]!.p));
  const family = tested.length;
  const rows = base.rows.map((r, i): DiffRow => {
    const j = tested.indexOf(i);
    if (j < 0) return r.change === 'compared' ? { ...r, significant: false, p: null, pMethod: null } : r;
    const paired: PairedChange = { ...raw[i]!, pHolm: adjusted[j]! };
    return {
      ...r,
      paired,
      deltaPct: (paired.ratio - 1) * 100,
      p: paired.p,
      pMethod: null,
      significant: paired.pHolm < alpha,
      minP: paired.minP,
      // Holm's strictest step compares the smallest p with alpha / family.
      tooSmall: paired.minP * family >= alpha,
    };
  });
  return { ...base, test: 'paired-signed-rank', rows };
}
