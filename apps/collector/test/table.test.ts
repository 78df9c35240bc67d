import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, renderText } from '../src/format.ts';
import { renderHtml } from '../src/report/html.ts';
import { renderReportMarkdown } from '../src/report/markdown.ts';
import { articleTable, resultsTable, partialNote, runHeader, runHeadline, workloadTables } from '../src/table.ts';
import { runDocument, type RunDocument } from '@arena/contract';
import { wallStats } from '@arena/hyperfine-wrapper';
import { makeMigratedRun, makeRun } from './fixtures/run.ts';

test('ratios are to go-native, c-native and the fastest', () => {
  const t = resultsTable(makeRun({ 'c-native': 0.2, 'go-native': 0.4, 'cluster-js': 1.2 }));
  const row = t.rows.find((r) => r[0] === 'cluster-js')!;
  // makeRun spreads every result's runs the same way over its 10 rounds: the per-round ratios are exact.
  assert.deepEqual(row.slice(5, 8), ['3.00× (3.00–3.00)', '6.00× (6.00–6.00)', '6.00× (6.00–6.00)']);
  assert.match(row[1]!, /^1200\.0 \(/);
});

test('a Go-built result is compared with the baseline built by the same Go', () => {
  const base = makeRun({ 'go-native': 0.4, 'go-wazero': 0.8 });
  const results = base.results.flatMap((r) =>
    ['1.26', '1.27'].map((go) => {
      if (r.status !== 'ok') throw new Error('makeRun gives ok results');
      const f = go === '1.27' && r.variant === 'go-native' ? 2 : 1;
      return { ...r, parameters: { go }, goToolchain: `go${go}.0`, wallS: { ...r.wallS, times: r.wallS.times.map((t) => t * f), median: r.wallS.median * f } };
    }),
  );
  const t = resultsTable({ ...base, results });
  assert.deepEqual(
    t.rows.filter((r) => r[0]!.startsWith('go-wazero')).map((r) => [r[0], r[5]]),
    [
      ['go-wazero [go=1.26]', '2.00× (2.00–2.00)'],
      ['go-wazero [go=1.27]', '1.00× (1.00–1.00)'],
    ],
  );
});

test('a ratio carries the CI of its per-round ratios; without 6 shared rounds it has none', () => {
  const doc = makeRun({ 'go-native': 0.4, 'cluster-js': 1.2 });
  const [go, js] = doc.results;
  if (go?.status !== 'ok' || js?.status !== 'ok') throw new Error('fixture');
  // Round r of cluster-js is (1 + r/100) slower: the per-round ratios spread from 3.03 to 3.30.
  js.wallS = wallStats(
    js.wallS.times.map((t, i) => t * (1 + (i + 1) / 100)),
    js.wallS.round,
  );
  assert.match(resultsTable(doc).rows.find((r) => r[0] === 'cluster-js')![5]!, /^3\.\d\d× \(3\.0\d–3\.2\d\)$/);
  js.wallS = wallStats(js.wallS.times.slice(0, 5), js.wallS.round.slice(0, 5));
  assert.match(resultsTable(doc).rows.find((r) => r[0] === 'cluster-js')![5]!, /^\d\.\d\d×$/);
});

test('peak memory (median and range of the memory runs, MiB) and CPU seconds (user + system) per result', () => {
  const t = resultsTable(makeRun({ 'go-native': 0.4, 'cluster-js': 1.2 }));
  assert.deepEqual(t.header.slice(8, 10), ['peak MiB (PSS, sampled)', 'CPU s']);
  assert.deepEqual(t.rows.find((r) => r[0] === 'cluster-js')!.slice(8, 10), ['140.0 (138.6–141.4)', '2.410']);
  assert.ok(t.right!.includes(8) && t.right!.includes(9));
});

test('a run recorded before memory was measured shows — for peak memory, and its CPU time', () => {
  const t = resultsTable(makeMigratedRun({ 'go-native': 0.4 }));
  assert.deepEqual(t.header[8], 'peak MiB');
  assert.deepEqual(t.rows[0]!.slice(8, 10), ['—', '0.810']);
});

test('a streamed workload also shows ns per kernel call: compute time (wall when none) over the calls per worker', () => {
  const doc = makeRun({ 'go-native': 0.4, 'cluster-js': 1.2 });
  doc.results.push({ variant: 'broken', workload: 'fib', size: 30, parameters: {}, command: 'x', runtime: null, goToolchain: null, status: 'failed', error: 'boom' });
  for (const r of doc.results) r.size = 200_000;
  const [go, js] = doc.results;
  if (go?.status !== 'ok' || js?.status !== 'ok') throw new Error('fixture');
  go.phasesMs = { computeMs: 350 };
  js.phasesMs = {};
  const t = resultsTable(doc, 'go-native', 'fib', true);
  assert.equal(t.header[3], 'ns/call');
  assert.equal(t.rows.find((r) => r[0] === 'go-native')![3], '1750', '350 ms / 200 000 calls');
  assert.equal(t.rows.find((r) => r[0] === 'cluster-js')![3], '6000', 'no compute time: 1200 ms of wall / 200 000 calls');
  assert.ok(
    t.rows.every((r) => r.length === t.header.length),
    'failed rows keep the columns',
  );
  assert.ok(t.right!.includes(3));
  assert.ok(!resultsTable(doc, 'go-native', 'fib').header.includes('ns/call'));
  const [section] = workloadTables(doc, 'go-native', new Set(['fib']));
  assert.equal(section!.table.header[3], 'ns/call');
});

test('a narrowed run says so in its headline', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  doc.config.only = ['go-native'];
  assert.match(runHeadline(doc), /PARTIAL: only go-native \(BENCH_ONLY\)/);
});

