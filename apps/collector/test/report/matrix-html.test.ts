import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostColours } from '../../src/report/colour.ts';
import { matrixHtml } from '../../src/report/matrix-html.ts';
import { buildMatrix } from '../../src/report/matrix.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

const html = () => {
  const m = buildMatrix(makeMatrixRun(), 'wall')!;
  return matrixHtml(m, hostColours(m.hosts));
};

test('valued cells carry host, workload, producer, metric and ratio; failed cells carry no ratio', () => {
  const h = html();
  const valued = [...h.matchAll(/<td class="cell[^"]*" data-host="([^"]+)" data-workload="([^"]+)" data-producer="([^"]+)" data-metric="wall" data-status="ok" data-ratio="([^"]+)"/g)];
  assert.equal(valued.length, 22);
  assert.ok(valued.some((v) => v[1] === 'threads-wasi · node 20' && v[2] === 'fib' && v[3] === 'clang' && Math.abs(Number(v[4]) - 1.5) < 0.01));
  const failed = [...h.matchAll(/<td class="cell failed"[^>]*>/g)].map((x) => x[0]);
  assert.equal(failed.length, 2);
  for (const f of failed) assert.doesNotMatch(f, /data-ratio/);
});

test('heat colours inline, a dashed ~ cell when not significant, a legend, a colour swatch per host', () => {
  const h = html();
  assert.match(h, /<td class="cell ns" data-host="go-native · go 1\.26" data-workload="nbody"[^>]*data-significant="false"[^>]*>~1\.00×/);
  assert.match(h, /style="background:#[0-9a-f]{6};color:#(000000|ffffff)"/);
  assert.match(h, /<div class="legend"[^>]*>.*1\/16×.*16×/s);
  assert.equal((h.match(/class="swatch"/g) ?? []).length, 5);
  assert.match(h, /<th colspan="4" data-workload="fib">fib<\/th>/);
  assert.doesNotMatch(h, /url\(|<script/);
});
