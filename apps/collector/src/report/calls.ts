import { callsPerWorker, discoverWorkloads, repoRoot } from '@arena/suite';

/** Seconds as nanoseconds per call, for a workload measured per host→kernel call. */
export const nsPerCall = (seconds: number, calls: number): number => (seconds * 1e9) / calls;

/**
 * The streamed workloads of the checkout (packages/workloads/<w>/workload.json: @arena/suite's
 * callsPerWorker is not null), the ones the report also shows per call; empty outside a checkout,
 * since a report of stored runs must still render.
 */
export function streamedWorkloads(root?: string): Set<string> {
  try {
    const { workloads } = discoverWorkloads(root ?? repoRoot());
    return new Set(workloads.filter((w) => callsPerWorker(w.spec, 1) !== null).map((w) => w.name));
  } catch {
    return new Set();
  }
}
