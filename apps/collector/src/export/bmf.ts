import type { OkResult } from '@arena/contract';
import { resultLabel } from '../format.ts';
import type { Exporter } from './exporter.ts';

const ns = (s: number) => Math.round(s * 1e9);

/**
 * Bencher Metric Format: `{"<benchmark>": {"latency": {"value", "lower_value", "upper_value"}}}`
 * in nanoseconds; value is the median wall time, lower/upper its 95 % CI. Failed results have no
 * number and are left out (the format has no place for them).
 */
export const bmfExporter: Exporter = {
  name: 'bmf',
  mediaType: 'application/json',
  description: 'Bencher Metric Format (JSON, latency in ns: median and its 95 % CI)',
  render(doc) {
    const out: Record<string, { latency: { value: number; lower_value: number; upper_value: number } }> = {};
    for (const r of doc.results.filter((x): x is OkResult => x.status === 'ok')) {
      out[resultLabel(r)] = { latency: { value: ns(r.wallS.median), lower_value: ns(r.wallS.ci95.low), upper_value: ns(r.wallS.ci95.high) } };
    }
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