test('a narrowed run names what it left out at the top of its tables; a full run says nothing', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  assert.equal(partialNote(doc), null);
  assert.equal(runHeader(doc), runHeadline(doc));
  doc.config.only = ['go-native'];
  doc.config.workloads = ['fib'];
  doc.config.leftOut = { variants: ['c-native', 'threads-js'], workloads: ['nbody'] };
  assert.equal(
    partialNote(doc),
    'Partial run: variants go-native only (BENCH_ONLY; left out: c-native, threads-js), workloads fib only (BENCH_WORKLOADS; left out: nbody). Results it did not run are not compared, and never counted as gone.',
  );
  assert.equal(runHeader(doc).split('\n')[1], partialNote(doc));
  // A run recorded before schema 7 did not name them.
  doc.config.leftOut = null;
  assert.match(partialNote(doc)!, /variants go-native only \(BENCH_ONLY\).*\(what it left out was not recorded before schema 7\)/);
});

test('a failed result shows FAILED and its error', () => {
  const doc = makeRun({ 'go-native': 0.4 });
  doc.results.push({ variant: 'broken', workload: 'fib', size: 30, parameters: {}, command: 'x', runtime: null, goToolchain: null, status: 'failed', error: 'wrong answer: expected 1, got 2' });
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

test('the article table drops the best and worst run before averaging', () => {
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

/**
 * A run of two workloads: fib (unseeded, size 30) and nbody (seeded, 100000 steps, a seed per round),
 * the same three variants on both with other medians, and threads-js failing on nbody only.
 */
function fibAndNbody(): RunDocument {
  const fib = makeRun({ 'c-native': 0.2, 'go-native': 0.4, 'cluster-js': 1.2 });
  const nbody = makeRun({ 'c-native': 0.5, 'go-native': 0.6, 'cluster-js': 2.0 });
  const seeds = Array.from({ length: 10 }, (_, i) => 4_000_000_000 + i);
  const energies = [-0.16907516382852447, -0.16908760523460595];
  const nbodyResults = nbody.results.map((r) => {
    if (r.status !== 'ok') throw new Error('makeRun gives ok results');
    return { ...r, workload: 'nbody', size: 100000, seeds, report: { ...r.report, workload: 'nbody', size: 100000, seed: seeds.at(-1)!, results: [energies, energies] } };
  });
  return runDocument.parse({
    ...fib,
    config: { ...fib.config, sizes: { fib: 30, nbody: 100000 } },
    order: [...fib.order.map((v) => `${v} · fib`), ...nbody.order.map((v) => `${v} · nbody`)],
    results: [
      ...fib.results,
      ...nbodyResults,
      {
        variant: 'threads-js',
        workload: 'nbody',
        size: 100000,
        parameters: {},
        command: 'x',
        runtime: null,
        goToolchain: null,
        status: 'failed',
        error: 'wrong answer: expected nbody(100000, seed 4000000009) = …',
      },
    ],
  });
}

test('a run of two workloads has one table per workload; ratios compare results of the same workload only', () => {
  const doc = fibAndNbody();
  const tables = workloadTables(doc, 'go-native');
  assert.deepEqual(
    tables.map((t) => [t.workload, t.heading]),
    [
      ['fib', 'fib (size 30)'],
      ['nbody', 'nbody (size 100000, a new seed every round)'],
    ],
  );
  const [fib, nbody] = tables.map((t) => t.table);
  // Rows are named by variant and parameters: the table says which workload they ran.
  assert.deepEqual(
    fib!.rows.map((r) => r[0]),
    ['c-native', 'go-native', 'cluster-js'],
  );
  assert.deepEqual(
    nbody!.rows.map((r) => r[0]),
    ['c-native', 'go-native', 'cluster-js', 'threads-js'],
  );
  // Columns 5..7: × go-native, × c-native, × fastest — each against the same workload's result.
  const ratios = (t: typeof fib, variant: string) => t!.rows.find((r) => r[0] === variant)!.slice(5, 8);
  assert.deepEqual(ratios(fib, 'cluster-js'), ['3.00× (3.00–3.00)', '6.00× (6.00–6.00)', '6.00× (6.00–6.00)']);
  assert.deepEqual(ratios(nbody, 'cluster-js'), ['3.33× (3.33–3.33)', '4.00× (4.00–4.00)', '4.00× (4.00–4.00)']);
  assert.deepEqual(ratios(nbody, 'go-native'), ['1.00×', '1.20× (1.20–1.20)', '1.20× (1.20–1.20)']);
  assert.deepEqual(ratios(nbody, 'c-native'), ['0.83× (0.83–0.83)', '1.00×', '1.00×']);
  assert.match(nbody!.rows.find((r) => r[0] === 'cluster-js')![1]!, /^2000\.0 \(/);
  assert.match(renderText(nbody!), /threads-js\s+FAILED.*wrong answer: expected nbody/);
  assert.doesNotMatch(renderText(fib!), /threads-js/, 'a failure of nbody stays in its table');
  assert.deepEqual(resultsTable(doc, 'go-native', 'nbody'), nbody, "resultsTable of a workload is its section's table");
  assert.match(runHeadline(doc), / · profile quick, fib=30, nbody=100000, workers=2$/);
});

test('the Markdown and HTML reports have a results section per workload, in run order, each with its own table', () => {
  const doc = fibAndNbody();
  const md = renderReportMarkdown(doc, [doc], 'go-native');
  const fibAt = md.indexOf('\n### fib (size 30)\n');
  const nbodyAt = md.indexOf('\n### nbody (size 100000, a new seed every round)\n');
  assert.ok(fibAt > md.indexOf('## Results') && nbodyAt > fibAt, 'fib, then nbody, under Results');
  const [fibSection, nbodySection] = [md.slice(fibAt, nbodyAt), md.slice(nbodyAt, md.indexOf('\n## ', nbodyAt))];
  const [fib, nbody] = workloadTables(doc, 'go-native').map((t) => renderMarkdown(t.table));
  assert.ok(fibSection.includes(fib!) && nbodySection.includes(nbody!), "each section holds its workload's table");
  assert.match(fibSection, /^\| cluster-js \| 1200\.0 \(/m);
  assert.match(nbodySection, /^\| cluster-js \| 2000\.0 \(/m);
  assert.doesNotMatch(fibSection, /threads-js/);
  assert.match(md, /## Failed \(1\)[\s\S]*threads-js · nbody/);

  const html = renderHtml(doc, [], 'go-native');
  const results = html.slice(html.indexOf('<section data-section="results">'), html.indexOf('</section>', html.indexOf('<section data-section="results">')));
  assert.deepEqual(
    [...results.matchAll(/<h3 data-workload="([^"]+)">([^<]+)<\/h3>/g)].map((m) => [m[1], m[2]]),
    [
      ['fib', 'fib (size 30)'],
      ['nbody', 'nbody (size 100000, a new seed every round)'],
    ],
  );
  assert.equal(results.match(/<table/g)?.length, 2, 'one table per workload');
  const nbodyHtml = results.slice(results.indexOf('data-workload="nbody"'));
  assert.match(nbodyHtml, /threads-js/);
  assert.doesNotMatch(results.slice(0, results.indexOf('data-workload="nbody"')), /threads-js/);
});
