import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decidedCount, decideFamily, familySize, fastestDecided, type LogRatios, neededResults, type Question, startFamily } from '../../src/decide/family.ts';

const rule = { alpha: 0.05, marginPct: 2, firstLook: 3, lastLook: 10 };

/** Made-up paired log ratios: each result's log time per round is its level plus a small wobble. */
function ratiosFrom(levels: Record<string, number>, rounds: number, wobble = 0.002): LogRatios {
  const seed = (k: string) => [...k].reduce((a, c) => a + c.charCodeAt(0), 0) % 13;
  const at = (k: string, r: number) => levels[k]! + wobble * Math.sin(r * (1.3 + seed(k)));
  return (a, b) => Array.from({ length: rounds }, (_, i) => at(a, i + 1) - at(b, i + 1));
}

const pair = (id: string, a: string, b: string): Question => ({ kind: 'pair', id, a, b });

test('a family counts every pair and every fastest member but the leader', () => {
  assert.equal(familySize([pair('p', 'a', 'b'), { kind: 'fastest', id: 'f', members: ['a', 'b', 'c'] }]), 3);
});

test('a pair far apart is decided slower at the first look; one equal within the margin is equivalent; one near the margin stays undecided', () => {
  const qs = [pair('far', 'w', 'n'), pair('same', 'x', 'n'), pair('edge', 'y', 'n')];
  const r = ratiosFrom({ w: Math.log(4), n: 0, x: 0.0005, y: Math.log(1.02) }, 3, 0.01);
  const fam = decideFamily(qs, startFamily(qs), r, rule, 3);
  assert.equal(fam.pairs.far!.outcome, 'slower');
  assert.equal(fam.pairs.far!.round, 3);
  assert.equal(fam.pairs.edge!.outcome, 'undecided');
  const later = decideFamily(qs, fam, ratiosFrom({ w: Math.log(4), n: 0, x: 0.0005, y: Math.log(1.02) }, 10, 0.001), rule, 10);
  assert.equal(later.pairs.same!.outcome, 'equivalent');
  assert.equal(later.pairs.far!.round, 3, 'a decision is kept as made');
});

test('nothing is decided before the first look', () => {
  const qs = [pair('far', 'w', 'n')];
  const fam = decideFamily(qs, startFamily(qs), ratiosFrom({ w: 2, n: 0 }, 2), rule, 2);
  assert.equal(fam.pairs.far!.outcome, 'undecided');
  assert.equal(decidedCount(fam), 0);
});

test('Holm: a decision frees its share of α, so a second comparison is tested at α/1 instead of α/2 in the same look', () => {
  const qs = [pair('far', 'w', 'n'), pair('near', 'v', 'n')];
  const levels = { w: 2, n: 0, v: 0.035 };
  const r = ratiosFrom(levels, 6, 0.004);
  const fam = decideFamily(qs, startFamily(qs), r, rule, 6);
  assert.equal(fam.pairs.far!.outcome, 'slower');
  assert.ok(
    fam.pairs.near!.alpha >
      decideFamily([qs[1]!, pair('x', 'n', 'n2')], startFamily([qs[1]!, pair('x', 'n', 'n2')]), (a, b) => (a === 'n' && b === 'n2' ? [0.01, -0.01, 0.02, -0.02, 0, 0.01] : r(a, b)), rule, 6).pairs
        .near!.alpha,
  );
});

test('the fastest of a family: the leader is the lowest, a slower member is out for good, a tied one stays until the question is decided', () => {
  const q: Question = { kind: 'fastest', id: 'f', members: ['a', 'b', 'c'] };
  const r = ratiosFrom({ a: 0, b: 0.001, c: Math.log(3) }, 10, 0.0005);
  const fam = decideFamily([q], startFamily([q]), r, rule, 10);
  const f = fam.fastest.f!;
  assert.equal(f.leader, 'a');
  assert.equal(f.slots.c!.state, 'slower');
  assert.equal(f.slots.b!.state, 'tied');
  assert.ok(fastestDecided(f));
  assert.deepEqual([...neededResults([q], fam)], []);
});

test('a new leader reopens the ties made against the old one; the members still racing are needed', () => {
  const q: Question = { kind: 'fastest', id: 'f', members: ['a', 'b', 'c'] };
  const before = decideFamily([q], startFamily([q]), ratiosFrom({ a: 0, b: 0.001, c: Math.log(3) }, 10, 0.0005), rule, 10);
  const after = decideFamily([q], before, ratiosFrom({ a: 0.002, b: 0, c: Math.log(3) }, 3, 0.05), rule, 11);
  const f = after.fastest.f!;
  assert.equal(f.leader, 'b');
  assert.equal(f.slots.a!.state, 'open');
  assert.equal(f.slots.c!.state, 'slower', 'slower stays slower');
  assert.deepEqual([...neededResults([q], after)].sort(), ['a', 'b']);
});

test('needed: both sides of an undecided pair, nothing of a decided one', () => {
  const qs = [pair('p', 'w', 'n'), pair('q', 'v', 'm')];
  const fam = decideFamily(qs, startFamily(qs), ratiosFrom({ w: 2, n: 0, v: 0.01, m: 0 }, 3, 0.02), rule, 3);
  assert.equal(fam.pairs.p!.outcome, 'slower');
  assert.deepEqual([...neededResults(qs, fam)].sort(), ['m', 'v']);
});
