// The installer's npm reads the user's npm configuration: the global npmrc (`<global prefix>/etc/npmrc`,
// which sets `cafile` on machines behind a TLS-inspecting proxy) and the user npmrc (~/.npmrc). Each
// test points npm, through an npmrc of its own, at a registry on 127.0.0.1 that answers 404, and
// checks that npm asked it. Real npm, a few seconds, no network: the test's HTTPS proxy is that same
// loopback server, which records and refuses a request for any other registry (npm's default one
// when an npmrc is not read).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { cacheDir, installNode, nodePackage } from '../src/install.ts';
import { NODE_PINS } from '../src/pins.ts';

const version = NODE_PINS['22'] ?? assert.fail('packages/runtimes/node.json pins no Node 22');
const pkg = nodePackage();
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Variables of the test's own environment that would decide for npm instead of the npmrc under test. */
const decidesForNpm = (k: string) => /^npm_config_/i.test(k) || /^(https?|no|all)_proxy$/i.test(k);

/**
 * A scratch folder, a loopback registry that records what it is asked and answers 404 (and, as the
 * HTTPS proxy, refuses every tunnel), and an environment without the caller's npm_config_* and proxy
 * variables; all undone after the test.
 */
async function scratch(t: TestContext): Promise<{ dir: string; registry: string; requests: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-npmrc-'));
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (decidesForNpm(k)) delete process.env[k];
  const registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    HTTPS_PROXY: registry,
    NO_PROXY: '127.0.0.1',
    npm_config_fetch_retries: '0',
    npm_config_fetch_timeout: '20000',
    npm_config_update_notifier: 'false',
    npm_config_logs_dir: path.join(dir, 'npm-logs'),
  });
  t.after(async () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, registry, requests };
}

async function expectNotFoundFrom(root: string, registry: string): Promise<void> {
  await assert.rejects(
    installNode(root, version, () => {}),
    (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.match(
        e.message,
        new RegExp(`^could not install Node ${re(version)} from the npm registry \\(package ${re(`${pkg}@${version}`)}\\): npm exited with status 1; npm's last stderr lines:\n`),
      );
      assert.match(e.message, new RegExp(`404 Not Found - GET ${re(registry)}/${re(pkg)}`));
      return true;
    },
  );
  assert.deepEqual(readdirSync(cacheDir(root)), [], 'nothing left in the cache');
}

test('the global npmrc of the global prefix is read, though the install goes to a folder of its own', { timeout: 60_000 }, async (t) => {
  const { dir, registry, requests } = await scratch(t);
  // A global prefix of the test's own (as a user's `prefix=` or npm's own npm_config_prefix sets it),
  // whose etc/npmrc names the registry and npm's cache; the user npmrc is empty.
  const prefix = path.join(dir, 'global');
  mkdirSync(path.join(prefix, 'etc'), { recursive: true });
  const npmCache = path.join(dir, 'npm-cache');
  writeFileSync(path.join(prefix, 'etc', 'npmrc'), `registry=${registry}/from-global/\ncache=${npmCache}\n`);
  writeFileSync(path.join(dir, 'user-npmrc'), '');
  process.env.npm_config_prefix = prefix;
  process.env.npm_config_userconfig = path.join(dir, 'user-npmrc');
  const root = path.join(dir, 'repo');
  mkdirSync(root);

  await expectNotFoundFrom(root, `${registry}/from-global`);
  assert.deepEqual(requests, [`GET /from-global/${pkg}`]);
  assert.ok(existsSync(npmCache), "npm used the global npmrc's cache");
});

test('the user npmrc (~/.npmrc) is read', { timeout: 60_000 }, async (t) => {
  const { dir, registry, requests } = await scratch(t);
  const home = path.join(dir, 'home');
  mkdirSync(home);
  writeFileSync(path.join(home, '.npmrc'), `registry=${registry}/from-user/\n`);
  process.env.HOME = home;
  const root = path.join(dir, 'repo');
  mkdirSync(root);

  await expectNotFoundFrom(root, `${registry}/from-user`);
  assert.deepEqual(requests, [`GET /from-user/${pkg}`]);
});
