import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alphaAtLook, pocockSpent } from '../../src/decide/spending.ts';

const looks = { firstLook: 6, lastLook: 20 };

test('the Pocock-type spending function spends nothing at 0 and all of α at 1 (Lan & DeMets 1983)', () => {
  assert.equal(pocockSpent(0.05, 0), 0);
  assert.ok(Math.abs(pocockSpent(0.05, 1) - 0.05) < 1e-15);
  // α·ln(1 + (e − 1)·t): at t = 0.5, 0.05 · ln(1.859) = 0.03100
  assert.ok(Math.abs(pocockSpent(0.05, 0.5) - 0.031) < 5e-5);
});

test('the looks share α: what each planned look may spend adds up to α, and nothing is spent outside them', () => {
  let sum = 0;
  for (let n = 1; n <= 25; n++) sum += alphaAtLook(0.05, n, looks);
  assert.ok(Math.abs(sum - 0.05) < 1e-12);
  assert.equal(alphaAtLook(0.05, 5, looks), 0);
  assert.equal(alphaAtLook(0.05, 21, looks), 0);
  // The first look spends what the rounds before it would have: ln(1 + (e − 1)·6/20) of α.
  assert.ok(Math.abs(alphaAtLook(0.05, 6, looks) - 0.05 * Math.log(1 + (Math.E - 1) * 0.3)) < 1e-15);
  assert.ok(alphaAtLook(0.05, 7, looks) > alphaAtLook(0.05, 20, looks), 'front-loaded');
});
