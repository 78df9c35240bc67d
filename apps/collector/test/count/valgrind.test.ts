import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { CountedResult } from '@arena/contract';
import { runProcess } from '@arena/hyperfine-wrapper';
import { execa } from 'execa';
import { judgeCounted } from '../../src/count/judge.ts';
import { countedArgv, instructionsIn } from '../../src/count/valgrind.ts';

// Real valgrind on a tiny C program: a test of the counting method itself, seconds long.
const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-count-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The kernel: n iterations of a multiply-add (EXTRA_PCT more of them in the slowed build); with
// `child` as its second argument the program first runs itself as a child process (fork + exec).
const SOURCE = `
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#ifndef EXTRA_PCT
#define EXTRA_PCT 0
#endif
int main(int argc, char **argv) {
  long n = atol(argv[1]);
  if (argc > 2) {
    pid_t pid = fork();
    if (pid == 0) { execl(argv[0], argv[0], argv[1], (char *)0); _exit(127); }
    int status; waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 3;
  }
  volatile unsigned long x = 0;
  for (long i = 0; i < n + n * EXTRA_PCT / 100; i++) x += (unsigned long)i * 2654435761u;
  printf("%lu\\n", x);
  return 0;
}
`;

async function build(name: string, defines: string[] = []): Promise<string> {
  const src = path.join(dir, 'kernel.c');
  writeFileSync(src, SOURCE);
  const bin = path.join(dir, name);
  await execa('cc', ['-O1', ...defines, '-o', bin, src]);
  return bin;
}

/** One counted run of `argv`; its instructions and how many processes valgrind wrote a count for. */
async function count(argv: string[], children = false): Promise<{ instructions: number; files: number }> {
  const out = mkdtempSync(path.join(dir, 'out-'));
  const [file, ...args] = countedArgv(argv, out, children);
  const o = await runProcess(file!, args, { timeoutMs: 60_000 });
  assert.equal(o.exitCode, 0, `valgrind failed (is it installed? bash scripts/setup.sh --test): ${o.stderr}`);
  return { instructions: instructionsIn(out), files: readdirSync(out).length };
}

/** Three counted runs at each of the sizes 1 M and 2 M iterations, as countSides records them. */
async function counted(bin: string): Promise<Extract<CountedResult, { status: 'counted' }>> {
  const at = async (size: number) => ({
    size,
    instructions: [(await count([bin, String(size)])).instructions, (await count([bin, String(size)])).instructions, (await count([bin, String(size)])).instructions],
  });
  return { status: 'counted', key: 'loop · fib', variant: 'loop', workload: 'fib', parameters: {}, small: await at(1_000_000), large: await at(2_000_000) };
}

test('counting: a kernel made to do 1 % more work is flagged; the same program counted again is not', async () => {
  const [plain, slowed] = [await build('plain'), await build('slowed', ['-DEXTRA_PCT=1'])];
  const a = await counted(plain);
  const again = await counted(plain);
  const b = await counted(slowed);
  const aa = judgeCounted(a, again, 0.5);
  assert.equal(aa.change, 'counted');
  assert.equal(aa.flagged, false, JSON.stringify(aa));
  const ab = judgeCounted(a, b, 0.5);
  assert.equal(ab.kernel!.flagged, true, JSON.stringify(ab));
  assert.ok(ab.kernel!.deltaPct > 0.9 && ab.kernel!.deltaPct < 1.1, String(ab.kernel!.deltaPct));
});

test('counting follows child processes only when told to, and sums every process', async () => {
  const bin = await build('parent');
  const alone = await count([bin, '1000000']);
  const parentOnly = await count([bin, '1000000', 'child']);
  const both = await count([bin, '1000000', 'child'], true);
  assert.equal(parentOnly.files, 1);
  assert.equal(both.files, 2);
  // The child does the loop once more: the sum is about two runs' worth.
  assert.ok(both.instructions > parentOnly.instructions + 0.9 * alone.instructions, `${both.instructions} vs ${parentOnly.instructions} + ${alone.instructions}`);
});
