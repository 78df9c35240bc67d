// turbo's cache keys (issue #11): a task's hash must change when the locked version of an npm
// dependency it uses changes (turbo has to parse pnpm 12's two-document lockfile for that), and the
// builds that run Go, clang or binaryen must change with the fingerprint scripts/toolchain.sh exports
// as ARENA_TOOLCHAIN. Dry runs only, in a temporary folder holding copies of the workspace's manifests,
// turbo.json files and lockfile: no network, no build, a few seconds.
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { execa } from 'execa';
import { repoRoot } from '@arena/suite';

const root = repoRoot(import.meta.dirname);
const turbo = path.join(root, 'node_modules', '.bin', 'turbo');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'arena-turbo-hash-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The folders of the workspace's packages (pnpm-workspace.yaml: packages/*, packages/variants/*, apps/*). */
function workspacePackages(): string[] {
  const globs = [...readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^\s+-\s+['"]?([^'"\s]+)\/\*['"]?\s*$/gm)].map((m) => m[1]!);
  assert.ok(globs.length > 0, 'pnpm-workspace.yaml lists package folders');
  return globs.flatMap((parent) =>
    existsSync(path.join(root, parent))
      ? readdirSync(path.join(root, parent), { withFileTypes: true })
          .filter((e) => e.isDirectory() && existsSync(path.join(root, parent, e.name, 'package.json')))
          .map((e) => path.join(parent, e.name))
      : [],
  );
}

/** A new folder with the root's and every package's package.json and turbo.json, and the lockfile. */
function manifestCopy(name: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'turbo.json', 'pnpm-lock.yaml', '.npmrc']) {
    if (existsSync(path.join(root, file))) copyFileSync(path.join(root, file), path.join(dir, file));
  }
  for (const pkg of workspacePackages()) {
    mkdirSync(path.join(dir, pkg), { recursive: true });
    for (const file of ['package.json', 'turbo.json']) {
      if (existsSync(path.join(root, pkg, file))) copyFileSync(path.join(root, pkg, file), path.join(dir, pkg, file));
    }
  }
  return dir;
}

interface DryTask {
  taskId: string;
  task: string;
  package: string;
  hash: string;
  command: string;
  hashOfExternalDependencies: string;
  resolvedTaskDefinition: { env: string[]; outputs: string[] };
}

/** This process's environment without what the turbo running this test sets for its tasks. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TURBO_|npm_|PNPM_SCRIPT_SRC_DIR$|INIT_CWD$)/.test(k)));

/** `turbo run <tasks> --dry=json` in `cwd` (default build and test): the tasks by id. Fails on any warning turbo prints. */
async function dryRun(cwd: string, env: Record<string, string> = {}, names = ['build', 'test']): Promise<Map<string, DryTask>> {
  const r = await execa(turbo, ['--skip-infer', 'run', ...names, '--dry=json'], {
    cwd,
    env: { ...cleanEnv, TURBO_TELEMETRY_DISABLED: '1', ARENA_TOOLCHAIN: 'unset', ...env },
    extendEnv: false,
    reject: false,
  });
  assert.equal(r.exitCode, 0, String(r.stderr));
  assert.doesNotMatch(String(r.stderr), /warn/i, 'turbo prints no warning (e.g. that it cannot parse pnpm-lock.yaml)');
  const { tasks } = JSON.parse(String(r.stdout)) as { tasks: DryTask[] };
  return new Map(tasks.map((t) => [t.taskId, t]));
}

/** The version of `dep` locked for the workspace package at `importer` (e.g. packages/kernels). */
function lockedVersion(lock: string, importer: string, dep: string): string {
  const block = lock.split(`\n  ${importer}:\n`)[1]?.split(/\n\n/)[0] ?? '';
  const version = new RegExp(`\\n\\s+${dep}:\\n\\s+specifier: .*\\n\\s+version: ([^\\s(]+)`).exec(`\n${block}`)?.[1];
  assert.ok(version, `pnpm-lock.yaml locks ${dep} for ${importer}`);
  return version;
}

/** The lockfile with `name@from` renamed to `name@to` everywhere: keys, importers and dependents. */
function bump(lock: string, name: string, from: string, to: string): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out = lock
    .replaceAll(`${name}@${from}`, `${name}@${to}`)
    .replace(new RegExp(`(\\n\\s+${esc(name)}:\\n\\s+specifier: .*\\n\\s+version: )${esc(from)}(?=[\\s(])`, 'g'), `$1${to}`)
    .replace(new RegExp(`(\\n\\s+${esc(name)}: )${esc(from)}(?=[\\s(])`, 'g'), `$1${to}`);
  assert.notEqual(out, lock, `${name}@${from} is in pnpm-lock.yaml`);
  return out;
}

