import type { OkResult } from '@arena/contract';
import { resultLabel } from '../format.ts';
import type { Exporter } from './exporter.ts';

/** One entry of github-action-benchmark's `customSmallerIsBetter` tool input. */
export interface GabEntry { name: string; unit: string; value: number; range?: string; extra?: string }

const ms = (s: number) => Math.round(s * 1e6) / 1e3;

/**
 * github-action-benchmark `customSmallerIsBetter`: `[{"name", "unit", "value", "range", "extra"}]`,
 * value the median wall time in ms, range "± <CI half-width> ms", extra the CI, runs and commit.
 * Failed results are left out (the format has no place for them).
 */
export const gabExporter: Exporter = {
  name: 'gab',
  mediaType: 'application/json',
  description: 'github-action-benchmark customSmallerIsBetter (JSON array, median ms)',
  render(doc) {
    const entries = doc.results
      .filter((r): r is OkResult => r.status === 'ok')
      .map((r): GabEntry => {
        const w = r.wallS;
        const halfWidthS = Math.max(w.median - w.ci95.low, w.ci95.high - w.median);
        return {
          name: resultLabel(r),
          unit: 'ms',
          value: ms(w.median),
          range: `± ${ms(halfWidthS)}`,
          extra: `95 % CI of the median: ${ms(w.ci95.low)}–${ms(w.ci95.high)} ms\nruns: ${w.times.length}\n${r.workload} size: ${r.size}\ncommit: ${doc.git.commit ?? 'none'}${doc.git.dirty ? ' (dirty)' : ''}`,
        };
      });
    return `${JSON.stringify(entries, null, 2)}\n`;
  },
};
