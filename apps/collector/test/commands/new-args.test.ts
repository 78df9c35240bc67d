// `pnpm arena new` argument checks, without running turbo gen: every refusal is a ConfigError (exit 2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNewArgs } from '../../src/commands/new.ts';
import { ConfigError, repoRoot } from '@arena/suite';

const root = repoRoot(import.meta.dirname);

test('arena new: a kebab-case name and a template are accepted in either order and form', () => {
  assert.deepEqual(parseNewArgs(['threads-zig', '--template', 'node'], root), { name: 'threads-zig', template: 'node' });
  assert.deepEqual(parseNewArgs(['--template=wasi-go', 'go2-x'], root), { name: 'go2-x', template: 'wasi-go' });
  assert.deepEqual(parseNewArgs(['-t', 'go'], root), { template: 'go' });
  assert.deepEqual(parseNewArgs([], root), {});
});

for (const [args, says] of [
  [['Threads'], /kebab-case/],
  [['threads_zig'], /kebab-case/],
  [['-x'], /unknown option "-x"/],
  [['2fast'], /kebab-case/],
  [['a--b'], /kebab-case/],
  [['threads-js', '--template', 'node'], /packages\/variants\/threads-js already exists/],
  [['fresh', '--template', 'rust'], /unknown template "rust": one of node\|go\|wasi-node\|wasi-go/],
  [['fresh', '--template'], /--template needs a value/],
  [['fresh', 'other'], /unexpected argument "other"/],
] as const) {
  test(`arena new: ${args.join(' ')} is refused with exit 2`, () => {
    assert.throws(
      () => parseNewArgs([...args], root),
      (error: unknown) => error instanceof ConfigError && says.test(error.message),
    );
  });
}
