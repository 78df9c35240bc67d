import { procTable, treeOf } from './proc-tree.ts';
import { readPssBytes } from './pss.ts';

/** The default sampling period: short enough to see a peak held for tens of ms, cheap enough for 2 cores. */
export const SAMPLE_INTERVAL_MS = 5;

/** How a sampler sees the machine; /proc by default, made-up trees in tests. */
export interface TreeReader {
  /** The pids of `root`'s process tree, root included. */
  tree(root: number): number[];
  /** A process's PSS in bytes; null when it is gone. */
  pss(pid: number): number | null;
}

/** The real tree and PSS, from `proc`. */
export const procReader = (proc = '/proc'): TreeReader => {
  const table = procTable(proc);
  return { tree: (root) => treeOf(root, table()), pss: (pid) => readPssBytes(pid, proc) };
};

/** What a sampler saw: the largest summed PSS of the tree, and how many samples it took. */
export interface SampledPeak {
  peakBytes: number;
  samples: number;
}

/** One sample: the tree's summed PSS now. */
export function sampleTree(root: number, reader: TreeReader): number {
  return reader.tree(root).reduce((sum, pid) => sum + (reader.pss(pid) ?? 0), 0);
}

/**
 * Samples the summed PSS of `root`'s process tree every `intervalMs` (start to start, ticks that
 * ran late are not made up) until stopped, and keeps the largest sum: the peak the tree was seen at.
 * A peak held for less than the interval may be missed; that is what `sampled` means in the record.
 */
export function startSampler(root: number, o: { intervalMs?: number; reader?: TreeReader } = {}): { stop(): SampledPeak } {
  const intervalMs = o.intervalMs ?? SAMPLE_INTERVAL_MS;
  const reader = o.reader ?? procReader();
  let peakBytes = 0;
  let samples = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    const started = performance.now();
    peakBytes = Math.max(peakBytes, sampleTree(root, reader));
    samples += 1;
    if (!stopped) timer = setTimeout(tick, Math.max(0, intervalMs - (performance.now() - started)));
  };
  tick();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      return { peakBytes, samples };
    },
  };
}
