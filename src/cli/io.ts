/**
 * Where a command writes, and what it knows of its terminal. Commands get an
 * `Io` instead of touching `process`, so tests run them in the same process
 * and read what they printed.
 */
export interface Io {
  /** Normal output (results, `--json`). */
  out(text: string): void;
  /** Diagnostics and progress. */
  err(text: string): void;
  /** Whether stderr is a terminal: progress bars only then, never into a pipe or a file. */
  readonly interactive: boolean;
  /** Terminal width for progress lines (80 when unknown). */
  readonly columns: number;
  /** The directory relative paths start from. */
  readonly cwd: string;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    interactive: process.stderr.isTTY === true && process.env.CI === undefined && process.env.TERM !== 'dumb',
    columns: process.stderr.columns || 80,
    cwd: process.cwd(),
  };
}
