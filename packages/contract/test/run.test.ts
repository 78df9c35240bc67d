import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runDocument } from '../src/run.ts';
import { parseRunDocument, RunDocumentError } from '../src/read.ts';
import { sampleRun } from './fixtures/run.ts';

test('accepts a run with an ok and a failed result', () => {
  const doc = runDocument.parse(sampleRun());
  assert.deepEqual(doc.results.map((r) => r.status), ['ok', 'failed']);
});

test('rejects an ok result without times', () => {
  const doc = sampleRun() as any;
  delete doc.results[0].wallS.times;
  assert.equal(runDocument.safeParse(doc).success, false);
});

test('rejects a failed result without an error', () => {
  const doc = sampleRun() as any;
  delete doc.results[1].error;
  assert.equal(runDocument.safeParse(doc).success, false);
});

test('parseRunDocument names a newer schemaVersion and the file', () => {
  assert.throws(() => parseRunDocument({ ...sampleRun(), schemaVersion: 7 }, 'runs/x.json'), (e: unknown) => {
    assert.ok(e instanceof RunDocumentError);
    assert.match(e.message, /runs\/x\.json: schemaVersion 7 was written by a newer bench-arena/);
    return true;
  });
});

test('parseRunDocument refuses an older version that has no migration', () => {
  assert.throws(() => parseRunDocument({ ...sampleRun(), schemaVersion: 0 }), /schemaVersion 0 is unknown and has no migration/);
});

test('parseRunDocument refuses non-documents and prints readable zod errors', () => {
  assert.throws(() => parseRunDocument([]), /not a JSON object/);
  assert.throws(() => parseRunDocument({ foo: 1 }), /no integer schemaVersion/);
  assert.throws(() => parseRunDocument({ ...sampleRun(), id: 'bad id' }), /does not match run\.schema\.json[\s\S]*id/);
});

test('rejects an ok result whose round list does not match its times', () => {
  const doc = sampleRun() as any;
  doc.results[0].wallS.round = [1, 1];
  assert.equal(runDocument.safeParse(doc).success, false);
});

test('parseRunDocument migrates version 1: blocks of roundRuns become rounds, run counts become round counts', () => {
  const v1 = sampleRun() as any;
  v1.schemaVersion = 1;
  v1.config = { profile: 'default', n: 40, workers: [2], warmup: 2, minRuns: 10, maxRuns: 60, targetCiPct: 1, budgetS: 60, interleave: true, roundRuns: 5 };
  v1.results[0].wallS.times = [1, 2, 3, 4, 5, 6, 7];
  delete v1.results[0].wallS.round;
  const doc = parseRunDocument(v1);
  assert.equal(doc.schemaVersion, 2);
  assert.deepEqual(
    { per: doc.config.runsPerRound, min: doc.config.minRounds, max: doc.config.maxRounds, only: doc.config.only },
    { per: 5, min: 2, max: 12, only: null },
  );
  const ok = doc.results[0]!;
  assert.equal(ok.status, 'ok');
  if (ok.status === 'ok') assert.deepEqual(ok.wallS.round, [1, 1, 1, 1, 1, 2, 2]);
});
