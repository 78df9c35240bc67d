// .github/workflows/bench.yml, checked here rather than first on GitHub:
//  - actionlint over the workflows (with ShellCheck over their run: blocks) and ShellCheck over
//    scripts/*.sh and .ci/run; both linters come with `bash scripts/setup.sh --test`;
//  - the workflow's shape: triggers, the machine-kind matrices, permissions, timeouts, no ${{ }}
//    inside a run: block;
//  - scripts/workflow-comment.sh (the sticky PR comment) against a fake `gh`;
//  - the pull-request `compare` job itself: its run: steps, in order, executed with bash (scripts/workflow.ts)
//    in a scratch clone of this repository's HEAD where origin/main is HEAD~1, as a throwaway
//    non-root user with passwordless sudo (as GitHub's runner user is), with a quick configuration
//    (BENCH_PROFILE=quick, go-native and c-native on fib, 2 rounds, no memory runs). Minutes, not seconds.
//    WORKFLOW_TEST_SOURCE=working-tree runs it on the working tree instead of HEAD (the clone gets
//    the uncommitted changes as one more commit, so origin/main is the real HEAD).
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions (${{ … }}) in plain strings are what this file checks
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';
import { actionName, decide, evaluate, interpolate, readWorkflow, runJob, stepLabel, type StepResult } from './workflow.ts';

