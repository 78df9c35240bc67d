import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunDocument } from '@arena/contract';
import { ConfigError } from '@arena/suite';
import { report } from '../../src/commands/report.ts';
import { saveRun } from '../../src/store.ts';
import { captureIo } from '../fixtures/io.ts';
import { makeRun } from '../fixtures/run.ts';
import { makeMachineRuns } from '../report/fixtures/machine-runs.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-report-cmd-'));
const results = path.join(dir, 'results');
const saved = process.env.BENCH_RESULTS_DIR;
before(() => {
  process.env.BENCH_RESULTS_DIR = results;
  saveRun(results, makeRun({ 'go-native': 0.4 }, { id: 'r1' }));
});
after(() => {
  if (saved === undefined) delete process.env.BENCH_RESULTS_DIR;
  else process.env.BENCH_RESULTS_DIR = saved;
});

test('report writes both files into BENCH_RESULTS_DIR and prints their paths', async () => {
  const io = captureIo(dir);
  assert.equal(await report([], io), 0);
  assert.equal(io.stdout(), `wrote ${path.join(results, 'report.html')}\nwrote ${path.join(results, 'report.md')}\n`);
  assert.ok(existsSync(path.join(results, 'report.html')) && existsSync(path.join(results, 'report.md')));
});

// Several runs: as a CI matrix job hands them over, run files downloaded outside results/.
const artifacts = path.join(dir, 'artifacts');
const artifact = (doc: RunDocument) => {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${doc.id}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return path.relative(dir, file);
};
const { x86, arm } = makeMachineRuns();

test('several runs of one commit on distinct machines: one report with a section per machine, written to --out', async () => {
  const io = captureIo(dir);
  assert.equal(await report([artifact(x86), artifact({ ...arm, git: { commit: arm.git.commit, dirty: true } }), '--out', 'site', '--baseline', 'c-native'], io), 0);
  const site = path.join(dir, 'site');
  assert.equal(io.stdout(), `wrote ${path.join(site, 'report.html')}\nwrote ${path.join(site, 'report.md')}\n`);
  assert.match(io.stderr(), /^warning: "artifacts\/20261210T121500Z-arm\.json" \(run 20261210T121500Z-arm\) was made on a dirty tree/m);
  const md = readFileSync(path.join(site, 'report.md'), 'utf8');
  assert.match(md, /## Across machines\n\n\| workload \| variant \| x86-64: ms \(95 % CI\) \| x86-64: × c-native \| arm64: ms \(95 % CI\) \| arm64: × c-native \|/);
  assert.match(md, /\n## x86-64 · AMD EPYC[^\n]*\n[\s\S]*\n## arm64 · Neoverse-N2[^\n]*\n/);
  assert.match(readFileSync(path.join(site, 'report.html'), 'utf8'), /<section class="machine" data-machine="a64f2"/);
});

test('runs of different commits, or two runs of one machine, are usage errors (exit 2) naming them; nothing is written', async () => {
  const other = artifact({ ...arm, id: 'arm-other', git: { commit: 'fedcba9876543', dirty: false } });
  const out = path.join(dir, 'refused');
  await assert.rejects(
    report([artifact(x86), other, '--out', out], captureIo(dir)),
    (e: unknown) =>
      e instanceof ConfigError &&
      e.message.includes('"artifacts/20261210T120000Z-x86.json" (run 20261210T120000Z-x86) is abc1234def') &&
      e.message.includes('"artifacts/arm-other.json" (run arm-other) is fedcba9876'),
  );
  const twin = artifact(makeRun({ 'go-native': 0.41 }, { id: 'r1-twin' }));
  await assert.rejects(
    report(['r1', twin, '--out', out], captureIo(dir)),
    (e: unknown) => e instanceof ConfigError && /same machine: run r1 and "artifacts\/r1-twin\.json" \(run r1-twin\) \(fingerprint f00d\)/.test(e.message),
  );
  assert.ok(!existsSync(out));
});

test('one run still gets the one-run report', async () => {
  const io = captureIo(dir);
  assert.equal(await report(['r1', '--out', 'one'], io), 0);
  const md = readFileSync(path.join(dir, 'one', 'report.md'), 'utf8');
  assert.match(md, /^# bench-arena report\n\nrun r1 · /);
  assert.doesNotMatch(md, /Across machines/);
  assert.match(readFileSync(path.join(dir, 'one', 'report.html'), 'utf8'), /<title>bench-arena report · r1<\/title>[\s\S]*<h1>bench-arena report<\/h1>\n<p class="headline">run r1 · /);
});
