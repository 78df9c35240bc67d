import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsHtml, findingsMarkdown } from '../../src/report/findings-render.ts';
import type { FindingSection } from '../../src/report/findings-text.ts';

const sections: FindingSection[] = [
  { title: 'fib', workload: 'fib', items: [{ lead: 'Fastest JavaScript way', text: 'a <b> & c', sub: ['x', 'y'] }] },
  { title: 'Where the answer flips between workloads', workload: null, items: [{ lead: 'No flips', text: 'same', sub: [] }] },
];

test('Markdown: a heading per section, bullets with bold leads and nested sub-bullets', () => {
  assert.equal(findingsMarkdown(sections), '### fib\n\n- **Fastest JavaScript way:** a <b> & c\n  - x\n  - y\n\n### Where the answer flips between workloads\n\n- **No flips:** same');
});

test('HTML: escaped, each section in a data-findings wrapper named by its workload or "flips"', () => {
  const h = findingsHtml(sections);
  assert.match(h, /<div class="findings" data-findings="fib">\n<h3>fib<\/h3>\n<ul>\n<li><strong>Fastest JavaScript way:<\/strong> a &lt;b&gt; &amp; c<ul><li>x<\/li><li>y<\/li><\/ul><\/li>/);
  assert.match(h, /data-findings="flips"/);
});
