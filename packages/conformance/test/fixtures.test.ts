// The conformance suite's own test: broken fixture variants, copied into a temporary workspace and
// run through the same checks, must fail exactly the rules they break, with messages that say so.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { discoverVariants } from '@arena/collector/src/discover.ts';
import { conformanceChecks, RULES, runChecks } from '../src/checks.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'arena-conformance-fixtures-'));
cpSync(path.join(import.meta.dirname, '..', 'fixtures', 'broken-variants'), path.join(root, 'packages', 'variants'), { recursive: true });
test.after(() => rmSync(root, { recursive: true, force: true }));

/** What each fixture breaks: the failing test names and what their messages must say. */
const EXPECTED: Record<string, Record<string, RegExp>> = {
  'wrong-answer': {
    [`wrong-answer: ${RULES.report}`]: /wrong answer: expected fibonacci\(20\) = 6765, got 6766 from worker 0/,
    [`wrong-answer: ${RULES.workers}`]: /wrong answer: expected fibonacci\(20\) = 6765, got 6766/,
    [`wrong-answer: ${RULES.n}`]: /wrong answer: expected fibonacci\(21\) = 10946, got 10947/,
  },
  'ignores-workers': {
    [`ignores-workers: ${RULES.workers}`]: /workers: expected 3, got 1/,
  },
  'leaves-child': {
    [`leaves-child: ${RULES.leftovers}`]: /left 1 process\(es\) of its group running .* \d+ \(sleep\)/,
  },
};

const { variants, broken } = discoverVariants(root);

test('the fixtures are discovered like any variant', () => {
  assert.deepEqual(broken, []);
  assert.deepEqual(variants.map((v) => v.name).sort(), Object.keys(EXPECTED).sort());
});

for (const variant of variants) {
  test(`${variant.name}: the suite fails exactly the rules it breaks, saying how`, async () => {
    const outcomes = await runChecks(conformanceChecks(root, variant, []));
    const failed = Object.fromEntries(outcomes.filter((o) => o.error !== undefined).map((o) => [o.title, o.error!]));
    const expected = EXPECTED[variant.name]!;
    assert.deepEqual(Object.keys(failed).sort(), Object.keys(expected).sort(), JSON.stringify(failed, null, 2));
    for (const [title, pattern] of Object.entries(expected)) assert.match(failed[title]!, pattern, title);
    assert.ok(outcomes.length > Object.keys(expected).length, 'the other rules ran and passed');
  });
}
