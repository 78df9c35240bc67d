import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { writeReports } from '../../src/report/write.ts';
import { saveRun } from '../../src/store.ts';
import { makeScalingRun } from '../fixtures/scaling-run.ts';
import { FIXTURE, makeMatrixRun } from './fixtures/matrix-run.ts';
import { HISTORY_RUNS } from './fixtures/history-runs.ts';

// End to end: report.html opened in headless Chromium (Debian's, installed by
// `scripts/setup.sh --test`). Without it the test skips locally but fails in CI (CI=true).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const missing = !existsSync(CHROMIUM);
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const skip = missing && !inCi ? `${CHROMIUM} not found (apt-get install chromium, or bash scripts/setup.sh --test); skipped outside CI` : false;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('report.html renders its charts in Chromium, offline', { skip, timeout: 120_000 }, async () => {
  assert.ok(!missing, `${CHROMIUM} not found: CI must install it (bash scripts/setup.sh --test)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-browser-'));
  saveRun(dir, makeScalingRun({ 'go-native': 0.45, 'c-native': 0.32, 'node-wasm': 0.6 }, { id: 'older', createdAt: '2026-11-20T10:00:00.000Z' }));
  const doc = makeScalingRun({ 'go-native': 0.4, 'c-native': 0.3, 'node-wasm': 0.55 });
  saveRun(dir, doc);
  const { html } = await writeReports(doc, dir);
  const ok = doc.results.filter((r) => r.status === 'ok');

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
    const url = pathToFileURL(html).href;
    await page.goto(url, { waitUntil: 'load' });
    assert.deepEqual(requests, [url], 'the page loads nothing but itself');

    const count = (selector: string) => page.locator(selector).count();
    assert.deepEqual(
      await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart'))),
      ['median', 'times', 'phases', 'history', 'scaling'],
    );
    for (const name of ['median', 'times', 'phases', 'history', 'scaling']) {
      const box = await page.locator(`[data-chart="${name}"] > svg`).boundingBox();
      assert.ok(box && box.width > 100 && box.height > 50, `${name} chart has a size on the page`);
    }
    // One bar per ok result in the median chart, with one CI line each.
    assert.equal(await count('[data-chart="median"] g.bars_0_marks > path'), ok.length);
    assert.equal(await count('[data-chart="median"] g.ci_0_marks > line'), ok.length);
    // Every run's time: one tick per timed run.
    assert.equal(await count('[data-chart="times"] g.ticks_0_marks > path'), ok.reduce((n, r) => n + r.wallS.times.length, 0));
    // Phases: one stacked segment per reported phase (startup, spawn, compute).
    assert.equal(await count('[data-chart="phases"] g.phase_bars_marks > path'), ok.length * 3);
    // History: a line per result across the two stored runs; scaling: a line per variant.
    assert.equal(await count('[data-chart="history"] g.history_lines_0_marks'), ok.length);
    assert.equal(await count('[data-chart="scaling"] g.scaling_time_marks'), 3);
    assert.equal(await count('[data-chart="scaling"] g.scaling_speedup_marks'), 3);
    assert.match(await page.locator('[data-section="failed"]').innerText(), /broken-variant[\s\S]*expected 832040/);

    const png = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-shot-')), 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    assert.ok(statSync(png).size > 10_000, 'the screenshot is not empty');
    assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  } finally {
    await browser.close();
  }
});

test('the heat maps have one valued cell per ok result, read from the DOM; findings and a screenshot', { skip, timeout: 120_000 }, async (t) => {
  assert.ok(!missing, `${CHROMIUM} not found: CI must install it (bash scripts/setup.sh --test)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-matrix-'));
  const doc = makeMatrixRun();
  saveRun(dir, doc);
  const { html } = await writeReports(doc, dir, { streamed: new Set(['chunk-hash']) });
  // Where each result must land, from the fixture's own table (not from the code under test).
  const key = (host: string, workload: string, producer: string) => `${host} | ${workload} | ${producer}`;
  const where = (r: (typeof doc.results)[number]) => {
    const f = FIXTURE.find((x) => x.variant === r.variant && JSON.stringify(x.parameters) === JSON.stringify(r.parameters))!;
    return key(f.host, r.workload, f.producer);
  };
  const ok = doc.results.filter((r) => r.status === 'ok').map(where).sort();
  const failed = doc.results.filter((r) => r.status === 'failed').map(where).sort();
  assert.equal(failed.length, 2);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    type Cell = { host: string; workload: string; producer: string; metric: string; ratio: string | null; status: string | null; text: string; background: string; significant: string | null };
    const cells: Cell[] = await page.locator('.heat td[data-metric]').evaluateAll((els) =>
      els.map((e) => {
        const d = (e as HTMLElement).dataset;
        return { host: d.host!, workload: d.workload!, producer: d.producer!, metric: d.metric!, ratio: d.ratio ?? null, status: d.status ?? null, text: (e as HTMLElement).innerText, background: getComputedStyle(e).backgroundColor, significant: d.significant ?? null };
      }),
    );
    const valued = (metric: string) => cells.filter((c) => c.metric === metric && c.ratio !== null);

    // Exactly one time cell with a value per ok (host, workload, producer), none for a failed one.
    const time = valued('wall');
    assert.deepEqual(time.map((c) => key(c.host, c.workload, c.producer)).sort(), ok);
    for (const c of time) assert.ok(Number(c.ratio) > 0 && /×/.test(c.text), `${c.host} ${c.workload}: ${c.text}`);
    for (const f of failed) {
      const at = cells.filter((c) => c.metric === 'wall' && key(c.host, c.workload, c.producer) === f);
      assert.deepEqual(at.map((c) => [c.status, c.ratio]), [['failed', null]], f);
    }
    // c-native is the reference; go-native equals it on nbody: marked, not significant.
    assert.equal(Number(time.find((c) => c.host === 'c-native' && c.workload === 'fib')!.ratio), 1);
    const level = time.find((c) => c.host === 'go-native · go 1.26' && c.workload === 'nbody')!;
    assert.equal(level.significant, 'false');
    assert.match(level.text, /^~/);
    // A diverging heat map: faster cells and slower cells get different colours.
    const fast = time.find((c) => c.host === 'threads-js · node 20' && c.workload === 'fib')!;
    assert.notEqual(fast.background, level.background);

    // The other matrices: compute and CPU for every ok result; memory marks the one run without it.
    assert.equal(valued('compute').length, ok.length);
    assert.equal(valued('cpu').length, ok.length);
    assert.equal(valued('memory').length, ok.length - 1);
    assert.deepEqual(
      cells.filter((c) => c.metric === 'memory' && c.status === 'not-measured').map((c) => key(c.host, c.workload, c.producer)),
      [key('threads-wasi · node 20', 'fib', 'go')],
    );
    assert.equal(await page.locator('figure.matrix .legend').count(), 4, 'a colour legend per matrix');

    // Findings, generated from the data: per workload, and the flips between workloads.
    assert.match(await page.locator('[data-findings="fib"]').innerText(), /Fastest Node way: threads-wasi \[module=clang, node=20\]/);
    assert.match(await page.locator('[data-findings="chunk-hash"]').innerText(), /ns per call/);
    assert.match(await page.locator('[data-findings="flips"]').innerText(), /fastest Node way: threads-wasi \[module=clang, node=20\] on fib; threads-js \[node=20\] on nbody/);

    // The results tables' numbers do not wrap.
    const wraps = await page.locator('table.table td:not(:last-child)').evaluateAll((els) => els.filter((e) => getComputedStyle(e).whiteSpace !== 'nowrap').length);
    assert.equal(wraps, 0);
    // One panel per workload, bars sorted by time (top to bottom), one colour per host in every panel.
    const panels = await page.locator('[data-chart="median"] g.role-mark[class*="bars_"]').evaluateAll((gs) =>
      gs.map((g) => [...g.querySelectorAll('path')].map((p) => ({ y: p.getBoundingClientRect().y, w: p.getBoundingClientRect().width, fill: p.getAttribute('fill') }))),
    );
    assert.deepEqual(panels.map((p) => p.length), [8, 7, 7], 'a bar per ok result of each workload');
    for (const bars of panels) {
      const top = [...bars].sort((a, b) => a.y - b.y);
      assert.deepEqual(top.map((b) => b.w), [...top.map((b) => b.w)].sort((a, b) => a - b), 'fastest first');
    }
    const fills = panels.map((bars) => new Set(bars.map((b) => b.fill)));
    assert.deepEqual(fills.map((f) => f.size), [5, 5, 5], 'one colour per host');
    assert.deepEqual([...fills[0]!].sort(), [...fills[1]!].sort(), 'the same colours in every panel');

    const png = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-matrix-shot-')), 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    assert.ok(statSync(png).size > 10_000, 'the screenshot is not empty');
    assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    t.diagnostic(`screenshot: ${png}`);
  } finally {
    await browser.close();
  }
});

