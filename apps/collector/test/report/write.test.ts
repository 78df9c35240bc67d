import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { renderMarkdown } from '../../src/format.ts';
import { writeReports } from '../../src/report/write.ts';
import { saveRun } from '../../src/store.ts';
import { resultsTable } from '../../src/table.ts';
import { makeRun } from '../fixtures/run.ts';
import { makeScalingRun } from '../fixtures/scaling-run.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'arena-report-'));

test('writes report.html and report.md; charts sit in data-chart wrappers; nothing external', async () => {
  const dir = tmp();
  saveRun(dir, makeScalingRun({ 'go-native': 0.45, 'c-native': 0.32 }, { id: 'old', createdAt: '2026-11-20T10:00:00.000Z' }));
  const doc = makeScalingRun({ 'go-native': 0.4, 'c-native': 0.3 });
  saveRun(dir, doc);
  writeFileSync(path.join(dir, 'runs', 'broken.json'), '{ nope');
  const warnings: string[] = [];
  const paths = await writeReports(doc, dir, { warn: (m) => warnings.push(m) });
  assert.deepEqual(paths, { html: path.join(dir, 'report.html'), markdown: path.join(dir, 'report.md') });
  assert.match(warnings.join('\n'), /skipping .*broken\.json/);

  const html = readFileSync(paths.html, 'utf8');
  for (const name of ['median', 'times', 'phases', 'history', 'scaling']) {
    assert.match(html, new RegExp(`<figure class="chart" data-chart="${name}">\\s*<svg`), name);
  }
  assert.doesNotMatch(html, /<script|<link|\b(src|href)=|url\(/i, 'self-contained: no script, stylesheet, link or url()');
  assert.match(html, /printed 832041 for fib\(30\), expected 832040\n&lt;then more detail&gt;/);
  assert.match(html, /Test CPU, 2 logical cores/);

  const md = readFileSync(paths.markdown, 'utf8');
  assert.ok(md.includes(renderMarkdown(resultsTable(doc))), 'the results table as collect renders it');
  assert.match(md, /## Failed \(1\)[\s\S]*broken-variant · fib[\s\S]*expected 832040/);
  assert.match(md, /## Scaling[\s\S]*\| go-native · fib \| 400\.0 \(1\.00×\) \| 222\.2 \(1\.80×\) \|/);
  assert.match(md, /## History/);
  assert.doesNotMatch(md, /https?:|\]\(/, 'no links');
});

test('a single-worker run has no scaling chart; a run outside runs/ still appears in the history', async () => {
  const dir = tmp();
  const doc = makeRun({ a: 0.4 });
  await writeReports(doc, dir);
  const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
  assert.doesNotMatch(html, /data-chart="scaling"/);
  assert.match(html, /data-chart="history"/);
  assert.match(html, /each of the 1 stored run /);
  assert.ok(existsSync(path.join(dir, 'report.md')));
});

test('the report answers the question first: findings and the ratio-to-c-native matrices, in both files', async () => {
  const dir = tmp();
  const doc = makeMatrixRun();
  const paths = await writeReports(doc, dir, { streamed: new Set(['chunk-hash']) });
  const md = readFileSync(paths.markdown, 'utf8');
  assert.ok(md.indexOf('## Findings') < md.indexOf('## Ratio to c-native') && md.indexOf('## Ratio to c-native') < md.indexOf('## Results'));
  assert.match(md, /### fib\n\n- \*\*Fastest JavaScript way:\*\* threads-wasi \[module=clang, node=20\]: \d+\.\d ms \(95 % CI/);
  assert.match(md, /### Where the answer flips between workloads/);
  assert.match(md, /ns per call/);
  for (const title of ['Whole-process time', 'Compute time', 'CPU time', 'Peak memory']) assert.match(md, new RegExp(`### ${title}\\n\\n\\| host \\| fib · native \\|`));
  assert.match(md, /\| go-native · go 1\.26 \| 1\.8\d× \([^)]*\) \|/);
  const html = readFileSync(paths.html, 'utf8');
  assert.match(html, /<section data-section="findings">[\s\S]*<section data-section="matrices">[\s\S]*<section data-section="results">/);
  assert.equal((html.match(/<figure class="matrix" data-matrix=/g) ?? []).length, 4);
  assert.doesNotMatch(html, /<script|<link|\b(src|href)=|url\(/i, 'still self-contained');
});
