/** A table as header + rows of cells, rendered as aligned text or Markdown. */
export interface Table {
  header: string[];
  rows: string[][];
  /** Columns to right-align (numbers). */
  right?: number[];
}

export function renderText(t: Table): string {
  const widths = t.header.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (t.right?.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(t.header), widths.map((w) => '─'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n');
}

export function renderMarkdown(t: Table): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [`| ${t.header.map(esc).join(' | ')} |`, `| ${t.header.map((_, i) => (t.right?.includes(i) ? '---:' : '---')).join(' | ')} |`, ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join(
    '\n',
  );
}

/** Result identity is the suite model's (`variant [module=clang, workers=2]`); the tables use it from here. */
export { resultLabel } from '@arena/suite';

export const ms = (s: number) => (s * 1000).toFixed(1);
