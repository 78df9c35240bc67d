import type { OkResult } from '@arena/contract';
import { resultLabel } from '../format.ts';
import { cpuSeconds } from '../resources.ts';
import type { Exporter } from './exporter.ts';

const ns = (s: number) => Math.round(s * 1e9);

/** One BMF metric: a value with optional bounds. */
interface Metric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

/**
 * Bencher Metric Format: `{"<benchmark>": {"latency": {"value", "lower_value", "upper_value"}, …}}`.
 * `latency` in nanoseconds: the median wall time, lower/upper its 95 % CI. `cpu-time` in nanoseconds,
 * like latency: user + system CPU per run (hyperfine's means; no bounds). `peak-rss` in bytes: the
 * median peak memory of the process tree over the memory runs, lower/upper their min and max; left
 * out when not measured. Failed results have no number and are left out (the format has no place for them).
 */
export const bmfExporter: Exporter = {
  name: 'bmf',
  mediaType: 'application/json',
  description: 'Bencher Metric Format (JSON: latency in ns, median and its 95 % CI; cpu-time in ns; peak-rss in bytes, median and range)',
  render(doc) {
    const out: Record<string, Record<string, Metric>> = {};
    for (const r of doc.results.filter((x): x is OkResult => x.status === 'ok')) {
      const p = r.peakMemory;
      out[resultLabel(r)] = {
        latency: { value: ns(r.wallS.median), lower_value: ns(r.wallS.ci95.low), upper_value: ns(r.wallS.ci95.high) },
        'cpu-time': { value: ns(cpuSeconds(r)) },
        ...(p ? { 'peak-rss': { value: p.medianBytes, lower_value: p.minBytes, upper_value: p.maxBytes } } : {}),
      };
    }
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
