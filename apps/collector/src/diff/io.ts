/**
 * Where the diff, report and export commands print and which folder they start from. The CLI uses
 * the process's; tests pass their own to capture the output.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The folder relative paths and git refs are read from. */
  cwd: string;
}

/** stdout, stderr and the current folder. */
export function processIo(): Io {
  return { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t), cwd: process.cwd() };
}
