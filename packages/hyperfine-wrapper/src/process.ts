import { execa } from 'execa';
import { measuredEnv } from './env.ts';

/** The outcome of one child process run to completion, timeout or cancellation. */
export interface ProcessOutcome {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
}

export interface RunOptions {
  cwd?: string;
  timeoutMs: number;
  /** Aborting kills the child's whole process group. */
  signal?: AbortSignal;
  /** The whole environment of the child (default: {@link measuredEnv}); nothing else is inherited. */
  env?: Record<string, string>;
}

/** The children currently running, so an interrupt can stop them all. */
const running = new Set<number>();

/** Kills the process group of every child started by runProcess (used on SIGINT/SIGTERM). */
export function killAllChildren(): void {
  for (const pid of running) killGroup(pid);
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Runs a command in its own process group and captures its output. On timeout or abort the whole
 * group is killed, so a variant's workers (cluster children, threads' process) never outlive it.
 */
export async function runProcess(file: string, args: string[], options: RunOptions): Promise<ProcessOutcome> {
  const started = performance.now();
  const child = execa(file, args, {
    cwd: options.cwd,
    env: options.env ?? measuredEnv(),
    extendEnv: false,
    detached: true,
    reject: false,
    stdin: 'ignore',
    buffer: true,
    maxBuffer: 64 * 1024 * 1024,
  });
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);
  let timedOut = false;
  let cancelled = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (pid !== undefined) killGroup(pid);
  }, options.timeoutMs);
  const onAbort = () => {
    cancelled = true;
    if (pid !== undefined) killGroup(pid);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await child;
    // The group may still hold grandchildren that ignored their parent's exit.
    if (pid !== undefined) killGroup(pid);
    return {
      exitCode: result.exitCode ?? null,
      signal: result.signal ?? null,
      stdout: String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      durationMs: performance.now() - started,
      timedOut,
      cancelled,
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (pid !== undefined) running.delete(pid);
  }
}

/**
 * The one warning a WASI variant cannot silence: Deno prints it on stderr of every process (once per
 * thread) that uses node:wasi, and has no `--disable-warning`; Node prints it too when the flag is
 * not given. Matched whole, so no other warning and no other line is hidden.
 */
const WASI_WARNING = /^\(node:\d+\) ExperimentalWarning: WASI is an experimental feature and might change at any time\r?$/;
/** Node's hint after a warning, dropped only when it directly follows {@link WASI_WARNING}. */
const TRACE_WARNINGS_HINT = /^\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\r?$/;

/**
 * A variant's stderr as the harness shows it: every line but the known WASI warning
 * ({@link WASI_WARNING}, with Node's "(Use `node --trace-warnings ...`" hint when it directly
 * follows it). Everything else stays, in order.
 */
export function shownStderr(stderr: string): string {
  const lines = stderr.split('\n');
  const shown: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!WASI_WARNING.test(lines[i]!)) {
      shown.push(lines[i]!);
      continue;
    }
    if (i + 1 < lines.length && TRACE_WARNINGS_HINT.test(lines[i + 1]!)) i++;
  }
  return shown.join('\n');
}

/** The last lines of a text, for error messages. */
export function tail(text: string, lines = 5): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** A one-line description of how a process ended badly. */
export function describeFailure(o: ProcessOutcome, timeoutMs: number): string {
  if (o.timedOut) return `timed out after ${(timeoutMs / 1000).toFixed(1)} s (process group killed)`;
  if (o.cancelled) return 'interrupted';
  const how = o.signal ? `killed by ${o.signal}` : `exited with status ${o.exitCode}`;
  const err = tail(shownStderr(o.stderr));
  return err ? `${how}; last stderr lines:\n${err}` : how;
}
