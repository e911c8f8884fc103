/**
 * The progress line of `anp related` on stderr: drawn only when `io.interactive`
 * (a terminal), never into a pipe or a log file, redrawn once per percent,
 * and erased when done.
 */
import type { Io } from './io.js';

export interface Progress {
  /** `done` of `total` in the current phase ("reading", "ranking", "writing"). */
  update(phase: string, done: number, total: number): void;
  /** Erases the line. */
  clear(): void;
}

export function progressLine(io: Io): Progress {
  let shown = '';
  return {
    update(phase, done, total) {
      if (!io.interactive || total === 0) return;
      const percent = Math.floor((done / total) * 100);
      const key = `${phase} ${percent}`;
      if (key === shown) return;
      shown = key;
      const width = Math.max(10, Math.min(40, io.columns - phase.length - 24));
      const filled = Math.round((width * done) / total);
      io.err(`\r${phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${done}/${total}\x1b[K`);
    },
    clear() {
      if (shown) io.err('\r\x1b[K');
      shown = '';
    },
  };
}