const changed = (a: Map<string, DryTask>, b: Map<string, DryTask>, id: string) => {
  assert.ok(a.has(id) && b.has(id), `${id} is a task of the workspace`);
  return a.get(id)!.hash !== b.get(id)!.hash;
};

test('turbo reads pnpm-lock.yaml: tasks of packages with npm dependencies hash them', async () => {
  const tasks = await dryRun(manifestCopy('read'));
  for (const id of ['@arena/kernels#build', '@arena/contract#build', '@arena/collector#test']) {
    assert.match(tasks.get(id)?.hashOfExternalDependencies ?? '', /^[0-9a-f]{16}$/, `${id} hashes its external dependencies`);
  }
});

test('a new locked version of a dependency changes the hash of the tasks that use it, and only those', async () => {
  const before = manifestCopy('lock-before');
  const direct = manifestCopy('lock-direct');
  const transitive = manifestCopy('lock-transitive');
  const lock = readFileSync(path.join(root, 'pnpm-lock.yaml'), 'utf8');

  // assemblyscript: a direct dependency of @arena/kernels only.
  const as = lockedVersion(lock, 'packages/kernels', 'assemblyscript');
  writeFileSync(path.join(direct, 'pnpm-lock.yaml'), bump(lock, 'assemblyscript', as, `${as}-arena.1`));
  // binaryen: reached only through assemblyscript.
  const binaryen = new RegExp(`\\n  assemblyscript@${as.replace(/\./g, '\\.')}:\\n    dependencies:\\n(?:      .*\\n)*?      binaryen: (\\S+)`).exec(lock)?.[1];
  assert.ok(binaryen, 'assemblyscript depends on binaryen in pnpm-lock.yaml');
  writeFileSync(path.join(transitive, 'pnpm-lock.yaml'), bump(lock, 'binaryen', binaryen, `${binaryen}-arena.1`));

  const [a, b, c] = await Promise.all([dryRun(before), dryRun(direct), dryRun(transitive)]);
  for (const after of [b, c]) {
    assert.ok(changed(a, after, '@arena/kernels#build'), 'the kernels build is not served from the cache');
    assert.ok(changed(a, after, '@arena/kernels#test'));
    assert.ok(changed(a, after, '@arena/variant-threads-wasi#build'), 'nor the builds that depend on the kernels');
    for (const id of ['@arena/variant-c-native#build', '@arena/variant-threads-js#build', '@arena/variant-kit#build', '@arena/contract#test', '@arena/hyperfine-wrapper#test']) {
      assert.ok(!changed(a, after, id), `${id} does not use assemblyscript: its hash stays`);
    }
  }
});

test('the builds that run Go, clang or binaryen hash ARENA_TOOLCHAIN; the TypeScript builds do not', async () => {
  const dir = manifestCopy('toolchain');
  const [a, b] = await Promise.all([dryRun(dir, { ARENA_TOOLCHAIN: 'go=go1.24.0;clang=14' }), dryRun(dir, { ARENA_TOOLCHAIN: 'go=go1.25.0;clang=14' })]);
  const uses = (t: DryTask) => {
    if (t.package === '@arena/kernels') return true; // scripts/build.ts runs clang (and its wasm-opt), go, tinygo
    const script = /\bsh (\S+\.sh)\b/.exec(t.command)?.[1];
    const pkgDir = workspacePackages().find((p) => JSON.parse(readFileSync(path.join(root, p, 'package.json'), 'utf8')).name === t.package);
    const text = t.command + (script && pkgDir && existsSync(path.join(root, pkgDir, script)) ? readFileSync(path.join(root, pkgDir, script), 'utf8') : '');
    return /\b(go|clang|gcc|tinygo|wasm-opt)\b/.test(text);
  };
  const builds = [...a.values()].filter((t) => t.task === 'build' && t.command !== '<NONEXISTENT>');
  const toolchainBuilds = builds.filter(uses).map((t) => t.taskId);
  for (const id of ['@arena/kernels#build', '@arena/variant-c-native#build', '@arena/variant-go-native#build', '@arena/variant-go-wasmer#build']) {
    assert.ok(toolchainBuilds.includes(id), `${id} is recognised as running a compiler`);
  }
  for (const id of toolchainBuilds) {
    assert.ok(a.get(id)!.resolvedTaskDefinition.env.includes('ARENA_TOOLCHAIN'), `${id}: its turbo.json declares "env": ["ARENA_TOOLCHAIN"]`);
    assert.ok(changed(a, b, id), `${id}: a new Go changes its hash`);
  }
  assert.ok(changed(a, b, '@arena/go-kit#test'), 'go test of go-kit (no build task) hashes it too');
  for (const id of ['@arena/variant-kit#build', '@arena/variant-threads-js#build', '@arena/variant-cluster-js#build', '@arena/contract#test']) {
    assert.ok(!changed(a, b, id), `${id} runs no compiler: its hash stays`);
  }
});