test('the history chart joins only comparable runs and marks the Go upgrade at its run, in Chromium', { skip, timeout: 120_000 }, async () => {
  assert.ok(!missing, `${CHROMIUM} not found: CI must install it (bash scripts/setup.sh --test)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-history-'));
  for (const d of HISTORY_RUNS) saveRun(dir, d);
  const { html } = await writeReports(HISTORY_RUNS.at(-1)!, dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const chart = '[data-chart="history"]';
    // Six series (2 results × 3 configurations); only three have two runs to join: the adaptive
    // fib-40 runs of each result (r1, r4) and go-native's two quick runs (r2, r3).
    const lines = await page.locator(`${chart} g.history_lines_0_marks path`).evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
    assert.equal(lines.length, 6);
    assert.equal(lines.filter((d) => /L/.test(d)).length, 3, 'a segment only between runs of one configuration');
    // The x of each run on the axis, in run order, and of the marks.
    const ticks = await page.locator(`${chart} g.role-axis-tick line`).evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().x));
    const xs = (selector: string) => page.locator(`${chart} ${selector}`).evaluateAll((ps) => ps.map((p) => { const b = p.getBoundingClientRect(); return b.x + b.width / 2; }));
    const near = (x: number, run: number) => Math.abs(x - ticks[run]!) < 2;
    const triangles = await xs('g.history_toolchain_0_marks path');
    assert.equal(triangles.length, 1);
    assert.ok(near(triangles[0]!, 3), 'the Go upgrade is marked at r4, the fourth run');
    assert.match(await page.locator(`${chart} g.history_toolchain_text_0_marks text`).textContent() ?? "", /go go1\.25\.5 → go1\.26\.8/);
    const steps = await xs('g.history_steps_0_marks path');
    assert.equal(steps.length, 1);
    assert.ok(near(steps[0]!, 3), 'the +20 % step is marked at r4');
    assert.equal(await page.locator(`${chart} g.history_ci_0_marks line`).count(), HISTORY_RUNS.reduce((n, d) => n + d.results.length, 0), 'a CI per point');
  } finally {
    await browser.close();
  }
});
