import type { RunDocument } from '@arena/contract';
import { crossMachineLines, type CrossCell } from './cross-machine.ts';
import { escapeHtml } from './escape.ts';

/** CSS of the summary (added to the page's style sheet): a machine's cell holds two lines, so the table fits the page. */
export const CROSS_STYLE = `
table.across td.machine { text-align: right; }
table.across td.machine span { display: block; }
table.across td.machine .ratio { color: #444; font-size: .85rem; }
table.across td.failed { color: #a00; white-space: normal; max-width: 16rem; text-align: left; }
table.across td.failed span { display: inline; }
table.across td.missing { color: #777; text-align: center; }
`;

function cellHtml(c: CrossCell, fingerprint: string): string {
  const at = ` data-machine="${escapeHtml(fingerprint)}" data-status="${c.status}"`;
  if (c.status === 'missing') return `<td class="machine missing"${at} title="not run on this machine">–</td>`;
  if (c.status === 'failed') return `<td class="machine failed"${at}>– <span class="why">failed: ${escapeHtml(c.reason ?? '')}</span></td>`;
  return `<td class="machine"${at}><span class="median">${escapeHtml(c.median)}</span><span class="ratio">${escapeHtml(c.ratio)}</span></td>`;
}

/**
 * The cross-machine summary as HTML: a row per result, a column per machine (`data-machine`: its
 * fingerprint) with the median ms (95 % CI) over the ratio to the baseline, then where the answer
 * differs between machines.
 */
export function crossMachineHtml(docs: RunDocument[], tags: string[], baseline: string): string {
  const heads = tags.map((t, i) => `<th class="num" data-machine="${escapeHtml(docs[i]!.machine.fingerprint)}">${escapeHtml(t)}</th>`).join('');
  const rows = crossMachineLines(docs, tags, baseline).map(
    (l) => `<tr><td>${escapeHtml(l.workload)}</td><td>${escapeHtml(l.variant)}</td>${l.cells.map((c, i) => cellHtml(c, docs[i]!.machine.fingerprint)).join('')}<td>${escapeHtml(l.between)}</td></tr>`,
  );
  return `<table class="table across"><thead>
<tr><th rowspan="2">workload</th><th rowspan="2">variant</th>${heads}<th rowspan="2">between machines</th></tr>
<tr>${tags.map(() => `<th class="num">ms (95 % CI)<br>× ${escapeHtml(baseline)}</th>`).join('')}</tr>
</thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
