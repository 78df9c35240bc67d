import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHyperfineExport } from '../src/hyperfine-json.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// Recorded with hyperfine 1.15.0 (Debian bookworm package 1.15.0-2), from test/fixtures/, with the harness's flags
// (src/args.ts):
//   hyperfine -N --style none --output inherit --warmup 0 --runs 3 --parameter-list seconds 0.01,0.02 \
//     --export-json hyperfine-1.15-export.json 'sleep {seconds}'
test('parses a recorded hyperfine 1.15 export with a parameter list', () => {
  const results = parseHyperfineExport(fixture('hyperfine-1.15-export.json'));
  assert.deepEqual(
    results.map((r) => [r.command, r.parameters]),
    [
      ['sleep 0.01', { seconds: '0.01' }],
      ['sleep 0.02', { seconds: '0.02' }],
    ],
  );
  for (const r of results) {
    assert.equal(r.times.length, 3);
    assert.deepEqual(r.exit_codes, [0, 0, 0]);
    assert.equal(r.median, [...r.times].sort((a, b) => a - b)[1]);
    assert.equal(r.min, Math.min(...r.times));
    assert.equal(r.max, Math.max(...r.times));
    assert.ok(r.stddev !== null && r.stddev > 0);
    assert.ok(r.user >= 0 && r.system >= 0);
  }
  assert.ok(results[0]!.median >= 0.01 && results[1]!.median >= 0.02, 'times are in seconds');
});

// Recorded with hyperfine 1.15.0, from test/fixtures/:
//   hyperfine -N --style none --output inherit --warmup 0 --runs 1 --export-json hyperfine-1.15-export-one-run.json \
//     --command-name one-run 'sleep 0.01'
test('parses a recorded one-run export: no stddev, the command name instead of the command, no parameters', () => {
  const [r, ...rest] = parseHyperfineExport(fixture('hyperfine-1.15-export-one-run.json'));
  assert.equal(rest.length, 0);
  assert.equal(r?.stddev, null);
  assert.equal(r?.command, 'one-run');
  assert.equal(r?.parameters, undefined);
  assert.deepEqual(r?.times, [r?.median]);
});

test('names what is wrong with a broken export (hand-written edge cases)', () => {
  assert.throws(() => parseHyperfineExport('{'), /not JSON/);
  assert.throws(() => parseHyperfineExport('{"results":[{"command":"x"}]}'), /unexpected shape[\s\S]*mean/);
});
