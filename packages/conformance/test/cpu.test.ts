import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleCpu } from '../src/cpu.ts';
import { runInGroup } from '../src/group-run.ts';

// A child that spins for 300 ms and, like a cluster primary, waits for a grandchild that spins 300 ms too.
const spin = 'const end = Date.now() + 300; while (Date.now() < end);';
const script = `
  const { spawn } = require('node:child_process');
  const grandchild = spawn(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: 'inherit' });
  ${spin}
  grandchild.on('exit', () => process.exit(0));
`;

test("sampleCpu counts a child's CPU time once it was waited for, with its own waited-for children", async () => {
  const before = sampleCpu();
  const r = await runInGroup(process.execPath, ['-e', script], { cwd: process.cwd(), timeoutMs: 30_000 });
  const used = sampleCpu().childrenMs - before.childrenMs;
  assert.equal(r.exitCode, 0, r.stderr);
  assert.ok(used >= 500, `child and grandchild spun 600 ms of CPU, counted ${used} ms`);
  assert.ok(r.wallMs > 0);
});

// A child that leaves a grandchild spinning 300 ms and exits at once, never waiting for it (as Deno's
// node:cluster leaves its workers): the grandchild's time never reaches cutime, the group sample sees it.
const orphaning = `
  const { spawn } = require('node:child_process');
  spawn(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: 'ignore' }).unref();
  setTimeout(() => process.exit(0), 250);
`;

test("sampling the group counts a worker's CPU time that its parent never waited for", async () => {
  const before = sampleCpu();
  const r = await runInGroup(process.execPath, ['-e', orphaning], { cwd: process.cwd(), timeoutMs: 30_000, graceMs: 1000, sampleCpu: true });
  const waited = sampleCpu().childrenMs - before.childrenMs;
  assert.equal(r.exitCode, 0, r.stderr);
  assert.ok(r.groupCpuMs !== undefined && r.groupCpuMs >= 150, `the orphan spun 300 ms (about 200 of them before its parent exited), sampled ${r.groupCpuMs} ms`);
  assert.ok(waited < r.groupCpuMs, `cutime saw ${waited} ms only`);
});
