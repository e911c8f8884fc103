/**
 * The one progress line of the `anp` commands, on stderr, drawn only when
 * `io.interactive` (a terminal): never into a pipe, a file or a CI log.
 * Redrawn at most every `intervalMs` (and always at the end of a phase),
 * cleared when done so the summary starts on a clean line.
 */
import type { Io } from './io.js';

export class ProgressBar {
  private drawnAt = -Infinity;
  private drawn = false;

  constructor(
    private readonly io: Io,
    private readonly intervalMs = 100,
  ) {}

  /**
   * Shows `done` of `total`, after `phase` ("reading", "ranking"; may be
   * empty) and before `note` ("3 failed"); skipped when drawn less than
   * `intervalMs` ago, unless the phase is complete.
   */
  update(done: number, total: number, { phase = '', note = '' }: { phase?: string; note?: string } = {}): void {
    if (!this.io.interactive) return;
    const now = performance.now();
    if (now - this.drawnAt < this.intervalMs && done < total) return;
    this.drawnAt = now;
    const count = `${done}/${total}${note ? `  ${note}` : ''}`;
    const label = phase ? `${phase} ` : '';
    const width = Math.max(10, Math.min(40, this.io.columns - label.length - count.length - 4));
    const filled = total ? Math.round((done / total) * width) : width;
    const line = `${label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}`;
    this.io.err(`\r${line.slice(0, Math.max(1, this.io.columns - 1))}`);
    this.drawn = true;
  }

  /** Removes the line (a carriage return and a line of spaces). */
  clear(): void {
    if (!this.drawn) return;
    this.io.err(`\r${' '.repeat(Math.max(1, this.io.columns - 1))}\r`);
    this.drawn = false;
  }
}
