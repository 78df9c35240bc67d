import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { writeMachineReports } from '../../src/report/write.ts';
import { saveRun } from '../../src/store.ts';
import { makeMachineRuns } from './fixtures/machine-runs.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'arena-machines-'));

/** The text between a section's heading and the next one of the same kind (or the end). */
const sectionOf = (text: string, start: string, next: string) => {
  const from = text.indexOf(start);
  assert.ok(from >= 0, start);
  const to = text.indexOf(next, from + start.length);
  return text.slice(from, to < 0 ? undefined : to);
};

test('one commit on two machines: the summary first, then a section per machine with its own findings, matrices, tables and charts', async () => {
  const results = tmp();
  const out = path.join(tmp(), 'site');
  const { x86, arm } = makeMachineRuns();
  // An older x86-64 run of another commit: the x86-64 history only.
  saveRun(results, makeMachineRuns({ id: 'older-x86', createdAt: '2026-12-01T09:00:00.000Z', git: { commit: '0123456789abc', dirty: false } }).x86);
  const paths = await writeMachineReports([x86, arm], results, { baseline: 'go-native', streamed: new Set(['chunk-hash']), out });
  assert.deepEqual(paths, { html: path.join(out, 'report.html'), markdown: path.join(out, 'report.md') });

  const md = readFileSync(paths.markdown, 'utf8');
  assert.match(md, /^# bench-arena report: 2 machines\n\ncommit abc1234def · 2 machines: x86-64 \(run 20261210T120000Z-x86\), arm64 \(run 20261210T121500Z-arm\)\n/);
  assert.match(md, /## Across machines\n\n\| workload \| variant \| x86-64: ms \(95 % CI\) \| x86-64: × go-native \| arm64: ms \(95 % CI\) \| arm64: × go-native \| between machines \|/);
  assert.match(md, /\| fib \| go-wazero \[module=go, go=1\.26\] \| [\d.]+ \([\d.–]+\) \| 5\.\d\d× \([^)]+\) \| – failed: exec format error: bin\/go-wazero was built for amd64 \| – \| {2}\|/);
  assert.match(md, /\| fib \| threads-wasi \[module=assemblyscript, node=20\] \| [^|]+ \| [^|]+ \| – \| – \| {2}\|/);
  const x86Md = sectionOf(md, '## x86-64 · AMD EPYC 7763 64-Core Processor · 4 cores · run 20261210T120000Z-x86', '\n## ');
  const armMd = sectionOf(md, '## arm64 · Neoverse-N2 · 4 cores · run 20261210T121500Z-arm', '\n## ');
  assert.ok(md.indexOf('## Across machines') < md.indexOf(x86Md) && md.indexOf(x86Md) < md.indexOf(armMd));
  for (const section of [x86Md, armMd]) {
    for (const heading of ['### Findings', '#### fib', '### Ratio to c-native', '#### Whole-process time', '### Results', '### Machine and config'])
      assert.ok(section.includes(`\n${heading}\n`), heading);
  }
  assert.match(armMd, /### Failed \(2\)[\s\S]*go-wazero \[module=go, go=1\.26\] · fib[\s\S]*exec format error/);
  assert.doesNotMatch(armMd, /assemblyscript/, 'not run on arm64');
  assert.match(
    x86Md,
    /### History\n[\s\S]*in the 2 stored runs[\s\S]*#### fib size 30 · 2 workers · fixed runs · AMD EPYC 7763 64-Core Processor, 4 cores, [\d.]+ GiB \(2 runs\)/,
    'its own stored run and this one',
  );
  assert.doesNotMatch(armMd, /### History/, 'no stored arm64 run: no history table');
  assert.doesNotMatch(md, /https?:|\]\(/, 'no links');

  const html = readFileSync(paths.html, 'utf8');
  assert.match(html, /<h1>bench-arena report: 2 machines<\/h1>[\s\S]*<section data-section="machines">\n<h2>Across machines<\/h2>/);
  const across = sectionOf(html, '<section data-section="machines">', '</section>');
  assert.match(across, /<th class="num" data-machine="x86f1">x86-64<\/th><th class="num" data-machine="a64f2">arm64<\/th>/);
  assert.equal((across.match(/<tr><td>/g) ?? []).length, 24);
  assert.match(across, /<td class="machine failed" data-machine="a64f2" data-status="failed">– <span class="why">failed: exec format error: bin\/go-wazero was built for amd64<\/span><\/td>/);
  assert.equal((across.match(/data-machine="a64f2" data-status="missing"/g) ?? []).length, 3);
  assert.match(
    across,
    /<td>fib<\/td><td>go-native \[go=1\.26\]<\/td><td class="machine" data-machine="x86f1" data-status="ok"><span class="median">[\d.]+ \([\d.–]+\)<\/span><span class="ratio">1\.00×<\/span><\/td>/,
  );
  const x86Html = sectionOf(html, '<section class="machine" data-machine="x86f1" data-run="20261210T120000Z-x86">', '<section class="machine"');
  const armHtml = sectionOf(html, '<section class="machine" data-machine="a64f2" data-run="20261210T121500Z-arm">', '<section class="machine"');
  for (const section of [x86Html, armHtml]) {
    assert.match(section, /^<section class="machine"[^>]*>\n<h2>(x86-64|arm64) · /);
    for (const name of ['findings', 'matrices', 'results', 'machine']) assert.match(section, new RegExp(`<section data-section="${name}">\\n<h3>`), name);
    assert.match(section, /<h4>fib<\/h4>/);
    assert.equal((section.match(/<figure class="matrix" data-matrix=/g) ?? []).length, 4);
    for (const chart of ['median', 'times', 'phases', 'history']) assert.match(section, new RegExp(`<figure class="chart" data-chart="${chart}">\\s*<svg`), chart);
  }
  assert.match(x86Html, /each of the 2 stored runs/);
  assert.match(armHtml, /each of the 1 stored run /);
  assert.doesNotMatch(html, /<script|<link|\b(src|href)=|url\(/i, 'self-contained');
});
