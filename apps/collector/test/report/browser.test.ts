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
import { FIXTURE, makeMatrixRun, WORKLOADS } from './fixtures/matrix-run.ts';
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
    assert.deepEqual(await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart'))), ['median', 'times', 'phases', 'history', 'scaling']);
    for (const name of ['median', 'times', 'phases', 'history', 'scaling']) {
      const box = await page.locator(`[data-chart="${name}"] > svg`).boundingBox();
      assert.ok(box && box.width > 100 && box.height > 50, `${name} chart has a size on the page`);
    }
    // One bar per ok result in the median chart, with one CI line each.
    assert.equal(await count('[data-chart="median"] g.bars_0_marks > path'), ok.length);
    assert.equal(await count('[data-chart="median"] g.ci_0_marks > line'), ok.length);
    // Every run's time: one tick per timed run.
    assert.equal(
      await count('[data-chart="times"] g.ticks_0_marks > path'),
      ok.reduce((n, r) => n + r.wallS.times.length, 0),
    );
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
  const ok = doc.results
    .filter((r) => r.status === 'ok')
    .map(where)
    .sort();
  const failed = doc.results
    .filter((r) => r.status === 'failed')
    .map(where)
    .sort();
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
        return {
          host: d.host!,
          workload: d.workload!,
          producer: d.producer!,
          metric: d.metric!,
          ratio: d.ratio ?? null,
          status: d.status ?? null,
          text: (e as HTMLElement).innerText,
          background: getComputedStyle(e).backgroundColor,
          significant: d.significant ?? null,
        };
      }),
    );
    const valued = (metric: string) => cells.filter((c) => c.metric === metric && c.ratio !== null);

    // Exactly one time cell with a value per ok (host, workload, producer), none for a failed one.
    const time = valued('wall');
    assert.deepEqual(time.map((c) => key(c.host, c.workload, c.producer)).sort(), ok);
    for (const c of time) assert.ok(Number(c.ratio) > 0 && /×/.test(c.text), `${c.host} ${c.workload}: ${c.text}`);
    for (const f of failed) {
      const at = cells.filter((c) => c.metric === 'wall' && key(c.host, c.workload, c.producer) === f);
      assert.deepEqual(
        at.map((c) => [c.status, c.ratio]),
        [['failed', null]],
        f,
      );
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
    assert.match(await page.locator('[data-findings="fib"]').innerText(), /Fastest JavaScript way: threads-wasi \[module=clang, node=20\]/);
    assert.match(await page.locator('[data-findings="chunk-hash"]').innerText(), /ns per call/);
    assert.match(await page.locator('[data-findings="flips"]').innerText(), /fastest JavaScript way: threads-wasi \[module=clang, node=20\] on fib; threads-js \[node=20\] on nbody/);

    // The results tables' numbers do not wrap.
    const wraps = await page.locator('table.table td:not(:last-child)').evaluateAll((els) => els.filter((e) => getComputedStyle(e).whiteSpace !== 'nowrap').length);
    assert.equal(wraps, 0);
    // One panel per workload, bars sorted by time (top to bottom), one colour per host in every panel.
    const panels = await page
      .locator('[data-chart="median"] g.role-mark[class*="bars_"]')
      .evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll('path')].map((p) => ({ y: p.getBoundingClientRect().y, w: p.getBoundingClientRect().width, fill: p.getAttribute('fill') }))));
    assert.deepEqual(
      panels.map((p) => p.length),
      [8, 7, 7],
      'a bar per ok result of each workload',
    );
    for (const bars of panels) {
      const top = [...bars].sort((a, b) => a.y - b.y);
      assert.deepEqual(
        top.map((b) => b.w),
        [...top.map((b) => b.w)].sort((a, b) => a - b),
        'fastest first',
      );
    }
    const fills = panels.map((bars) => new Set(bars.map((b) => b.fill)));
    assert.deepEqual(
      fills.map((f) => f.size),
      [5, 5, 5],
      'one colour per host',
    );
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

