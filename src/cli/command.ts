import type { Io } from './io.js';

/** One `anp` command: its help text and what it does. */
export interface Command {
  name: string;
  /** One line for `anp --help`. */
  summary: string;
  /** The whole `anp <name> --help` text: usage line, options, examples. */
  help: string;
  /**
   * Runs with the arguments after the command's name; resolves to the exit
   * code (src/cli/exit-codes.ts). `signal` aborts on Ctrl-C or SIGTERM:
   * the command stops and leaves no partial output file. Throws UsageError
   * for a command line it cannot read.
   */
  run(argv: readonly string[], io: Io, signal: AbortSignal): Promise<number>;
}
