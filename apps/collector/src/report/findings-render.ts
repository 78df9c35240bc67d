import { escapeHtml } from './escape.ts';
import type { FindingSection } from './findings-text.ts';

/** The findings as Markdown: a heading per section (### unless `level` says), bullets with bold leads. */
export function findingsMarkdown(sections: FindingSection[], level = 3): string {
  return sections.map((s) => `${'#'.repeat(level)} ${s.title}\n\n${s.items.map((i) => [`- **${i.lead}:** ${i.text}`, ...i.sub.map((x) => `  - ${x}`)].join('\n')).join('\n')}`).join('\n\n');
}

/** The findings as HTML, each section in a data-findings wrapper (its workload, or "flips") under an h3 (or h`level`). */
export function findingsHtml(sections: FindingSection[], level = 3): string {
  return sections
    .map((s) => {
      const items = s.items.map((i) => {
        const sub = i.sub.length ? `<ul>${i.sub.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : '';
        return `<li><strong>${escapeHtml(i.lead)}:</strong> ${escapeHtml(i.text)}${sub}</li>`;
      });
      return `<div class="findings" data-findings="${escapeHtml(s.workload ?? 'flips')}">\n<h${level}>${escapeHtml(s.title)}</h${level}>\n<ul>\n${items.join('\n')}\n</ul>\n</div>`;
    })
    .join('\n');
}
