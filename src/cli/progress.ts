/**
 * A one-line progress bar on stderr, drawn only when `io.interactive` (a
 * terminal): never into a pipe, a file or a CI log. Redrawn at most every
 * `intervalMs`, cleared when done so the summary starts on a clean line.
 */
import type { Io } from './io.js';

export class ProgressBar {
  private drawnAt = -Infinity;
  private drawn = false;

  constructor(
    private readonly io: Io,
    private readonly total: number,
    private readonly intervalMs = 100,
  ) {}

  /** Shows `done` of the total, with `note` after the count ("3 failed"); skipped when drawn less than `intervalMs` ago. */
  update(done: number, note = ''): void {
    if (!this.io.interactive) return;
    const now = performance.now();
    if (now - this.drawnAt < this.intervalMs && done < this.total) return;
    this.drawnAt = now;
    const count = `${done}/${this.total}${note ? `  ${note}` : ''}`;
    const width = Math.max(10, Math.min(40, this.io.columns - count.length - 4));
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}`;
    this.io.err(`\r${line.slice(0, Math.max(1, this.io.columns - 1))}`);
    this.drawn = true;
  }

  /** Removes the bar (a carriage return and a line of spaces). */
  clear(): void {
    if (!this.drawn) return;
    this.io.err(`\r${' '.repeat(Math.max(1, this.io.columns - 1))}\r`);
    this.drawn = false;
  }
}
