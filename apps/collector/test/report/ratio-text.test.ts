import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ratioCiText, ratioText, valueText } from '../../src/report/ratio-text.ts';
import { REFERENCE } from '../../src/report/ratio.ts';

test('ratios: two decimals, one from 10× on, the CI in brackets, ~ when not significant', () => {
  assert.equal(ratioText(1.456), '1.46×');
  assert.equal(ratioText(11.94), '11.9×');
  assert.equal(ratioCiText({ ratio: 1.456, ci: { low: 1.44, high: 1.47 }, significant: true, method: 'paired-rounds' }), '1.46× (1.44–1.47)');
  assert.equal(ratioCiText({ ratio: 1.004, ci: { low: 0.98, high: 1.02 }, significant: false, method: 'paired-rounds' }), '~1.00× (0.98–1.02)');
  assert.equal(ratioCiText({ ratio: 1.2, ci: null, significant: false, method: 'runs' }), '~1.20× (too few runs for a CI)');
  assert.equal(ratioCiText({ ratio: 1.2, ci: null, significant: null, method: 'none' }), '1.20×');
  assert.equal(ratioCiText(REFERENCE), '1.00×');
});

test('values: ms for times, MiB for bytes', () => {
  assert.equal(valueText(0.4482, 's'), '448.2 ms');
  assert.equal(valueText(405, 'ms'), '405.0 ms');
  assert.equal(valueText(48 * 2 ** 20, 'bytes'), '48.0 MiB');
});
