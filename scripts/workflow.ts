// A small local executor of one GitHub Actions job, for scripts/workflow.test.ts: it reads the
// workflow with the `yaml` package, runs the job's `run:` steps in order with bash as GitHub's runner
// does (`bash --noprofile --norc -eo pipefail`), with the env: blocks of the workflow, the job and the
// step, their ${{ }} values taken from a faked context (github, matrix, steps, secrets, vars), and
// GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY files between steps. `uses:` steps
// (checkout, setup-node, upload-artifact, …) only make sense on GitHub: they are skipped and listed.
// `if:` is evaluated (success(), failure(), always(), cancelled(), !, &&, ||, ==, !=, parentheses,
// literals and context paths); an expression it does not know is an error, never a guess.
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import YAML from 'yaml';

export type Scalar = string | number | boolean | null;
export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string | boolean;
  env?: Record<string, Scalar>;
  with?: Record<string, Scalar>;
  shell?: string;
  'working-directory'?: string;
  'continue-on-error'?: boolean | string;
}
export interface Job {
  name?: string;
  if?: string | boolean;
  needs?: string | string[];
  'runs-on'?: string;
  'timeout-minutes'?: number;
  'continue-on-error'?: boolean | string;
  permissions?: Record<string, string> | string;
  strategy?: { 'fail-fast'?: boolean; matrix?: { include?: Array<Record<string, Scalar>> } & Record<string, unknown> };
  env?: Record<string, Scalar>;
  steps: Step[];
}
export interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  env?: Record<string, Scalar>;
  jobs: Record<string, Job>;
}

export function readWorkflow(file: string): Workflow {
  return YAML.parse(readFileSync(file, 'utf8')) as Workflow;
}

/** A step's name for messages: its name, else its id, else what it uses or the first line it runs. */
export const stepLabel = (s: Step, i: number): string => s.name ?? s.id ?? s.uses ?? `#${i + 1}: ${(s.run ?? '').split('\n')[0]}`;

/** The action a `uses:` names, without its version: `actions/checkout@v5` → `actions/checkout`. */
export const actionName = (uses: string): string => uses.split('@')[0]!;

// ---------------------------------------------------------------------------------------------
// Expressions

export type Context = Record<string, unknown>;
/** The job's state that status functions read. */
export interface Status {
  failed: boolean;
}

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in \`${src}\``);
        if (src[i] === "'" && src[i + 1] === "'") {
          v += "'";
          i += 2;
          continue;
        }
        if (src[i] === "'") {
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ t: 'str', v });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '&&', '||', '<=', '>='].includes(two)) {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('!()<>.,'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    throw new Error(`unexpected "${c}" in \`${src}\``);
  }
  return out;
}

const truthy = (v: unknown): boolean => !(v === false || v === null || v === undefined || v === '' || v === 0);
/** GitHub's ==: same types compare as they are (strings ignoring case), others as numbers (null 0, '' 0, true 1). */
function looselyEqual(a: unknown, b: unknown): boolean {
  const kind = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v);
  if (kind(a) === kind(b)) return typeof a === 'string' ? a.toLowerCase() === (b as string).toLowerCase() : a === b || kind(a) === 'null';
  const num = (v: unknown) => (v === null || v === undefined ? 0 : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v)) : typeof v === 'number' ? v : NaN);
  return num(a) === num(b); // NaN never equals
}

/**
 * Evaluates a GitHub Actions expression (without its `${{ }}`) over a context. Unknown functions,
 * operators or context roots throw: the executor never runs a step on a guess.
 */
