// Fake `npm` programs for the install tests: put one first on PATH and the installer runs it.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the fake npm does when asked to install `<pkg>@<version>` into the folder it runs in. */
export type FakeNpm =
  /** Writes a stub binary where the package has it that prints its version (a Node `v<version>`, or `prints`), after `sleepS`. */
  | { kind: 'installs'; prints?: string; sleepS?: number }
  /** Leaves a partial install behind and fails like a 404. */
  | { kind: 'fails' };

const script = (fake: FakeNpm, log: string): string => {
  const head = `#!/bin/sh
echo "in $PWD: $@" >> '${log}'
prefix="$PWD"; spec=""
[ -f package.json ] || { echo "npm error: no package.json in $PWD" >&2; exit 2; }
while [ $# -gt 0 ]; do case "$1" in -E) spec="$2"; shift;; esac; shift; done
pkg="\${spec%@*}"; ver="\${spec##*@}"
mkdir -p "$prefix/node_modules/$pkg/bin"
`;
  if (fake.kind === 'fails') {
    return `${head}echo partial > "$prefix/node_modules/$pkg/package.json"
echo "npm error code E404" >&2
echo "npm error 404 Not Found - GET https://registry.example/$pkg - Not found" >&2
exit 1
`;
  }
  const prints = fake.prints ?? 'v$ver';
  // Each runtime's binary where its package has it, printing --version its way (Bun: bare; Deno: three lines).
  return `${head}sleep ${fake.sleepS ?? 0}
case "$pkg" in
  @oven/bun-*) target="$prefix/node_modules/$pkg/bin/bun"; out="$ver";;
  @deno/*) target="$prefix/node_modules/$pkg/deno"; out="deno $ver (stable, release, x86_64-unknown-linux-gnu)\\nv8 15.0.245.2-rusty\\ntypescript 6.0.3";;
  *) target="$prefix/node_modules/$pkg/bin/node"; out="${prints}";;
esac
printf '#!/bin/sh\\nprintf "%s\\\\n"\\n' "$out" > "$target"
chmod +x "$target"
`;
};

/**
 * Puts a fake npm first on PATH until `restore()`; every call's folder and arguments are appended to
 * `log` (`in <folder>: <arguments>`).
 * Also gives a fresh repository root to install into.
 */
export function withFakeNpm(fake: FakeNpm): { root: string; log: string; restore: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-fake-npm-'));
  const bin = path.join(dir, 'bin');
  const root = path.join(dir, 'repo');
  mkdirSync(bin);
  mkdirSync(root);
  const log = path.join(dir, 'npm-calls.log');
  writeFileSync(path.join(bin, 'npm'), script(fake, log));
  chmodSync(path.join(bin, 'npm'), 0o755);
  const before = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${before}`;
  return {
    root,
    log,
    restore: () => {
      process.env.PATH = before;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
