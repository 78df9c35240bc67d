import type { OkResult, PeakMemory } from '@arena/contract';

/** What a table shows where a result has no figure (peak memory of a run recorded before schema 6, or BENCH_MEMORY_RUNS=0). */
export const MISSING = '—';

/**
 * CPU seconds per run: user + system, hyperfine's means. They come from the rusage of waited-for
 * children, so a cluster's workers count; the sum is derived here, not stored twice in the run.
 */
export const cpuSeconds = (r: Pick<OkResult, 'userS' | 'systemS'>): number => r.userS.mean + r.systemS.mean;

export const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** `212.3 (210.1–215.0)`: the median peak in MiB and its range over the memory runs; MISSING when not measured. */
export const peakCell = (p: PeakMemory | null): string => (p ? `${mib(p.medianBytes)} (${mib(p.minBytes)}–${mib(p.maxBytes)})` : MISSING);

/** How a method reads in a heading. */
export const METHOD_LABEL: Record<PeakMemory['method'], string> = { 'cgroup-v2': 'cgroup v2', 'cgroup-v1': 'cgroup v1', 'sampled-pss': 'PSS, sampled' };

/** The peak-memory column's heading: `peak MiB (PSS, sampled)` when its results share one method, else `peak MiB`. */
export function peakHeader(results: ReadonlyArray<Pick<OkResult, 'peakMemory'>>): string {
  const methods = new Set(results.flatMap((r) => (r.peakMemory ? [r.peakMemory.method] : [])));
  return methods.size === 1 ? `peak MiB (${METHOD_LABEL[[...methods][0]!]})` : 'peak MiB';
}
