import type { PeakMemory } from '@arena/contract';
import { median } from '@arena/hyperfine-wrapper';
import type { MemoryProbe } from './method.ts';

/** The record of a result's memory runs: each run's peak in order, their median and range, and how they were measured. Pure. */
export function peakMemoryOf(bytes: readonly number[], probe: MemoryProbe): PeakMemory {
  if (bytes.length === 0) throw new Error('peakMemoryOf needs at least one memory run');
  return {
    method: probe.method,
    sampleIntervalMs: probe.method === 'sampled-pss' ? probe.intervalMs : null,
    bytes: [...bytes],
    medianBytes: median(bytes),
    minBytes: Math.min(...bytes),
    maxBytes: Math.max(...bytes),
  };
}
