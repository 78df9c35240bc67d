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

/** The last lines of a text, for error messages. */
export function tail(text: string, lines = 5): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** A one-line description of how a process ended badly. */
export function describeFailure(o: ProcessOutcome, timeoutMs: number): string {
  if (o.timedOut) return `timed out after ${(timeoutMs / 1000).toFixed(1)} s (process group killed)`;
  if (o.cancelled) return 'interrupted';
  const how = o.signal ? `killed by ${o.signal}` : `exited with status ${o.exitCode}`;
  const err = tail(o.stderr);
  return err ? `${how}; last stderr lines:\n${err}` : how;
}
