import type { RatioCi } from './ratio.ts';

/** The mark of a ratio whose interval includes 1 (or that has too few runs for one). */
export const NOT_SIGNIFICANT = '~';

const num = (x: number) => (!Number.isFinite(x) ? '∞' : x >= 9.995 ? x.toFixed(1) : x.toFixed(2));

/** `1.46×`; one decimal from 10× on. */
export const ratioText = (r: number): string => `${num(r)}×`;

/** `1.44–1.47`. */
export const ciText = (ci: { low: number; high: number }): string => `${num(ci.low)}–${num(ci.high)}`;

/** `1.46× (1.44–1.47)`; `~1.00× (0.98–1.02)` when not significant; `1.46×` without an interval. */
export function ratioCiText(r: RatioCi): string {
  const mark = r.significant === false && r.method !== 'reference' ? NOT_SIGNIFICANT : '';
  const ci = r.ci ? ` (${ciText(r.ci)})` : r.method === 'paired-rounds' || r.method === 'runs' ? ' (too few runs for a CI)' : '';
  return `${mark}${ratioText(r.ratio)}${ci}`;
}

/** A metric value for people: seconds and ms as ms, bytes as MiB. */
export function valueText(value: number, unit: 's' | 'ms' | 'bytes'): string {
  if (unit === 'bytes') return `${(value / 2 ** 20).toFixed(1)} MiB`;
  return `${(unit === 's' ? value * 1000 : value).toFixed(1)} ms`;
}
