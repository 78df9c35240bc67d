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

// End to end: report.html opened in headless Chromium (Debian's, installed by
// `scripts/setup.sh --test`). Without it the test skips locally but fails in CI (CI=true).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const missing = !existsSync(CHROMIUM);
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const skip = missing && !inCi ? `${CHROMIUM} not found (apt-get install chromium, or bash scripts/setup.sh --test); skipped outside CI` : false;

test('report.html renders its charts in Chromium, offline', { skip, timeout: 120_000 }, async () => {
  assert.ok(!missing, `${CHROMIUM} not found: CI must install it (bash scripts/setup.sh --test)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-browser-'));
  saveRun(dir, makeScalingRun({ 'go-native': 0.45, 'c-native': 0.32, 'node-wasm': 0.6 }, { id: 'older', createdAt: '2026-11-20T10:00:00.000Z' }));
  const doc = makeScalingRun({ 'go-native': 0.4, 'c-native': 0.3, 'node-wasm': 0.55 });
  saveRun(dir, doc);
  const { html } = await writeReports(doc, dir);
  const ok = doc.results.filter((r) => r.status === 'ok');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
    assert.equal(await count('[data-chart="median"] g.bars_marks > path'), ok.length);
    assert.equal(await count('[data-chart="median"] g.ci_marks > line'), ok.length);
    // Every run's time: one tick per timed run.
    assert.equal(await count('[data-chart="times"] g.ticks_marks > path'), ok.reduce((n, r) => n + r.wallS.times.length, 0));
    // Phases: one stacked segment per reported phase (startup, spawn, compute).
    assert.equal(await count('[data-chart="phases"] g.phase_bars_marks > path'), ok.length * 3);
    // History: a line per result across the two stored runs; scaling: a line per variant.
    assert.equal(await count('[data-chart="history"] g.history_marks'), ok.length);
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
