import type { RunDocument } from '@arena/contract';
import { renderMarkdown } from '../format.ts';
import { crossMachineCaption, crossMachineTable } from './cross-machine.ts';
import { CROSS_STYLE, crossMachineHtml } from './cross-machine-html.ts';
import { escapeHtml } from './escape.ts';
import { machineHtml, pageHtml, type RenderedChart } from './html.ts';
import { machineLabel, machineTags } from './machines.ts';
import type { HistoryOptions } from './history.ts';
import { machineMarkdown, markdownDocument } from './markdown.ts';

/** One machine of a multi-machine report: its run, that machine's own stored runs (the history) and its charts. */
export interface MachineReport {
  doc: RunDocument;
  runs: RunDocument[];
  charts: RenderedChart[];
}

// Each machine's section is set off, as its headings sit one level below the page's sections.
const STYLE = `
section.machine > h2 { background: #f0f3f7; padding: .35rem .6rem; border-bottom: 2px solid #8aa; }
h4 { font-size: 1rem; margin-bottom: .3rem; }
`;

/** `commit abc1234567 · 2 machines: arm64 (run …), x86-64 (run …)`. */
function headline(machines: MachineReport[], tags: string[]): string {
  const commit = machines[0]!.doc.git.commit?.slice(0, 10) ?? 'no git';
  return `commit ${commit} · ${machines.length} machines: ${machines.map((m, i) => `${tags[i]} (run ${m.doc.id})`).join(', ')}`;
}

/**
 * The HTML report of one commit on several machines: the cross-machine summary, then a section per
 * machine (`data-machine`: its fingerprint) holding what a one-run report shows for it.
 */
export function renderMachinesHtml(machines: MachineReport[], baseline: string, options: { streamed?: ReadonlySet<string> } = {}): string {
  const docs = machines.map((m) => m.doc);
  const tags = machineTags(docs);
  const sections = machines.map(
    (m) => `<section class="machine" data-machine="${escapeHtml(m.doc.machine.fingerprint)}" data-run="${escapeHtml(m.doc.id)}">
<h2>${escapeHtml(machineLabel(m.doc))}</h2>
${machineHtml(m.doc, m.charts, baseline, { ...options, depth: 1 })}
</section>`,
  );
  const body = `<h1>bench-arena report: ${machines.length} machines</h1>
<p class="headline">${escapeHtml(headline(machines, tags))}</p>
<section data-section="machines">
<h2>Across machines</h2>
<div class="scroll">${crossMachineHtml(docs, tags, baseline)}</div>
<p>${escapeHtml(crossMachineCaption(baseline))}</p>
</section>
${sections.join('\n')}`;
  return pageHtml(`bench-arena report · ${docs.map((d) => d.id).join(' · ')}`, body, STYLE + CROSS_STYLE);
}

/** The Markdown report of one commit on several machines: the cross-machine summary, then a `##` section per machine. */
export function renderMachinesMarkdown(machines: MachineReport[], baseline: string, options: { streamed?: ReadonlySet<string>; history?: HistoryOptions } = {}): string {
  const docs = machines.map((m) => m.doc);
  const tags = machineTags(docs);
  return markdownDocument([
    `# bench-arena report: ${machines.length} machines`,
    headline(machines, tags),
    '## Across machines',
    renderMarkdown(crossMachineTable(docs, tags, baseline)),
    crossMachineCaption(baseline),
    ...machines.flatMap((m) => [`## ${machineLabel(m.doc)}`, ...machineMarkdown(m.doc, m.runs, baseline, { ...options, depth: 1 })]),
  ]);
}
