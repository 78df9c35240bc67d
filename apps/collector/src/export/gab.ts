import type { OkResult } from '@arena/contract';
import { resultLabel } from '../format.ts';
import { cpuSeconds } from '../resources.ts';
import type { Exporter } from './exporter.ts';

/** One entry of github-action-benchmark's `customSmallerIsBetter` tool input. */
export interface GabEntry {
  name: string;
  unit: string;
  value: number;
  range?: string;
  extra?: string;
}

const ms = (s: number) => Math.round(s * 1e6) / 1e3;
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;

/**
 * github-action-benchmark `customSmallerIsBetter`: `[{"name", "unit", "value", "range", "extra"}]`.
 * Per result: `<label>`, the median wall time in ms, range "± <CI half-width> ms", extra the CI, runs
 * and commit; `<label> · CPU time`, user + system ms per run; `<label> · peak memory`, the median peak
 * memory of the process tree in MiB, range "<min>–<max>" over the memory runs (left out when not
 * measured). Failed results are left out (the format has no place for them).
 */
export const gabExporter: Exporter = {
  name: 'gab',
  mediaType: 'application/json',
  description: 'github-action-benchmark customSmallerIsBetter (JSON array: median ms, CPU ms, peak memory MiB)',
  render(doc) {
    const entries = doc.results
      .filter((r): r is OkResult => r.status === 'ok')
      .flatMap((r): GabEntry[] => {
        const w = r.wallS;
        const p = r.peakMemory;
        const halfWidthS = Math.max(w.median - w.ci95.low, w.ci95.high - w.median);
        const commit = `commit: ${doc.git.commit ?? 'none'}${doc.git.dirty ? ' (dirty)' : ''}`;
        return [
          {
            name: resultLabel(r),
            unit: 'ms',
            value: ms(w.median),
            range: `± ${ms(halfWidthS)}`,
            extra: `95 % CI of the median: ${ms(w.ci95.low)}–${ms(w.ci95.high)} ms\nruns: ${w.times.length}\n${r.workload} size: ${r.size}\n${commit}`,
          },
          { name: `${resultLabel(r)} · CPU time`, unit: 'ms', value: ms(cpuSeconds(r)), extra: `user + system per run (mean of ${w.times.length} runs)\n${commit}` },
          ...(p
            ? [
                {
                  name: `${resultLabel(r)} · peak memory`,
                  unit: 'MiB',
                  value: mib(p.medianBytes),
                  range: `${mib(p.minBytes)}–${mib(p.maxBytes)}`,
                  extra: `median of ${p.bytes.length} memory runs, ${p.method}${p.sampleIntervalMs === null ? '' : ` every ${p.sampleIntervalMs} ms`}\n${commit}`,
                },
              ]
            : []),
        ];
      });
    return `${JSON.stringify(entries, null, 2)}\n`;
  },
};
