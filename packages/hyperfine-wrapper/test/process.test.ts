import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { measuredEnv } from '../src/env.ts';
import { describeFailure, runProcess } from '../src/process.ts';

const fixture = fileURLToPath(new URL('./fixtures/variant.mjs', import.meta.url));
// A zombie waiting for a reaper counts as dead: it runs nothing.
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

test('a hanging command is killed after its timeout with its whole process tree', async () => {
  const o = await runProcess(process.execPath, [fixture, 'hang'], { timeoutMs: 1500 });
  assert.equal(o.timedOut, true);
  assert.match(describeFailure(o, 1500), /timed out after 1\.5 s/);
  const child = Number(o.stdout.match(/child (\d+)/)?.[1]);
  assert.ok(child > 0, 'the fixture printed its child pid');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(alive(child), false, 'the grandchild was killed too');
});

test('a signal death is described by the signal', async () => {
  const o = await runProcess(process.execPath, [fixture, 'signal'], { timeoutMs: 10_000 });
  assert.match(describeFailure(o, 10_000), /killed by SIGKILL/);
});

test('aborting kills the child and says interrupted', async () => {
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 300);
  const o = await runProcess(process.execPath, [fixture, 'hang'], { timeoutMs: 30_000, signal: ac.signal });
  assert.equal(o.cancelled, true);
  assert.equal(describeFailure(o, 30_000), 'interrupted');
});

test('a measured process gets the harness environment without NODE_EXTRA_CA_CERTS, which slows every Node 20 start', async () => {
  const env = { PATH: process.env.PATH, HOME: '/nowhere', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', KEEP_ME: 'yes' };
  assert.deepEqual(measuredEnv(env), { PATH: process.env.PATH, HOME: '/nowhere', KEEP_ME: 'yes' });
  const before = process.env.NODE_EXTRA_CA_CERTS;
  process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
  process.env.ARENA_KEPT = 'kept';
  try {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansions, for sh
    const o = await runProcess('sh', ['-c', 'echo "${NODE_EXTRA_CA_CERTS-unset} ${ARENA_KEPT-unset}"'], { timeoutMs: 10_000 });
    assert.equal(o.stdout.trim(), 'unset kept');
  } finally {
    if (before === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = before;
    delete process.env.ARENA_KEPT;
  }
});
