import { SCHEMA_VERSION } from '@arena/contract';
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '@arena/suite';
import { listRuns, readRun, RunInputError, saveRun, StoreError, writeFileAtomic } from '../src/store.ts';
import { makeRun } from './fixtures/run.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'arena-store-'));

test('a complete run is saved under runs/ and as latest.json', () => {
  const dir = tmp();
  const doc = makeRun({ 'go-native': 0.4 });
  const saved = saveRun(dir, doc);
  assert.equal(saved.runFile, path.join(dir, 'runs', `${doc.id}.json`));
  assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'latest.json'), 'utf8')), doc);
});

test('an interrupted run never becomes latest', () => {
  const dir = tmp();
  saveRun(dir, makeRun({ 'go-native': 0.4 }));
  const before = readFileSync(path.join(dir, 'latest.json'));
  const saved = saveRun(dir, makeRun({ 'go-native': 0.5 }, { id: 'later', status: 'interrupted' }));
  assert.equal(saved.latest, null);
  assert.deepEqual(readFileSync(path.join(dir, 'latest.json')), before);
});

test('a run id already stored is refused, never replaced, and latest.json stays as it was', () => {
  const dir = tmp();
  const first = makeRun({ 'go-native': 0.4 }, { id: 'same-id' });
  const saved = saveRun(dir, first);
  const before = { run: readFileSync(saved.runFile), latest: readFileSync(path.join(dir, 'latest.json')) };
  assert.throws(
    () => saveRun(dir, makeRun({ 'go-native': 0.9 }, { id: 'same-id' })),
    (e: Error) => e instanceof StoreError && /cannot write .*runs\/same-id\.json: it already exists and is never replaced/.test(e.message),
  );
  assert.deepEqual(readFileSync(saved.runFile), before.run);
  assert.deepEqual(readFileSync(path.join(dir, 'latest.json')), before.latest);
  assert.deepEqual(readdirSync(path.join(dir, 'runs')), ['same-id.json'], 'no temporary file left');
});

test('an exclusive write refuses an existing file; a plain one replaces it', () => {
  const dir = tmp();
  const file = path.join(dir, 'x.json');
  writeFileAtomic(file, 'one', { exclusive: true });
  assert.throws(() => writeFileAtomic(file, 'two', { exclusive: true }), StoreError);
  assert.equal(readFileSync(file, 'utf8'), 'one');
  writeFileAtomic(file, 'three');
  assert.equal(readFileSync(file, 'utf8'), 'three');
  assert.deepEqual(readdirSync(dir), ['x.json']);
});

test('corrupt, truncated and unknown-version files are skipped with a warning naming them', () => {
  const dir = tmp();
  saveRun(dir, makeRun({ 'go-native': 0.4 }));
  mkdirSync(path.join(dir, 'runs'), { recursive: true });
  writeFileSync(path.join(dir, 'runs', 'truncated.json'), '{"schemaVersion": 1, "id": "x"');
  writeFileSync(path.join(dir, 'runs', 'future.json'), JSON.stringify({ ...makeRun({}), schemaVersion: SCHEMA_VERSION + 1 }));
  const warnings: string[] = [];
  const runs = listRuns(dir, (m) => warnings.push(m));
  assert.equal(runs.length, 1);
  assert.equal(warnings.length, 2);
  assert.match(warnings.join('\n'), /truncated\.json: not readable JSON/);
  assert.match(warnings.join('\n'), new RegExp(`future\\.json: schemaVersion ${SCHEMA_VERSION + 1} was written by a newer bench-arena`));
});

test('every way a run file can be unusable is a RunInputError (a ConfigError: exit 2) whose first line names the file', () => {
  const dir = tmp();
  const files: Record<string, string | null> = { folder: null, 'not-json.txt': 'not json\nat all', 'no-run.json': '{"a": 1}', 'bad-run.json': JSON.stringify({ ...makeRun({}), results: 1 }) };
  for (const [name, text] of Object.entries(files)) {
    if (text === null) mkdirSync(path.join(dir, name));
    else writeFileSync(path.join(dir, name), text);
  }
  for (const name of [...Object.keys(files), 'missing.json']) {
    const file = path.join(dir, name);
    assert.throws(
      () => readRun(file),
      (e: Error) => e instanceof RunInputError && e instanceof ConfigError && e.message.split('\n')[0]!.startsWith(`${file}: `),
      name,
    );
  }
  assert.throws(() => readRun(path.join(dir, 'not-json.txt')), /not readable JSON \(.*"not json at all".*\)$/);
});

test('an unwritable folder gives a clear error and leaves the old file untouched', { skip: process.getuid?.() === 0 && 'root ignores permissions; covered by the full-disk test' }, () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'latest.json'), 'old');
  chmodSync(dir, 0o500);
  assert.throws(() => writeFileAtomic(path.join(dir, 'latest.json'), 'new'), StoreError);
  chmodSync(dir, 0o700);
  assert.equal(readFileSync(path.join(dir, 'latest.json'), 'utf8'), 'old');
});

test('a full disk gives a clear error, keeps the old file and leaves no temporary file', async (t) => {
  const dir = tmp();
  try {
    execSync(`mount -t tmpfs -o size=64k arena-full ${dir}`, { stdio: 'ignore' });
  } catch {
    // Mounting needs root; CI runs as root, so there this must not be skipped.
    if (process.env.CI) throw new Error('could not mount a small tmpfs to simulate a full disk');
    t.skip('mounting a tmpfs needs root');
    return;
  }
  try {
    writeFileSync(path.join(dir, 'latest.json'), 'old');
    writeFileSync(path.join(dir, 'filler'), Buffer.alloc(56 * 1024));
    assert.throws(() => writeFileAtomic(path.join(dir, 'latest.json'), 'x'.repeat(64 * 1024)), /cannot write .*latest\.json: ENOSPC/);
    assert.equal(readFileSync(path.join(dir, 'latest.json'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir).sort(), ['filler', 'latest.json']);
  } finally {
    execSync(`umount ${dir}`);
  }
});