export function evaluate(src: string, ctx: Context, status: Status = { failed: false }): unknown {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`expected "${v}" in \`${src}\``);
    p++;
  };
  const primary = (): unknown => {
    const tok = toks[p++];
    if (!tok) throw new Error(`unexpected end of \`${src}\``);
    if (tok.t === 'str' || tok.t === 'num') return tok.v;
    if (tok.t === 'op' && tok.v === '(') {
      const v = or();
      expect(')');
      return v;
    }
    if (tok.t === 'id') {
      if (tok.v === 'true' || tok.v === 'false') return tok.v === 'true';
      if (tok.v === 'null') return null;
      if (isOp('(')) {
        if (!['success', 'failure', 'always', 'cancelled'].includes(tok.v)) throw new Error(`function ${tok.v}() is not supported by this executor (in \`${src}\`)`);
        p++;
        expect(')');
        switch (tok.v) {
          case 'success':
            return !status.failed;
          case 'failure':
            return status.failed;
          case 'always':
            return true;
          case 'cancelled':
            return false;
          default:
            throw new Error(`function ${tok.v}() is not supported by this executor (in \`${src}\`)`);
        }
      }
      if (!(tok.v in ctx)) throw new Error(`unknown context "${tok.v}" in \`${src}\``);
      let v: unknown = ctx[tok.v];
      while (isOp('.')) {
        p++;
        const key = toks[p++];
        if (key?.t !== 'id') throw new Error(`expected a property name in \`${src}\``);
        v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key.v] : undefined;
      }
      return v === undefined ? null : v;
    }
    throw new Error(`unexpected "${tok.v}" in \`${src}\``);
  };
  const unary = (): unknown => {
    if (isOp('!')) {
      p++;
      return !truthy(unary());
    }
    return primary();
  };
  const comparison = (): unknown => {
    let left = unary();
    while (isOp('==') || isOp('!=')) {
      const op = toks[p++]!.v;
      const right = unary();
      const same = looselyEqual(left, right);
      left = op === '==' ? same : !same;
    }
    return left;
  };
  const and = (): unknown => {
    let left = comparison();
    while (isOp('&&')) {
      p++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  function or(): unknown {
    let left = and();
    while (isOp('||')) {
      p++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  const value = or();
  if (p !== toks.length) throw new Error(`unexpected "${String(toks[p]!.v)}" in \`${src}\``);
  return value;
}

const asString = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A value with ${{ }} parts replaced by their values, as GitHub renders env: and with: values. */
export function interpolate(value: Scalar, ctx: Context, status?: Status): string {
  return asString(value).replace(/\$\{\{(.*?)\}\}/gs, (_, expr: string) => asString(evaluate(expr, ctx, status)));
}

/** An `if:` as GitHub decides it: absent means success(); a status function anywhere replaces the implicit one. */
export function decide(cond: string | boolean | undefined, ctx: Context, status: Status): boolean {
  if (cond === undefined) return !status.failed;
  if (typeof cond === 'boolean') return cond && !status.failed;
  const expr = cond.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const value = truthy(evaluate(expr, ctx, status));
  return /\b(success|failure|always|cancelled)\(\)/.test(expr) ? value : value && !status.failed;
}

// ---------------------------------------------------------------------------------------------
// Running a job

/** Values of GITHUB_OUTPUT / GITHUB_ENV files: `k=v` lines and `k<<DELIM` … `DELIM` blocks. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key, delim] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) body.push(lines[i]!);
      out[key!] = body.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export interface StepResult {
  index: number;
  label: string;
  id?: string;
  /** ran: a `run:` step that was executed; uses: skipped as GitHub-only; if: its condition was false. */
  outcome: 'ran' | 'skipped-uses' | 'skipped-if';
  uses?: string;
  exitCode?: number;
  output?: string;
  outputs: Record<string, string>;
  seconds?: number;
}

export interface RunJobOptions {
  workflow: Workflow;
  job: string;
  /** The matrix entry this job runs as. */
  matrix: Record<string, Scalar>;
  /** github, secrets, vars (steps, matrix, env are filled in here). */
  context: Context;
  /** The checkout: steps run here. */
  workspace: string;
  /** The runner's own environment (PATH, HOME, GITHUB_*, and whatever the caller adds). */
  baseEnv: Record<string, string>;
  /** A folder for the step scripts and command files, readable and writable by `user`. */
  runnerTemp: string;
  /** Run the steps as this user through `sudo -n -u` (from root); else as this process's user. */
  user?: { name: string; uid: number; gid: number };
  /** Called after each step, e.g. to log progress. */
  onStep?: (r: StepResult) => void;
}

/** Runs one job's steps as described at the top of this file; the steps' results in order. */
export async function runJob(o: RunJobOptions): Promise<StepResult[]> {
  const job = o.workflow.jobs[o.job];
  if (!job) throw new Error(`the workflow has no job "${o.job}"`);
  const status: Status = { failed: false };
  const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const ctx: Context = { ...o.context, matrix: o.matrix, steps, env: {}, job: { status: 'success' }, runner: { os: 'Linux', temp: o.runnerTemp } };
  const own = (file: string) => {
    if (o.user) chownSync(file, o.user.uid, o.user.gid);
  };
  mkdirSync(o.runnerTemp, { recursive: true });
  own(o.runnerTemp);
  const extraEnv: Record<string, string> = {};
  const extraPath: string[] = [];
  const results: StepResult[] = [];
  const render = (env: Record<string, Scalar> | undefined) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(env ?? {})) out[k] = interpolate(v, ctx, status);
    return out;
  };
  const workflowEnv = render(o.workflow.env);
  ctx.env = workflowEnv;
  const jobEnv = { ...workflowEnv, ...render(job.env) };
  ctx.env = jobEnv;

  for (const [index, step] of job.steps.entries()) {
    const label = stepLabel(step, index);
    const base = { index, label, ...(step.id ? { id: step.id } : {}) };
    const record = (r: StepResult) => {
      results.push(r);
      if (step.id)
        steps[step.id] = {
          outputs: r.outputs,
          outcome: r.outcome === 'ran' ? (r.exitCode === 0 ? 'success' : 'failure') : 'skipped',
          conclusion: r.outcome === 'ran' ? (r.exitCode === 0 || step['continue-on-error'] === true ? 'success' : 'failure') : 'skipped',
        };
      o.onStep?.(r);
    };
    if (!decide(step.if, ctx, status)) {
      record({ ...base, outcome: 'skipped-if', outputs: {} });
      continue;
    }
    if (step.uses !== undefined) {
      record({ ...base, outcome: 'skipped-uses', uses: step.uses, outputs: {} });
      continue;
    }
    if (step.run === undefined) throw new Error(`step ${label} has neither run: nor uses:`);
    if (step.shell !== undefined && step.shell !== 'bash') throw new Error(`step ${label}: shell ${step.shell} is not supported by this executor`);
    const stepEnv = { ...jobEnv, ...render(step.env) };
    const files = Object.fromEntries(['output', 'env', 'path'].map((k) => [k, path.join(o.runnerTemp, `${k}-${index}`)])) as Record<'output' | 'env' | 'path', string>;
    const script = path.join(o.runnerTemp, `step-${index}.sh`);
    writeFileSync(script, step.run);
    own(script);
    for (const f of Object.values(files)) {
      writeFileSync(f, '');
      own(f);
    }
    const env: Record<string, string> = {
      ...o.baseEnv,
      ...extraEnv,
      ...stepEnv,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
    };
    if (extraPath.length) env.PATH = [...extraPath, env.PATH ?? ''].join(':');
    const cwd = step['working-directory'] ? path.resolve(o.workspace, step['working-directory']) : o.workspace;
    const bash = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', script];
    const started = Date.now();
    const r = o.user
      ? await execa('sudo', ['-n', '-u', o.user.name, '--', 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...bash], {
          cwd,
          all: true,
          reject: false,
          stdin: 'ignore',
          extendEnv: false,
          env: {},
        })
      : await execa(bash[0]!, bash.slice(1), { cwd, all: true, reject: false, stdin: 'ignore', extendEnv: false, env });
    const outputs = parseCommandFile(readFileSync(files.output, 'utf8'));
    Object.assign(extraEnv, parseCommandFile(readFileSync(files.env, 'utf8')));
    extraPath.unshift(...readFileSync(files.path, 'utf8').split('\n').filter(Boolean).reverse());
    const exitCode = r.exitCode ?? 128;
    if (exitCode !== 0 && step['continue-on-error'] !== true) status.failed = true;
    record({ ...base, outcome: 'ran', exitCode, output: r.all ?? '', outputs, seconds: (Date.now() - started) / 1000 });
  }
  return results;
}
