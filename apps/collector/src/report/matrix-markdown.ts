import type { Table } from '../format.ts';
import { cellAt, METRICS, type Matrix, type MatrixCell } from './matrix.ts';
import { ratioCiText, valueText } from './ratio-text.ts';

/**
 * A cell as Markdown text: the ratio with its CI or mark, or why there is none. Memory cells lead
 * with the peak itself: c-native's is a few hundred KiB, so a ratio alone reads as a scandal.
 */
export function cellText(c: MatrixCell | undefined): string {
  if (!c) return '';
  switch (c.status) {
    case 'ok':
      return c.metric === 'memory' ? `${valueText(c.value!, 'bytes')} · ${ratioCiText(c.ratio!)}` : `${ratioCiText(c.ratio!)}${c.undecided && c.metric === 'wall' ? ' ?' : ''}`;
    case 'failed':
      return 'FAILED';
    case 'not-measured':
      return 'not measured';
    case 'no-baseline':
      return 'no c-native';
  }
}

/** A matrix as a table: a row per host, a column per workload × producer. */
export function matrixTable(m: Matrix): Table {
  return {
    header: ['host', ...m.columns.map((c) => `${c.workload} · ${c.producer}`)],
    rows: m.hosts.map((h) => [h, ...m.columns.map((c) => cellText(cellAt(m, h, c)))]),
    right: m.columns.map((_, i) => i + 1),
  };
}

/** What a matrix's cells mean, under its table. */
export function matrixCaption(m: Matrix): string {
  const how = {
    wall: 'The 95 % CI (in brackets) is a Hodges–Lehmann interval of the log-time ratio, paired by round (signed-rank), or over all runs (rank-sum) when fewer than 6 rounds are shared.',
    compute: 'Only the median is stored per result, so there is no interval: read small differences with the whole-process matrix beside it.',
    cpu: 'Only the mean is stored per result, so there is no interval: read small differences with the whole-process matrix beside it.',
    memory: 'In brackets: the range over the few memory runs (min/max over max/min); a difference counts only when the two ranges do not overlap.',
  }[m.metric];
  return `Each cell: the ${METRICS[m.metric].what}, divided by c-native's on the same workload (below 1×: ${m.metric === 'memory' ? 'smaller' : 'faster'}). ${how} ~ marks a ratio not significantly different from 1×${m.metric === 'wall' ? '; ? a wasm result whose verdict against its native twin stayed undecided' : ''}. "native": the host's own code, no wasm module.`;
}
