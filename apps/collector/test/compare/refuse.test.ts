import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startState, type Target, type TargetState } from '@arena/hyperfine-wrapper';
import { ConfigError } from '@arena/suite';
import { refuseHalf } from '../../src/compare/time.ts';
import type { SidePlan } from '../../src/compare/sides.ts';

const target = (side: string, key: string): Target => ({
  key: `${side} · ${key}`,
  variant: key,
  parameters: {},
  command: 'x',
  asked: { variant: key, workload: 'fib', size: 1, workers: 1 },
  seeded: false,
  table: 'fib',
  cwd: `/${side}`,
});
const plan = (name: 'A' | 'B'): SidePlan => ({
  side: { kind: 'commit', name, ref: name === 'A' ? 'HEAD~1' : 'HEAD', commit: name.repeat(40), root: `/${name}` },
  variants: [],
  broken: [],
  workloads: ['fib'],
  targets: [],
  problems: [],
});
const failed = (t: Target): TargetState => ({ status: 'failed', target: t, error: 'verification run: the report line is not JSON\nmore' });

test('refuseHalf: a side whose every result fails verification, while the other passes, is refused before timing', () => {
  const plans = [plan('A'), plan('B')];
  const aDead = [failed(target('A', 'x')), failed(target('A', 'y')), startState(target('B', 'x')), startState(target('B', 'y'))];
  assert.throws(
    () => refuseHalf(aDead, plans),
    (e: Error) =>
      e instanceof ConfigError && /^A \(HEAD~1, AAAAAAAAAA\): every result failed its verification run .*the report line is not JSON\); .*refuses it rather than half-compare/.test(e.message),
  );
  // One failure on a side is a result that now fails (or still does): compared, not refused.
  refuseHalf([failed(target('A', 'x')), startState(target('A', 'y')), startState(target('B', 'x')), startState(target('B', 'y'))], plans);
  // Both dead: nothing to half-compare; the results say why.
  refuseHalf([failed(target('A', 'x')), failed(target('B', 'x'))], plans);
});
