/**
 * What `anp` exits with, for scripts and CI jobs (docs/cli.md lists them).
 */
export const EXIT = {
  /** Everything asked for was done, and every file passed. */
  ok: 0,
  /** The command ran, and some input failed (a file invalid, an article unreadable). */
  failed: 1,
  /** The command line was wrong: unknown command or option, missing argument. */
  usage: 2,
  /** Something outside the input went wrong: a file could not be written, a needed package is missing. */
  error: 3,
  /** Stopped by Ctrl-C or SIGTERM; nothing half-written is left behind. */
  interrupted: 130,
} as const;
