import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIVERGING, heatColour, HOST_PALETTE, hostColours, legendTicks, luminance, scaleLimit, scalePosition } from '../../src/report/colour.ts';

test('the scale spans the widest ratio, as a power of two between 2× and 64×', () => {
  assert.equal(scaleLimit([1, 1.2]), 2);
  assert.equal(scaleLimit([0.2, 3]), 8); // 1/0.2 = 5 → 8
  assert.equal(scaleLimit([1000]), 64);
  assert.equal(scaleLimit([]), 2);
  assert.deepEqual(legendTicks(4), [0.25, 0.5, 1, 2, 4]);
  assert.equal(scalePosition(2, 4), 0.5);
  assert.equal(scalePosition(100, 4), 1);
});

test('diverging on a log scale: white at 1×, blue ends faster, red ends slower, symmetric', () => {
  assert.equal(heatColour(1, 8).background, '#f7f7f7');
  assert.equal(heatColour(1 / 8, 8).background, DIVERGING[0]);
  assert.equal(heatColour(8, 8).background, DIVERGING.at(-1));
  assert.equal(heatColour(50, 8).background, DIVERGING.at(-1));
  const [faster, slower] = [heatColour(0.5, 4).background, heatColour(2, 4).background];
  const blue = (c: string) => parseInt(c.slice(5, 7), 16) - parseInt(c.slice(1, 3), 16);
  assert.ok(blue(faster) > 0 && blue(slower) < 0);
});

test('text stays legible: white on the dark ends, dark on the light middle (WCAG contrast ≥ 4.5)', () => {
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  assert.equal(heatColour(1 / 8, 8).text, '#ffffff');
  assert.equal(heatColour(1, 8).text, '#000000');
  for (let r = 1 / 16; r <= 16; r *= 1.1) {
    const { background, text } = heatColour(r, 16);
    assert.ok(contrast(background, text) >= 4.5, `${r}: ${text} on ${background}`);
  }
});

test('hosts get one palette colour each, in order', () => {
  const c = hostColours(['a', 'b']);
  assert.deepEqual(
    [...c],
    [
      ['a', HOST_PALETTE[0]],
      ['b', HOST_PALETTE[1]],
    ],
  );
  assert.equal(new Set(HOST_PALETTE).size, HOST_PALETTE.length);
});
