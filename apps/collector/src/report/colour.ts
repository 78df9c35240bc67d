/**
 * Colours of the report. The heat map is ColorBrewer's RdBu (colour-blind safe), diverging on a log
 * scale around 1×: blue faster than c-native, red slower. Hosts get Paul Tol's muted and light
 * qualitative palettes (colour-blind safe), in the order the hosts are listed, so one host has one
 * colour in every chart.
 */

/** RdBu, 11 classes, from the fastest end (dark blue) through white to the slowest (dark red). */
export const DIVERGING = ['#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f'] as const;

/** Tol's muted (9), then light without its grey (8): 17 qualitative colours. */
export const HOST_PALETTE = [
  '#332288',
  '#88ccee',
  '#44aa99',
  '#117733',
  '#999933',
  '#ddcc77',
  '#cc6677',
  '#882255',
  '#aa4499',
  '#77aadd',
  '#99ddff',
  '#44bb99',
  '#bbcc33',
  '#aaaa00',
  '#eedd88',
  '#ee8866',
  '#ffaabb',
] as const;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c: number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The heat-map range: ratios from 1/limit to limit span the scale; a power of two, at least 2, at most 64. */
export function scaleLimit(ratios: readonly number[]): number {
  const widest = Math.max(1, ...ratios.filter((r) => r > 0 && Number.isFinite(r)).map((r) => Math.max(r, 1 / r)));
  return 2 ** Math.min(Math.max(Math.ceil(Math.log2(widest)), 1), 6);
}

/** Position of a ratio on the scale: −1 at 1/limit (and below), 0 at 1×, 1 at limit (and above). */
export const scalePosition = (ratio: number, limit: number): number => Math.min(Math.max(Math.log(ratio) / Math.log(limit), -1), 1);

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** A cell's background for a ratio (interpolated between the RdBu classes) and the text colour that reads on it. */
export function heatColour(ratio: number, limit: number): { background: string; text: string } {
  const x = ((scalePosition(ratio, limit) + 1) / 2) * (DIVERGING.length - 1);
  const i = Math.min(Math.floor(x), DIVERGING.length - 2);
  const [a, b] = [rgb(DIVERGING[i]!), rgb(DIVERGING[i + 1]!)];
  const background = hex(a.map((v, k) => v + (b[k]! - v) * (x - i)));
  // Black or white, whichever contrasts more: one of them always reaches WCAG's 4.5:1.
  const l = luminance(background);
  return { background, text: (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff' };
}

/** The legend's ticks: powers of two from 1/limit to limit. */
export function legendTicks(limit: number): number[] {
  const k = Math.round(Math.log2(limit));
  return Array.from({ length: 2 * k + 1 }, (_, i) => 2 ** (i - k));
}

/** One colour per host, in the order given (wrapping past the palette). */
export function hostColours(hosts: readonly string[]): Map<string, string> {
  return new Map(hosts.map((h, i) => [h, HOST_PALETTE[i % HOST_PALETTE.length]!]));
}
