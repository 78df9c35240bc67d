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
