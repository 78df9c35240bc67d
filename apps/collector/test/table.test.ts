import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, renderText } from '../src/format.ts';
import { articleTable, resultsTable, runHeadline } from '../src/table.ts';
import { wallStats } from '@arena/hyperfine-wrapper';
import { makeRun } from './fixtures/run.ts';

test('ratios are to go-native, c-native and the fastest', () => {
  const t = resultsTable(makeRun({ 'c-native': 0.2, 'go-native': 0.4, 'cluster-js': 1.2 }));
  const row = t.rows.find((r) => r[0] === 'cluster-js')!;
  // makeRun spreads every result's runs the same way over its 10 rounds: the per-round ratios are exact.
  assert.deepEqual(row.slice(5, 8), ['3.00× (3.00–3.00)', '6.00× (6.00–6.00)', '6.00× (6.00–6.00)']);
  assert.match(row[1]!, /^1200\.0 \(/);
});

test('a Go-built result is compared with the baseline built by the same Go', () => {
  const base = makeRun({ 'go-native': 0.4, 'go-wazero': 0.8 });
  const results = base.results.flatMap((r) => ['1.26', '1.27'].map((go) => {
    if (r.status !== 'ok') throw new Error('makeRun gives ok results');
    const f = go === '1.27' && r.variant === 'go-native' ? 2 : 1;
    return { ...r, parameters: { go }, goToolchain: `go${go}.0`, wallS: { ...r.wallS, times: r.wallS.times.map((t) => t * f), median: r.wallS.median * f } };
  }));
  const t = resultsTable({ ...base, results });
  assert.deepEqual(t.rows.filter((r) => r[0]!.startsWith('go-wazero')).map((r) => [r[0], r[5]]), [
    ['go-wazero [go=1.26]', '2.00× (2.00–2.00)'],
    ['go-wazero [go=1.27]', '1.00× (1.00–1.00)'],
  ]);
});

test('a ratio carries the CI of its per-round ratios; without 6 shared rounds it has none', () => {
  const doc = makeRun({ 'go-native': 0.4, 'cluster-js': 1.2 });
  const [go, js] = doc.results;
  if (go?.status !== 'ok' || js?.status !== 'ok') throw new Error('fixture');
  // Round r of cluster-js is (1 + r/100) slower: the per-round ratios spread from 3.03 to 3.30.
  js.wallS = wallStats(js.wallS.times.map((t, i) => t * (1 + (i + 1) / 100)), js.wallS.round);
  assert.match(resultsTable(doc).rows.find((r) => r[0] === 'cluster-js')![5]!, /^3\.\d\d× \(3\.0\d–3\.2\d\)$/);
  js.wallS = wallStats(js.wallS.times.slice(0, 5), js.wallS.round.slice(0, 5));
  assert.match(resultsTable(doc).rows.find((r) => r[0] === 'cluster-js')![5]!, /^\d\.\d\d×$/);
});

test('a narrowed run says so in its headline', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  doc.config.only = ['go-native'];
  assert.match(runHeadline(doc), /PARTIAL: only go-native \(BENCH_ONLY\)/);
});

test('a failed result shows FAILED and its error', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  doc.results.push({ variant: 'broken', parameters: {}, command: 'x', runtime: null, goToolchain: null, status: 'failed', error: 'wrong answer: expected 1, got 2' });
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
