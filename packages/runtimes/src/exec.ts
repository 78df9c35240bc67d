import { execa } from 'execa';

/** How a child process ended, with its output. */
export interface Exit {
  /** null when it was killed (timeout) or could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why it could not start or was stopped, if so. */
  error?: string;
}

/** Runs a program to completion with execa, capturing its output; never throws. */
export async function run(file: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Exit> {
  const r = await execa(file, args, { cwd: o.cwd, env: o.env, timeout: o.timeoutMs, reject: false, stdin: 'ignore' });
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  if (r.timedOut) return { code: null, stdout, stderr, error: `timed out after ${o.timeoutMs / 1000} s` };
  if (r.exitCode === undefined) return { code: null, stdout, stderr, error: r.signal ? `killed by ${r.signal}` : r.originalMessage || r.shortMessage };
  return { code: r.exitCode, stdout, stderr };
}

/** The last non-empty lines of a text, for error messages. */
export const lastLines = (text: string, n = 8): string =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean)
    .slice(-n)
    .join('\n');
