import { heatColour, legendTicks, scaleLimit } from './colour.ts';
import { escapeHtml } from './escape.ts';
import { matrixCaption } from './matrix-markdown.ts';
import { cellAt, METRICS, type Matrix, type MatrixCell, type MatrixColumn } from './matrix.ts';
import { ciText, NOT_SIGNIFICANT, ratioCiText, ratioText, valueText } from './ratio-text.ts';

/** CSS of the heat maps (added to the page's style sheet). */
export const MATRIX_STYLE = `
.heat { border-collapse: separate; border-spacing: 2px; }
.heat th, .heat td { border: 0; white-space: nowrap; }
.heat thead th { text-align: center; font-weight: 600; }
.heat thead tr + tr th { font-weight: normal; color: #444; font-size: .85rem; }
.heat tbody th { text-align: left; font-weight: normal; }
/* A wide matrix scrolls in its box; its host column stays at the box's left edge, opaque over the
   cells scrolling under it (the shadow fills the 2px spacing to its right and marks the edge). Not in
   a narrow window, where the column would take most of the box. */
@media (min-width: 48rem) { .heat th.host { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 2px 0 0 #fff, 3px 0 0 #ccc; } }
.heat td.cell { text-align: center; min-width: 4.6rem; padding: .25rem .4rem; font-size: .9rem; line-height: 1.2; }
.heat td.cell .ci { display: block; font-size: .72rem; }
.heat td.ns { outline: 2px dashed #555; outline-offset: -3px; }
.heat td.failed { background: #eee; color: #a00; }
.heat td.nodata { background: #f4f4f4; color: #777; font-size: .8rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .35rem; vertical-align: -1px; border-radius: 2px; }
.legend { display: flex; align-items: center; gap: 2px; margin: .4rem 0; font-size: .8rem; flex-wrap: wrap; }
.legend .tick { padding: .15rem .45rem; min-width: 2.4rem; text-align: center; }
.legend .end { padding: 0 .5rem; color: #444; }
`;

const attr = (name: string, value: string | number) => ` data-${name}="${escapeHtml(String(value))}"`;

function cellHtml(c: MatrixCell, limit: number, unit: 's' | 'ms' | 'bytes'): string {
  const where = attr('host', c.host) + attr('workload', c.workload) + attr('producer', c.producer) + attr('metric', c.metric);
  if (c.status === 'failed') return `<td class="cell failed"${where}${attr('status', 'failed')} title="${escapeHtml(`${c.label}: failed`)}">✗ failed</td>`;
  if (c.status !== 'ok') {
    const text = c.status === 'not-measured' ? 'not measured' : 'no c-native';
    return `<td class="cell nodata"${where}${attr('status', c.status)} title="${escapeHtml(`${c.label}: ${text}`)}">${text}</td>`;
  }
  const r = c.ratio!;
  const { background, text } = heatColour(r.ratio, limit);
  const notSignificant = r.significant === false && r.method !== 'reference';
  const title = `${c.label}: ${valueText(c.value!, unit)} against c-native's ${valueText(c.baseline!, unit)}, ${ratioCiText(r)}${notSignificant ? ' (not significant)' : ''}`;
  const ci = r.ci ? attr('low', r.ci.low.toPrecision(6)) + attr('high', r.ci.high.toPrecision(6)) : '';
  const significant = attr('significant', r.significant === null ? 'unknown' : String(r.significant));
  const sub =
    (r.ci ? `<span class="ci">${ciText(r.ci)}</span>` : r.method === 'reference' ? '<span class="ci">reference</span>' : '') +
    (unit === 'bytes' ? `<span class="ci">${valueText(c.value!, unit)}</span>` : '');
  const undecided = c.undecided && c.metric === 'wall';
  return `<td class="cell${notSignificant ? ' ns' : ''}${undecided ? ' undecided' : ''}"${where}${attr('status', 'ok')}${attr('ratio', r.ratio.toPrecision(6))}${ci}${significant}${undecided ? attr('undecided', 'true') : ''} style="background:${background};color:${text}" title="${escapeHtml(`${title}${undecided ? '; against its native twin: undecided' : ''}`)}">${notSignificant ? NOT_SIGNIFICANT : ''}${ratioText(r.ratio)}${undecided ? ' ?' : ''}${sub}</td>`;
}

function headHtml(columns: MatrixColumn[]): string {
  const groups: Array<{ workload: string; span: number }> = [];
  for (const c of columns) {
    const last = groups.at(-1);
    if (last?.workload === c.workload) last.span++;
    else groups.push({ workload: c.workload, span: 1 });
  }
  const top = groups.map((g) => `<th colspan="${g.span}"${attr('workload', g.workload)}>${escapeHtml(g.workload)}</th>`).join('');
  const bottom = columns.map((c) => `<th>${escapeHtml(c.producer)}</th>`).join('');
  return `<thead><tr><th rowspan="2" class="host">host</th>${top}</tr><tr>${bottom}</tr></thead>`;
}

/** The colour legend: a swatch per power of two from 1/limit to limit. */
function legendHtml(limit: number): string {
  const ticks = legendTicks(limit).map((t) => {
    const { background, text } = heatColour(t, limit);
    return `<span class="tick" style="background:${background};color:${text}">${t < 1 ? `1/${Math.round(1 / t)}` : t}×</span>`;
  });
  return `<div class="legend" aria-label="colour scale"><span class="end">faster / smaller</span>${ticks.join('')}<span class="end">slower / larger than c-native</span><span class="end"><span class="ns-key">${NOT_SIGNIFICANT}</span> dashed: not significant</span></div>`;
}

/** A matrix as a heat map under an h3 (or h`level`): an HTML table whose cells carry their placement and ratio as data attributes. */
export function matrixHtml(m: Matrix, hostColours: ReadonlyMap<string, string>, level = 3): string {
  const limit = scaleLimit(m.cells.flatMap((c) => (c.ratio ? [c.ratio.ratio] : [])));
  const unit = METRICS[m.metric].unit;
  const rows = m.hosts.map((h) => {
    const swatch = hostColours.has(h) ? `<span class="swatch" style="background:${hostColours.get(h)}"></span>` : '';
    const cells = m.columns.map((col) => {
      const c = cellAt(m, h, col);
      return c ? cellHtml(c, limit, unit) : '<td class="empty"></td>';
    });
    return `<tr><th scope="row" class="host">${swatch}${escapeHtml(h)}</th>${cells.join('')}</tr>`;
  });
  return `<figure class="matrix"${attr('matrix', m.metric)}>
<h${level}>${escapeHtml(METRICS[m.metric].title)}: ratio to c-native</h${level}>
<div class="scroll"><table class="heat">${headHtml(m.columns)}<tbody>
${rows.join('\n')}
</tbody></table></div>
${legendHtml(limit)}
<figcaption>${escapeHtml(matrixCaption(m))}</figcaption>
</figure>`;
}
