import type { Table } from '../format.ts';
import { escapeHtml } from './escape.ts';

/** A format.ts Table as an HTML table (numbers right-aligned). */
export function tableHtml(t: Table, className = 'table'): string {
  const align = (i: number) => (t.right?.includes(i) ? ' class="num"' : '');
  const head = t.header.map((h, i) => `<th${align(i)}>${escapeHtml(h)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}
