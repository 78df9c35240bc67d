import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuSeconds, MISSING, peakCell, peakHeader } from '../src/resources.ts';
import { peakAround } from './fixtures/run.ts';

test('CPU seconds are user + system; nothing else is stored for them', () => {
  assert.equal(cpuSeconds({ userS: { mean: 0.75 }, systemS: { mean: 0.25 } }), 1);
});

test('a peak reads as its median MiB and range; not measured, —', () => {
  assert.equal(peakCell(peakAround(100 * 2 ** 20)), '100.0 (99.0–101.0)');
  assert.equal(peakCell(null), MISSING);
  assert.equal(MISSING, '—');
});

test('the peak column names the method its results share', () => {
  const sampled = { peakMemory: peakAround(1) };
  const cgroup = { peakMemory: { ...peakAround(1), method: 'cgroup-v2' as const, sampleIntervalMs: null } };
  assert.equal(peakHeader([sampled, sampled, { peakMemory: null }]), 'peak MiB (PSS, sampled)');
  assert.equal(peakHeader([cgroup]), 'peak MiB (cgroup v2)');
  assert.equal(peakHeader([sampled, cgroup]), 'peak MiB');
  assert.equal(peakHeader([{ peakMemory: null }]), 'peak MiB');
});