const root = path.resolve(import.meta.dirname, '..');
const workflowFile = path.join(root, '.github/workflows/bench.yml');
const MINUTES = 60_000;
const which = (cmd: string): string | null => {
  const r = spawnSync('bash', ['-c', 'command -v "$1"', '_', cmd], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};
const tail = (text: string | undefined, lines = 40) => (text ?? '').trimEnd().split('\n').slice(-lines).join('\n');

/** actionlint on PATH, else where `bash scripts/setup.sh --test` puts it: $(go env GOPATH)/bin. */
function findActionlint(): string | null {
  const onPath = which('actionlint');
  if (onPath) return onPath;
  const gopath = spawnSync('go', ['env', 'GOPATH'], { encoding: 'utf8' });
  const candidate = gopath.status === 0 ? path.join(gopath.stdout.trim().split(':')[0]!, 'bin', 'actionlint') : '';
  return candidate && existsSync(candidate) ? candidate : null;
}
const INSTALL_HINT = 'run `bash scripts/setup.sh --test`, which installs it';

test('actionlint passes over .github/workflows/*.yml, ShellCheck included for their run: blocks', async () => {
  const actionlint = findActionlint();
  assert.ok(actionlint, `actionlint is not installed (not on PATH, nor in $(go env GOPATH)/bin): ${INSTALL_HINT}`);
  assert.ok(which('shellcheck'), `shellcheck is not on PATH, so actionlint would skip the run: blocks: ${INSTALL_HINT}`);
  const r = await execa(actionlint, ['-color=false', '-verbose'], { cwd: root, reject: false, all: true });
  assert.doesNotMatch(r.all ?? '', /Rule "shellcheck" was disabled/);
  assert.equal(r.exitCode, 0, `actionlint found problems:\n${r.all}`);
});

test('shellcheck passes over scripts/*.sh and .ci/run', async () => {
  assert.ok(which('shellcheck'), `shellcheck is not installed: ${INSTALL_HINT}`);
  const files = [
    ...readdirSync(path.join(root, 'scripts'))
      .filter((f) => f.endsWith('.sh'))
      .map((f) => `scripts/${f}`),
    '.ci/run',
  ];
  assert.ok(files.includes('scripts/setup.sh') && files.includes('scripts/workflow-comment.sh'));
  const r = await execa('shellcheck', files, { cwd: root, reject: false, all: true });
  assert.equal(r.exitCode, 0, `shellcheck ${files.join(' ')}:\n${r.all}`);
});

test('the workflow: triggers, one job per machine kind, permissions, timeouts, no ${{ }} inside run:', () => {
  const wf = readWorkflow(workflowFile);
  assert.deepEqual(Object.keys(wf.on).sort(), ['pull_request', 'push']);
  assert.deepEqual(wf.on.push, { branches: ['main'] });
  assert.deepEqual(Object.keys(wf.jobs), ['compare', 'bench', 'report']);
  assert.deepEqual(wf.permissions, { contents: 'read' });
  assert.deepEqual(wf.jobs.compare!.permissions, { contents: 'read', 'pull-requests': 'write' });
  const kinds = (job: string) => wf.jobs[job]!.strategy!.matrix!.include!.map((m) => `${m.kind}=${m.runner}`);
  for (const job of ['compare', 'bench']) assert.deepEqual(kinds(job), ['x86-64=ubuntu-24.04', 'arm64=ubuntu-24.04-arm'], job);
  for (const [name, job] of Object.entries(wf.jobs)) {
    assert.ok((job['timeout-minutes'] ?? 0) > 0, `job ${name} has no timeout-minutes`);
    for (const [i, s] of job.steps.entries()) {
      assert.ok(!s.run?.includes('${{'), `${name} / ${stepLabel(s, i)}: a \${{ }} inside run: (script injection); pass it through env:`);
    }
  }
  // Which jobs run on which event, as GitHub decides the job-level if:.
  const on = (event: string) =>
    Object.entries(wf.jobs)
      .filter(([, j]) => decide(j.if, { github: { event_name: event } }, { failed: false }))
      .map(([n]) => n);
  assert.deepEqual(on('pull_request'), ['compare']);
  assert.deepEqual(on('push'), ['bench', 'report']);
  assert.equal(interpolate(wf.concurrency!['cancel-in-progress'] as string, { github: { event_name: 'pull_request' } }), 'true');
  assert.equal(interpolate(wf.concurrency!['cancel-in-progress'] as string, { github: { event_name: 'push' } }), 'false');
  assert.deepEqual(wf.jobs.report!.needs, 'bench');
  const upload = wf.jobs.bench!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
  assert.deepEqual(upload?.with, { name: 'run-${{ matrix.kind }}', path: 'results/latest.json', 'if-no-files-found': 'error' });
  const compare = wf.jobs.compare!.steps.find((s) => s.id === 'compare')!;
  assert.match(compare.run!, /pnpm --reporter=silent arena compare "origin\/\$\{BASE_REF\}" HEAD --metric both --format markdown \\\n\s+--fail-above "\$FAIL_ABOVE_PCT" >compare\.md \|\| status=\$\?/);
  const bencher = wf.jobs.bench!.steps.find((s) => s.run?.includes('bencher run'))!;
  assert.match(bencher.run!, /--testbed "\$KIND"/);
  assert.equal(bencher.env?.BENCHER_PROJECT, '${{ vars.BENCHER_PROJECT }}');
});

test('the executor evaluates the expressions the workflow uses, and refuses others', () => {
  const ctx = { github: { base_ref: 'main', event: { pull_request: { number: 7 } } }, steps: { compare: { outputs: { status: '1' } } }, secrets: {} };
  assert.equal(interpolate('origin/${{ github.base_ref }}', ctx), 'origin/main');
  assert.equal(interpolate('${{ github.event.pull_request.number }}', ctx), '7');
  assert.equal(interpolate("${{ secrets.BENCHER_API_TOKEN != '' }}", ctx), 'false');
  assert.equal(evaluate("steps.compare.outputs.status == '1' && !cancelled()", ctx), true);
  assert.equal(decide('${{ !cancelled() }}', ctx, { failed: true }), true);
  assert.equal(decide("steps.compare.outputs.status == '1'", ctx, { failed: true }), false);
  assert.throws(() => evaluate("contains(github.base_ref, 'm')", ctx), /not supported/);
  assert.throws(() => evaluate('inputs.x', ctx), /unknown context "inputs"/);
});

// ---------------------------------------------------------------------------------------------
// scripts/workflow-comment.sh against a fake gh

const FAKE_GH = `#!/usr/bin/env bash
# Records each call; answers the comment listing from FAKE_IDS; FAKE_FAIL=1 fails like a 403.
printf '%s\\n' "$*" >>"$FAKE_LOG"
if [[ "\${FAKE_FAIL:-}" == 1 ]]; then echo 'gh: Resource not accessible by integration (HTTP 403)' >&2; exit 1; fi
for a in "$@"; do [[ "$a" == body=@* ]] && cp "\${a#body=@}" "$FAKE_BODY"; done
if [[ "$*" == *--paginate* ]]; then
  [[ "$*" == *'select(.user.login == "github-actions[bot]" and (.body | startswith("<!-- bench-arena:compare:'"$KIND"' -->")))'* ]] || { echo "unexpected filter: $*" >&2; exit 3; }
  printf '%s\\n' \${FAKE_IDS:-}
fi
`;

test("workflow-comment.sh edits its own kind's comment, posts one when there is none, and never fails the job", async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-comment-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'bin'));
  writeFileSync(path.join(dir, 'bin/gh'), FAKE_GH);
  chmodSync(path.join(dir, 'bin/gh'), 0o755);
  const report = path.join(dir, 'report.md');
  writeFileSync(report, '### bench-arena compare · arm64\n\n| result | A | B |\n| --- | ---: | ---: |\n');
  const run = async (extra: Record<string, string>) => {
    const log = path.join(dir, 'calls.log');
    const body = path.join(dir, 'body.md');
    rmSync(log, { force: true });
    rmSync(body, { force: true });
    const env = {
      PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
      FAKE_LOG: log,
      FAKE_BODY: body,
      KIND: 'arm64',
      PR_NUMBER: '12',
      GITHUB_REPOSITORY: 'octo/bench-arena',
      HEAD_REPO: 'octo/bench-arena',
      GH_TOKEN: 't0ken',
      ...extra,
    };
    const r = await execa('bash', [path.join(root, 'scripts/workflow-comment.sh'), report], { env, extendEnv: false, reject: false, all: true });
    return { r, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [], body: existsSync(body) ? readFileSync(body, 'utf8') : null };
  };

  const edit = await run({ FAKE_IDS: '9001 9002' });
  assert.equal(edit.r.exitCode, 0, edit.r.all);
  assert.match(edit.calls[0]!, /^api --paginate repos\/octo\/bench-arena\/issues\/12\/comments --jq /);
  assert.match(edit.calls[1]!, /^api --method PATCH repos\/octo\/bench-arena\/issues\/comments\/9001 -F body=@/);
  assert.equal(edit.calls.length, 2);
  assert.equal(edit.body, `<!-- bench-arena:compare:arm64 -->\n${readFileSync(report, 'utf8')}`);

  const post = await run({ FAKE_IDS: '' });
  assert.equal(post.r.exitCode, 0, post.r.all);
  assert.match(post.calls[1]!, /^api --method POST repos\/octo\/bench-arena\/issues\/12\/comments -F body=@/);
  assert.match(post.r.stdout, /posted the arm64 comment on #12/);

  for (const [extra, says] of [
    [{ GH_TOKEN: '' }, /cannot comment: no GH_TOKEN/],
    [{ HEAD_REPO: 'someone/bench-arena' }, /cannot comment: the pull request comes from the fork someone\/bench-arena/],
    [{ FAKE_FAIL: '1' }, /cannot comment: listing the comments of #12 failed/],
    [{ KIND: 'x86; rm -rf /' }, /cannot comment: KIND .* is not a machine kind/],
  ] as const) {
    const r = await run(extra);
    assert.equal(r.r.exitCode, 0, r.r.all);
    assert.match(r.r.stdout, /^::notice title=PR comment/m);
    assert.match(r.r.stdout, says);
  }
});