test('at 1280 px the page does not scroll sideways; wide matrices and results tables scroll in their box with their first column in view', { skip, timeout: 120_000 }, async (t) => {
  assert.ok(!missing, `${CHROMIUM} not found: CI must install it (bash scripts/setup.sh --test)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-sticky-'));
  const doc = makeMatrixRun();
  saveRun(dir, doc);
  const { html } = await writeReports(doc, dir, { streamed: new Set(['chunk-hash']) });
  const hosts = [...new Set(FIXTURE.map((f) => f.host))];

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const sideways = () => page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    const before = await sideways();
    assert.ok(before.page <= before.window, `the page itself does not scroll sideways: ${before.page} px in a ${before.window} px window`);

    // Scrolls a box to its right end and measures its first column (`first`) and the last cell of its first body row.
    type Rect = { left: number; right: number };
    type Scrolled = {
      box: Rect;
      clientWidth: number;
      scrollWidth: number;
      scrollLeft: number;
      first: Array<{ text: string; left: number; right: number; background: string; onTop: boolean; under: number }>;
      lastBefore: number;
      lastAfter: number;
      lastText: string;
    };
    const scrollRight = (box: string, first: string): Promise<Scrolled> =>
      page.locator(box).evaluate((el, first) => {
        // (No named helper functions in here: tsx would wrap them in a __name() the page lacks.)
        el.scrollIntoView({ block: 'center' });
        const last = el.querySelector('tbody tr:first-child > :last-child')!;
        const lastBefore = last.getBoundingClientRect().left;
        el.scrollLeft = el.scrollWidth;
        const cells = [...el.querySelectorAll(first)];
        const others = [...el.querySelectorAll('tbody td, thead th')].filter((c) => !cells.includes(c));
        const b = el.getBoundingClientRect();
        return {
          box: { left: b.left, right: b.right },
          clientWidth: el.clientWidth,
          scrollWidth: el.scrollWidth,
          scrollLeft: el.scrollLeft,
          lastBefore,
          lastAfter: last.getBoundingClientRect().left,
          lastText: (last as HTMLElement).innerText,
          first: cells.map((c) => {
            const r = c.getBoundingClientRect();
            // What the reader sees in the middle of the cell: the cell itself, not a cell scrolled under it.
            const seen = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
            // Cells of the same rows that scrolled (at least partly) under it, so the check above means something.
            const under = others.filter((o) => {
              const q = o.getBoundingClientRect();
              return q.left < r.right && q.right > r.left && q.top < r.bottom && q.bottom > r.top;
            }).length;
            return { text: (c as HTMLElement).innerText.trim(), left: r.left, right: r.right, background: getComputedStyle(c).backgroundColor, onTop: !!seen && c.contains(seen), under };
          }),
        };
      }, first);
    const stays = (what: string, s: Scrolled) => {
      assert.ok(s.scrollWidth > s.clientWidth + 100, `${what} is wider than its box at 1280 px (${s.scrollWidth} > ${s.clientWidth})`);
      assert.equal(s.scrollLeft, s.scrollWidth - s.clientWidth, `${what}: scrolled to its right end`);
      // A cell further right moved left by the scroll.
      assert.ok(Math.abs(s.lastBefore - s.scrollLeft - s.lastAfter) < 1.5, `${what}: "${s.lastText}" moved by ${s.lastBefore - s.lastAfter} px, the box scrolled ${s.scrollLeft}`);
      for (const c of s.first) {
        assert.ok(Math.abs(c.left - s.box.left) < 1.5, `${what}: "${c.text}" stays at the box's left edge (${c.left} vs ${s.box.left})`);
        assert.ok(c.right > s.box.left + 40, `${what}: "${c.text}" is visible in the box`);
        assert.equal(c.background, 'rgb(255, 255, 255)', `${what}: "${c.text}" has an opaque background`);
        assert.ok(c.onTop, `${what}: "${c.text}" is drawn over the cells scrolled under it`);
      }
      assert.ok(
        s.first.some((c) => c.under > 0),
        `${what}: some cells did scroll under the first column`,
      );
    };

    for (const metric of ['wall', 'compute', 'cpu', 'memory']) {
      const s = await scrollRight(`[data-matrix="${metric}"] .scroll`, 'th.host');
      assert.deepEqual(
        s.first.map((c) => c.text),
        ['host', ...hosts],
        `${metric}: the host column, header included`,
      );
      stays(`the ${metric} matrix`, s);
    }
    const tables = await page.locator('[data-section="results"] .scroll').count();
    assert.equal(tables, Object.keys(WORKLOADS).length, 'a results table per workload');
    for (let i = 0; i < tables; i++) {
      const s = await scrollRight(`[data-section="results"] .scroll >> nth=${i}`, 'tr > :first-child');
      assert.equal(s.first[0]!.text, 'variant');
      assert.equal(s.first.length, FIXTURE.length + 1, 'the header and a row per variant');
      stays(`results table ${i + 1}`, s);
    }
    const after = await sideways();
    assert.ok(after.page <= after.window, `scrolling the boxes does not widen the page: ${after.page} px`);

    const png = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-sticky-shot-')), 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    t.diagnostic(`screenshot, every box scrolled to its right end: ${png}`);

    // In a narrow window the first column scrolls with the cells, so it never covers them: a cell
    // scrolled to the box's left edge is the one seen there.
    await page.setViewportSize({ width: 400, height: 800 });
    const covered = await page.locator('[data-section="results"] .scroll >> nth=0').evaluate((el) => {
      const cell = el.querySelector('tbody tr:first-child > :nth-child(3)') as HTMLElement;
      el.scrollIntoView({ block: 'center' });
      el.scrollLeft = cell.offsetLeft;
      const r = cell.getBoundingClientRect();
      const seen = document.elementFromPoint(r.left + 5, (r.top + r.bottom) / 2);
      return { seen: !!seen && cell.contains(seen), page: document.documentElement.scrollWidth, window: window.innerWidth };
    });
    assert.ok(covered.seen, 'at 400 px a cell scrolled to the left edge is not hidden under the first column');
    assert.ok(covered.page <= covered.window, 'nor does the page scroll sideways at 400 px');
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
    const xs = (selector: string) =>
      page.locator(`${chart} ${selector}`).evaluateAll((ps) =>
        ps.map((p) => {
          const b = p.getBoundingClientRect();
          return b.x + b.width / 2;
        }),
      );
    const near = (x: number, run: number) => Math.abs(x - ticks[run]!) < 2;
    const triangles = await xs('g.history_toolchain_0_marks path');
    assert.equal(triangles.length, 1);
    assert.ok(near(triangles[0]!, 3), 'the Go upgrade is marked at r4, the fourth run');
    assert.match((await page.locator(`${chart} g.history_toolchain_text_0_marks text`).textContent()) ?? '', /go go1\.25\.5 → go1\.26\.8/);
    const steps = await xs('g.history_steps_0_marks path');
    assert.equal(steps.length, 1);
    assert.ok(near(steps[0]!, 3), 'the +20 % step is marked at r4');
    assert.equal(
      await page.locator(`${chart} g.history_ci_0_marks line`).count(),
      HISTORY_RUNS.reduce((n, d) => n + d.results.length, 0),
      'a CI per point',
    );
  } finally {
    await browser.close();
  }
});
