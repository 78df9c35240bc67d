import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, renderText } from '../src/format.ts';
import { articleTable, resultsTable, runHeadline } from '../src/table.ts';
import { makeRun } from './fixtures/run.ts';

test('ratios are to go-native, c-native and the fastest', () => {
  const t = resultsTable(makeRun({ 'c-native': 0.2, 'go-native': 0.4, 'cluster-js': 1.2 }));
  const row = t.rows.find((r) => r[0] === 'cluster-js')!;
  assert.deepEqual(row.slice(5, 8), ['3.00×', '6.00×', '6.00×']);
  assert.match(row[1]!, /^1200\.0 \(/);
});

test('a failed result shows FAILED and its error', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  doc.results.push({ variant: 'broken', parameters: {}, command: 'x', status: 'failed', error: 'wrong answer: expected 1, got 2' });
  const text = renderText(resultsTable(doc));
  assert.match(text, /broken\s+FAILED.*wrong answer: expected 1, got 2/);
});

test('noisy results are flagged', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  const r = doc.results[0]!;
  if (r.status === 'ok') r.stop.cvPct = 9;
  assert.match(renderText(resultsTable(doc)), /noisy: CV 9\.0 %/);
});

test('the headline shows a dirty tree', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  doc.git.dirty = true;
  assert.match(runHeadline(doc), /abc1234def \(dirty tree\)/);
});

test("the article table drops the best and worst run before averaging", () => {
  const doc = makeRun({ 'go-native': 0.4 });
  const r = doc.results[0]!;
  if (r.status === 'ok') r.wallS.times = [0.1, 0.4, 0.5, 0.9];
  const [row] = articleTable(doc).rows;
  assert.deepEqual(row!.slice(1, 4), ['100.0', '900.0', '450.0']);
});

test('markdown rendering escapes pipes and right-aligns numbers', () => {
  const md = renderMarkdown({ header: ['a', 'b'], rows: [['x|y', '1']], right: [1] });
  assert.equal(md, '| a | b |\n| --- | ---: |\n| x\\|y | 1 |');
});