test("the compare job posts the table first and fails at the gate with arena compare's status (a stub pnpm)", async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-gate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'ws/scripts'), { recursive: true });
  mkdirSync(path.join(dir, 'bin'));
  cpSync(path.join(root, 'scripts/workflow-comment.sh'), path.join(dir, 'ws/scripts/workflow-comment.sh'));
  writeFileSync(path.join(dir, 'ws/scripts/setup.sh'), 'echo "[setup] stub"\n');
  // `pnpm --reporter=silent arena compare …`: a table on stdout, progress on stderr, exit $STUB_STATUS.
  writeFileSync(
    path.join(dir, 'bin/pnpm'),
    '#!/usr/bin/env bash\necho "args: $*" >&2\n[[ "$STUB_STATUS" == 2 ]] && { echo "error: bad ref" >&2; exit 2; }\nprintf "| variant | Δ |\\n| --- | ---: |\\n| c-native · fib | +9.0 %% |\\n"\nexit "$STUB_STATUS"\n',
  );
  chmodSync(path.join(dir, 'bin/pnpm'), 0o755);
  const wf = readWorkflow(workflowFile);
  for (const stub of ['0', '1', '2']) {
    const summary = path.join(dir, `summary-${stub}.md`);
    writeFileSync(summary, '');
    const results = await runJob({
      workflow: wf,
      job: 'compare',
      matrix: { kind: 'arm64', runner: 'ubuntu-24.04-arm', experimental: true },
      context: { github: { base_ref: 'main', token: '', event: { pull_request: { number: 3, head: { repo: { full_name: 'fork/x' } } } } }, secrets: {}, vars: {} },
      workspace: path.join(dir, 'ws'),
      runnerTemp: path.join(dir, `steps-${stub}`),
      baseEnv: { PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, GITHUB_REPOSITORY: 'octo/x', GITHUB_STEP_SUMMARY: summary, STUB_STATUS: stub },
    });
    const ran = Object.fromEntries(results.filter((r) => r.outcome === 'ran').map((r) => [r.label, r]));
    assert.equal(ran['Compare with the base branch']?.exitCode, 0, `stub ${stub}`);
    assert.match(ran['Compare with the base branch']!.output!, /args: --reporter=silent arena compare origin\/main HEAD --metric both --format markdown --fail-above 0\.5$/m);
    assert.equal(ran['Job summary']?.exitCode, 0);
    assert.equal(ran['PR comment']?.exitCode, 0);
    assert.match(ran['PR comment']!.output!, /cannot comment: the pull request comes from the fork fork\/x/);
    assert.equal(ran.Gate?.exitCode, Number(stub), ran.Gate?.output);
    const text = readFileSync(summary, 'utf8');
    if (stub === '2') assert.match(text, /arena compare printed no table \(exit status 2\): see the job log/);
    else assert.match(text, /^\| c-native · fib \| \+9\.0 % \|$/m);
    assert.match(text, /^### bench-arena compare · arm64$/m);
  }
});

