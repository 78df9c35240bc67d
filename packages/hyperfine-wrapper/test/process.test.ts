import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { measuredEnv } from '../src/env.ts';
import { describeFailure, runProcess, shownStderr, type ProcessOutcome } from '../src/process.ts';

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

const WARNING = (pid: number) => `(node:${pid}) ExperimentalWarning: WASI is an experimental feature and might change at any time`;
const HINT = '(Use `node --trace-warnings ...` to show where the warning was created)';

test("shownStderr drops Deno's WASI warning, every time it appears (once per thread)", () => {
  assert.equal(shownStderr(`${WARNING(41)}\n${WARNING(41)}\nerror: k.wasm: no export fib\n`), 'error: k.wasm: no export fib\n');
  assert.equal(shownStderr(WARNING(7)), '');
  assert.equal(shownStderr(`${WARNING(7)}\r\nerror: x\r\n`), 'error: x\r\n');
});

test("shownStderr drops Node's trace-warnings hint only right after the WASI warning", () => {
  assert.equal(shownStderr(`${WARNING(9)}\n${HINT}\nerror: boom\n`), 'error: boom\n');
  assert.equal(shownStderr(`error: boom\n${HINT}\n`), `error: boom\n${HINT}\n`, 'a hint after anything else stays');
  assert.equal(shownStderr(`${WARNING(9)}\nerror: boom\n${HINT}`), `error: boom\n${HINT}`, 'not directly after: stays');
});

test('shownStderr hides nothing else: other warnings, a changed WASI line, text around it', () => {
  const others = [
    '(node:9) ExperimentalWarning: VM Modules is an experimental feature and might change at any time',
    '(node:9) ExperimentalWarning: WASI is an experimental feature',
    `prefix ${WARNING(9)}`,
    `${WARNING(9)} and more`,
    '(node:abc) ExperimentalWarning: WASI is an experimental feature and might change at any time',
    'Warning: something else',
  ].join('\n');
  assert.equal(shownStderr(others), others);
  assert.equal(shownStderr(''), '');
});

test("describeFailure shows the variant's stderr without the WASI warning", () => {
  const o: ProcessOutcome = {
    exitCode: 1,
    signal: null,
    stdout: '',
    stderr: `${WARNING(3)}\n${HINT}\n${WARNING(3)}\nerror: k.wasm: trap: unreachable\n`,
    durationMs: 1,
    timedOut: false,
    cancelled: false,
  };
  assert.equal(describeFailure(o, 1000), 'exited with status 1; last stderr lines:\nerror: k.wasm: trap: unreachable');
  assert.equal(describeFailure({ ...o, stderr: WARNING(3) }, 1000), 'exited with status 1');
});
