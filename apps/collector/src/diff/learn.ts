import type { OkResult, RunDocument } from '@arena/contract';
import { MIN_CI_ROUNDS } from '@arena/hyperfine-wrapper';
import { resultLabel } from '../format.ts';
import { resultKey } from './key.ts';
import { pairSize, tooSmall } from './power.ts';

const short = (commit: string | null) => commit?.slice(0, 10) ?? 'none';

/** The first setting that differs between two runs (workloads and sizes, workers, profile), or null. */
function configDifference(a: RunDocument, b: RunDocument): string | null {
  const settings: Array<[string, (d: RunDocument) => string]> = [
    [
      'sizes',
      (d) =>
        Object.entries(d.config.sizes)
          .map(([w, size]) => `${w}=${size}`)
          .join(','),
    ],
    ['workers', (d) => d.config.workers.join(',')],
    ['profile', (d) => d.config.profile],
  ];
  for (const [name, of] of settings) if (of(a) !== of(b)) return `${name} = ${of(a)} in A, ${of(b)} in B`;
  return null;
}

/** "only in A: x; only in B: y" when the two runs hold different results (any status), else null. */
function resultSetDifference(a: RunDocument, b: RunDocument): string | null {
  const labels = (d: RunDocument) => new Map(d.results.map((r) => [resultKey(r), resultLabel(r)]));
  const [la, lb] = [labels(a), labels(b)];
  const onlyIn = (x: Map<string, string>, y: Map<string, string>) => [...x].filter(([k]) => !y.has(k)).map(([, l]) => l);
  const [inA, inB] = [onlyIn(la, lb), onlyIn(lb, la)];
  const parts = [...(inA.length ? [`only in A: ${inA.join(', ')}`] : []), ...(inB.length ? [`only in B: ${inB.join(', ')}`] : [])];
  return parts.length ? parts.join('; ') : null;
}

/**
 * Why an A/A pair must not teach the machine's noise threshold, or null when it may. The pair must
 * be two distinct runs of the same clean commit on one machine, with the same n, workers, profile
 * and results, whose every result ok on both sides could show a change at all. A real change, a
 * pair that cannot flag anything, or a run against itself learned as "drift" would poison the
 * threshold every later diff applies. The first reason found is returned.
 */
export function whyNotLearned(a: RunDocument, b: RunDocument, alpha = 0.05): string | null {
  if (a.id === b.id) return `A and B are the same run (${a.id}); drift shows only between two runs`;
  if (a.machine.fingerprint !== b.machine.fingerprint) {
    return `the two runs were made on different machines (fingerprints ${a.machine.fingerprint}, ${b.machine.fingerprint})`;
  }
  const config = configDifference(a, b);
  if (config) return `the two runs were configured differently (${config})`;
  const results = resultSetDifference(a, b);
  if (results) return `the two runs measured different results (${results})`;
  const okB = new Map(b.results.flatMap((r) => (r.status === 'ok' ? [[resultKey(r), r] as const] : [])));
  const both = a.results.flatMap((r) => (r.status === 'ok' && okB.has(resultKey(r)) ? [[r, okB.get(resultKey(r))!] as [OkResult, OkResult]] : []));
  if (!both.length) return 'no result is ok in both runs';
  const small = both.filter(([ra, rb]) => tooSmall(pairSize(ra.wallS, rb.wallS), alpha));
  if (small.length) {
    const which = small.length === both.length ? 'all results' : small.map(([r]) => resultLabel(r)).join(', ');
    return `the samples are too small to show drift (${which}: p < ${alpha} must be attainable and every CI must rest on at least ${MIN_CI_ROUNDS} rounds); use the default profile (BENCH_PROFILE=default)`;
  }
  if (a.git.commit === null || b.git.commit === null) return 'a run records no git commit, so nothing shows that both measured the same code';
  if (a.git.commit !== b.git.commit) return `the two runs measured different commits (${short(a.git.commit)}, ${short(b.git.commit)})`;
  for (const [name, d] of [
    ['A', a],
    ['B', b],
  ] as const) {
    if (d.git.dirty) return `${name} (${d.id}) was made on a dirty tree, so the code may differ between the two runs`;
  }
  return null;
}