// ---------------------------------------------------------------------------------------------
// The pull-request job, executed

const USER = `arena-ci-${process.pid}`;
/** Why the job cannot run as a throwaway non-root user here, or null when it can. */
function rootOnlyReason(): string | null {
  if (process.getuid?.() !== 0) return 'not root, so no user can be created';
  for (const tool of ['useradd', 'userdel', 'sudo', 'visudo']) if (!which(tool)) return `${tool} is missing (bash scripts/setup.sh --test installs sudo)`;
  return null;
}
const fallback = rootOnlyReason();
const asWho = fallback === null ? `as the non-root user ${USER} with passwordless sudo` : `as ${os.userInfo().username} (${fallback})`;
const QUICK = { BENCH_PROFILE: 'quick', BENCH_ONLY: 'go-native,c-native', BENCH_WORKLOADS: 'fib', BENCH_MEMORY_RUNS: '0', BENCH_ROUNDS: '2' };
/** What GitHub's runner provides that the executor must not run: checkout, toolchains, artifact upload. */
const GITHUB_ONLY = ['actions/checkout', 'actions/setup-node', 'actions/setup-go', 'actions/upload-artifact'];

test(`the pull-request compare job's run: steps pass in a scratch clone, ${asWho}`, { timeout: 45 * MINUTES }, async (t) => {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a switch for running this file directly (node --test); under turbo it is unset and HEAD is tested
  const source = process.env.WORKFLOW_TEST_SOURCE === 'working-tree' ? 'working-tree' : 'head';
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'arena-workflow-'));
  const repo = path.join(scratch, 'repo');
  const home = fallback === null ? path.join(scratch, 'home') : os.homedir();
  const sudoers = `/etc/sudoers.d/${USER}`;
  let user: { name: string; uid: number; gid: number } | undefined;
  const sh = (file: string, args: string[], cwd = scratch) => execa(file, args, { cwd, all: true });
  t.after(async () => {
    if (user) {
      rmSync(sudoers, { force: true });
      const del = await execa('userdel', [USER], { reject: false, all: true });
      if (del.exitCode !== 0) t.diagnostic(`userdel ${USER} failed (remove the user by hand): ${del.all}`);
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  // The checkout: HEAD (or the working tree as one more commit), origin/main one commit before it.
  await sh('git', ['clone', '--quiet', '--no-hardlinks', root, repo]);
  if (source === 'working-tree') {
    const changed = (await sh('git', ['ls-files', '-z', '--modified', '--others', '--exclude-standard'], root)).stdout.split('\0').filter(Boolean);
    for (const f of changed) {
      if (existsSync(path.join(root, f))) {
        mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
        cpSync(path.join(root, f), path.join(repo, f));
      } else rmSync(path.join(repo, f), { force: true });
    }
    await sh('git', ['add', '-A'], repo);
    await sh('git', ['-c', 'user.name=workflow test', '-c', 'user.email=workflow-test@localhost', 'commit', '--quiet', '--allow-empty', '-m', 'the working tree'], repo);
  }
  await sh('git', ['update-ref', 'refs/remotes/origin/main', 'HEAD~1'], repo);
  await sh('git', ['checkout', '--quiet', '--detach'], repo); // actions/checkout leaves the merge commit detached
  const head = (await sh('git', ['rev-parse', 'HEAD'], repo)).stdout.trim();
  const base = (await sh('git', ['rev-parse', 'origin/main'], repo)).stdout.trim();
  t.diagnostic(`clone of ${source === 'head' ? 'HEAD' : 'the working tree'}: HEAD ${head.slice(0, 10)}, origin/main ${base.slice(0, 10)}; ${asWho}`);

  // Caches, so that nothing already built here is built again: turbo's (compare builds each side with
  // --cache-dir=$TURBO_CACHE_DIR; this process's cache is copied into the clone, since a user other
  // than its owner cannot write to it).
  const turboCache = path.join(repo, '.turbo', 'cache');
  if (existsSync(path.join(root, '.turbo', 'cache'))) cpSync(path.join(root, '.turbo', 'cache'), turboCache, { recursive: true });
  mkdirSync(turboCache, { recursive: true });

  if (fallback === null) {
    await sh('useradd', ['--create-home', '--home-dir', home, '--shell', '/bin/bash', '--user-group', USER]);
    writeFileSync(sudoers, `${USER} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 });
    await sh('visudo', ['-cf', sudoers]);
    const uid = Number((await sh('id', ['-u', USER])).stdout);
    const gid = Number((await sh('id', ['-g', USER])).stdout);
    user = { name: USER, uid, gid };
    // The user's pnpm store and Go module downloads start as copies of this process's, so the
    // clone installs and builds without fetching what this machine already has.
    const store = (await execa('pnpm', ['store', 'path'], { cwd: root, reject: false })).stdout.trim();
    if (store && existsSync(store)) cpSync(store, path.join(home, '.local/share/pnpm/store', path.basename(store)), { recursive: true });
    const modcache = (await execa('go', ['env', 'GOMODCACHE'], { reject: false })).stdout.trim();
    if (modcache && existsSync(path.join(modcache, 'cache/download'))) cpSync(path.join(modcache, 'cache/download'), path.join(home, 'go/pkg/mod/cache/download'), { recursive: true });
    await sh('chown', ['-R', `${uid}:${gid}`, scratch]);
    // The benchmark lock is machine-wide (os.tmpdir()/bench-arena/bench): a folder that root made
    // with mode 755 would shut every other user out of it, so it gets /tmp's own mode.
    const lockDir = path.join(os.tmpdir(), 'bench-arena');
    if (existsSync(lockDir) && (statSync(lockDir).mode & 0o7777) !== 0o1777) {
      chmodSync(lockDir, 0o1777);
      t.diagnostic(`made ${lockDir} world-writable with the sticky bit, like /tmp, so ${USER} can take the benchmark lock`);
    }
  }

  // The runner's environment: the tools on PATH (GitHub's setup-node and setup-go put them there),
  // GitHub's variables, no token (so the comment step takes its "cannot comment" path), and the
  // quick configuration.
  const toolDirs = ['node', 'pnpm', 'go'].map((tool) => {
    const at = which(tool);
    assert.ok(at, `${tool} is not on PATH`);
    return path.dirname(at);
  });
  const summary = path.join(scratch, 'runner', 'step-summary.md');
  mkdirSync(path.dirname(summary), { recursive: true });
  writeFileSync(summary, '');
  if (user) await sh('chown', ['-R', `${user.uid}:${user.gid}`, path.dirname(summary)]);
  const machineGo = Object.fromEntries(['GOFLAGS', 'GOTOOLCHAIN'].map((k) => [k, spawnSync('go', ['env', k], { encoding: 'utf8' }).stdout.trim()]).filter(([, v]) => v));
  const baseEnv: Record<string, string> = {
    PATH: [...new Set([...toolDirs, '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'])].join(':'),
    HOME: home,
    USER: user?.name ?? os.userInfo().username,
    LOGNAME: user?.name ?? os.userInfo().username,
    LANG: 'C.UTF-8',
    ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
    ...machineGo,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'local/bench-arena',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: 'workflow-test',
    GITHUB_REF: 'refs/pull/1/merge',
    GITHUB_SHA: head,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: path.join(scratch, 'runner'),
    GITHUB_STEP_SUMMARY: summary,
    TURBO_CACHE_DIR: turboCache,
    ...QUICK,
  };
  const context = {
    github: {
      event_name: 'pull_request',
      base_ref: 'main',
      head_ref: 'workflow-test',
      ref: 'refs/pull/1/merge',
      sha: head,
      repository: 'local/bench-arena',
      token: '',
      event: { pull_request: { number: 1, head: { repo: { full_name: 'local/bench-arena' } } } },
    },
    secrets: {},
    vars: {},
  };
  // The clone's own workflow, so that it and the scripts its steps run come from the same commit.
  const cloned = path.join(repo, path.relative(root, workflowFile));
  assert.ok(existsSync(cloned), `the clone (${source}) has no ${path.relative(root, workflowFile)}: commit it, or set WORKFLOW_TEST_SOURCE=working-tree`);
  const wf = readWorkflow(cloned);
  const matrix = wf.jobs.compare!.strategy!.matrix!.include!.find((m) => m.kind === 'x86-64')!;
  const results = await runJob({
    workflow: wf,
    job: 'compare',
    matrix,
    context,
    workspace: repo,
    baseEnv,
    runnerTemp: path.join(scratch, 'runner', 'steps'),
    user,
    onStep: (r) => t.diagnostic(`${r.label}: ${r.outcome === 'ran' ? `exit ${r.exitCode} after ${r.seconds!.toFixed(0)} s` : r.outcome}`),
  });

  const show = (r: StepResult) => `step "${r.label}" exited ${r.exitCode}; its output ends with:\n${tail(r.output)}`;
  // Exactly the GitHub-only steps were skipped; every run: step ran.
  assert.deepEqual(
    results.filter((r) => r.outcome === 'skipped-uses').map((r) => actionName(r.uses!)),
    GITHUB_ONLY,
  );
  assert.deepEqual(
    results.filter((r) => r.outcome === 'skipped-if').map((r) => r.label),
    [],
  );
  const ran = results.filter((r) => r.outcome === 'ran');
  assert.deepEqual(
    ran.map((r) => r.label),
    ['Install tools and dependencies', 'Compare with the base branch', 'Job summary', 'PR comment', 'Gate'],
  );
  // Every step but the gate exits 0; the gate exits with arena compare's status, which is 0 or 1.
  const gate = ran.find((r) => r.id === 'gate')!;
  for (const r of ran.filter((x) => x !== gate)) assert.equal(r.exitCode, 0, show(r));
  const compareStep = ran.find((r) => r.id === 'compare')!;
  const status = compareStep.outputs.status;
  assert.ok(status !== undefined, `the compare step wrote no status to GITHUB_OUTPUT:\n${tail(compareStep.output)}`);
  assert.equal(gate.exitCode, Number(status), show(gate));
  assert.ok(status === '0' || status === '1', `arena compare exited ${status} (0: no regression, 1: the gate), so it did not compare; its output:\n${tail(compareStep.output, 60)}`);
  const comment = ran.find((r) => r.label === 'PR comment')!;
  assert.match(comment.output ?? '', /cannot comment: no GH_TOKEN/);

  // The job summary holds the markdown table; the compare document was written, by the runner's user.
  const text = readFileSync(summary, 'utf8');
  const lines = (title: string, body: string) => {
    for (const l of [title, ...body.split('\n')]) t.diagnostic(l);
  };
  lines("arena compare's log ends with:", tail(compareStep.output, 8));
  lines('the job summary:', text.trimEnd());
  assert.match(text, /^### bench-arena compare · x86-64$/m);
  assert.match(text, /^\|.+\|\s*$/m, `no markdown table in the job summary:\n${text}`);
  assert.match(text, /^\|(\s*:?-{3,}:?\s*\|)+\s*$/m, `no markdown table in the job summary:\n${text}`);
  const docs = existsSync(path.join(repo, 'results/compare')) ? readdirSync(path.join(repo, 'results/compare')).filter((f) => f.endsWith('.json')) : [];
  assert.equal(docs.length, 1, `results/compare/ should hold one compare document, has: ${docs.join(', ') || 'nothing'}`);
  const file = path.join(repo, 'results/compare', docs[0]!);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(doc.kind, 'compare');
  assert.equal(doc.a.ref, 'origin/main');
  assert.equal(doc.a.commit, base);
  assert.equal(doc.b.ref, 'HEAD');
  assert.equal(doc.b.commit, head);
  if (user) assert.equal(statSync(file).uid, user.uid, 'the compare document should belong to the user who ran the steps');
});