test('build:go (one build per Go toolchain) exists for every Go variant and the kernels, is cached per Go, and has outputs of its own', async () => {
  const dir = manifestCopy('go-toolchains');
  const [a, b] = await Promise.all([dryRun(dir, { ARENA_TOOLCHAIN: 'go=go1.26.8;clang=14' }, ['build', 'build:go']), dryRun(dir, { ARENA_TOOLCHAIN: 'go=go1.27.3;clang=14' }, ['build', 'build:go'])]);
  const goPackages = workspacePackages().filter((p) => existsSync(path.join(root, p, 'go.mod')) && p.startsWith('packages/variants/'));
  assert.ok(goPackages.length >= 4, 'the Go variants are found by their go.mod');
  const ids = [...goPackages.map((p) => `${JSON.parse(readFileSync(path.join(root, p, 'package.json'), 'utf8')).name}#build:go`), '@arena/kernels#build:go'];
  for (const id of ids) {
    const t = a.get(id);
    assert.ok(t && t.command !== '<NONEXISTENT>', `${id} has a script`);
    assert.ok(changed(a, b, id), `${id}: another Go is another cache entry`);
    const out = id.startsWith('@arena/kernels') ? 'dist/go/**' : 'bin/go/**';
    assert.deepEqual(t.resolvedTaskDefinition.outputs, [out], `${id}: outputs only ${out}`);
    const build = a.get(id.replace('#build:go', '#build'))!;
    assert.ok(build.resolvedTaskDefinition.outputs.includes(`!${out}`), `${id.replace('#build:go', '#build')} leaves ${out} to build:go`);
  }
});

test('pnpm build, test (typecheck and lint first), bench and turbo run turbo through scripts/toolchain.sh', () => {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.equal(scripts.build, 'bash scripts/toolchain.sh turbo run build');
  assert.equal(scripts.test, 'bash scripts/toolchain.sh turbo run typecheck lint test --concurrency=1');
  assert.equal(scripts.bench, 'bash scripts/toolchain.sh turbo run bench');
  assert.equal(scripts.turbo, 'bash scripts/toolchain.sh turbo');
});

test('scripts/toolchain.sh: the fingerprint names each tool version, changes with them, and is exported to its command', async () => {
  const bin = path.join(scratch, 'fake-bin');
  mkdirSync(bin);
  const fake = (tool: string, body: string) => {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, tool), 0o755);
  };
  const script = path.join(root, 'scripts', 'toolchain.sh');
  // The tools the declared producers probe (packages/kernels/producers/), read off a real run: each
  // is faked, the ones not named below failing, so the fingerprint is known whatever is installed.
  const probed = String((await execa('bash', [script])).stdout)
    .split(';')
    .map((kv) => kv.slice(0, kv.indexOf('=')))
    .filter((k) => k !== 'cgo-cc');
  assert.deepEqual(
    ['go', 'clang', 'wasm-opt'].filter((t) => !probed.includes(t)),
    [],
    'go, clang and wasm-opt are probed',
  );
  const versions: Record<string, string> = { clang: 'clang version 99.1', 'wasm-opt': 'wasm-opt version 999' };
  const tools = (goVersion: string) => {
    for (const tool of probed) if (!(tool in versions) && tool !== 'go') fake(tool, 'exit 1');
    fake('go', `[ "$1 $2" = "env GOVERSION" ] && echo ${goVersion} && exit 0\n[ "$1 $2" = "env CC" ] && echo fake-cc && exit 0\nexit 1`);
    fake('fake-cc', 'echo "fake-cc 1.0"\necho second line');
    fake('clang', 'echo "clang version 99.1"\necho "Target: x"');
    fake('wasm-opt', 'echo "wasm-opt version 999"');
  };
  const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}`, ARENA_TOOLCHAIN: 'inherited' };
  const print = async () => String((await execa('bash', [script], { env })).stdout);

  tools('go1.24.0');
  const first = await print();
  const expected = probed.map((t) => `${t}=${t === 'go' ? 'go1.24.0' : (versions[t] ?? 'none')}`);
  assert.equal(first, ['cgo-cc=fake-cc 1.0', ...expected].join(';'));
  const exported = await execa('bash', [script, 'node', '-e', 'process.stdout.write(process.env.ARENA_TOOLCHAIN)'], { env });
  assert.equal(String(exported.stdout), first, 'the command sees the fingerprint, not the inherited value');

  tools('go1.25.1');
  assert.notEqual(await print(), first);
  const failing = await execa('bash', [script, 'sh', '-c', 'exit 7'], { env, reject: false });
  assert.equal(failing.exitCode, 7, "the command's exit status is the script's");
});
