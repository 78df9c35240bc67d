import { spawn } from 'node:child_process';

/** How a child process ended, with its output. */
export interface Exit {
  /** null when it was killed (timeout) or could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why it could not start or was stopped, if so. */
  error?: string;
}

/** Runs a program to completion, capturing its output; never throws. */
export function run(file: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Our own timer: spawn's `timeout` is not cleared when the program cannot start, and would hold the process open.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    let error: string | undefined;
    child.on('error', (e) => (error = e.message));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) error = `timed out after ${o.timeoutMs / 1000} s`;
      else if (signal && !error) error = `killed by ${signal}`;
      resolve({ code, stdout, stderr, ...(error !== undefined ? { error } : {}) });
    });
  });
}

/** The last non-empty lines of a text, for error messages. */
export const lastLines = (text: string, n = 8): string =>
  text.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-n).join('\n');
