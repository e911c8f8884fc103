/**
 * The budgets one article shares across all its values: characters of text
 * (`LIMITS.maxText`) and markup for the sanitizer (`LIMITS.maxMarkup`).
 */
import type { AnpInputError } from './article.js';
import { jsonPointer, LIMITS, type Path } from './limits.js';

/** What one sanitizer call costs in `LIMITS.maxMarkup` units besides its tags. */
const MARKUP_CALL_COST = 10;

export class ArticleBudgets {
  private textLeft: number = LIMITS.maxText;
  private textCut?: { path: string; count: number };
  private markupLeft: number = LIMITS.maxMarkup;

  /**
   * `text` cut to what is left of the text budget (never below
   * `LIMITS.minKeptText`), and spent from it. Cuts are summed up once, by
   * `textSummary`, at the first string cut.
   */
  keepText(text: string, path: Path): string {
    let kept = text;
    const allowed = Math.max(this.textLeft, LIMITS.minKeptText);
    if (kept.length > allowed) {
      kept = kept.slice(0, allowed);
      if (this.textCut) this.textCut.count++;
      else this.textCut = { path: jsonPointer(path), count: 1 };
    }
    this.textLeft = Math.max(0, this.textLeft - kept.length);
    return kept;
  }

  /** The one problem that sums up the text budget's cuts, if there were any. */
  textSummary(): AnpInputError | undefined {
    if (!this.textCut) return undefined;
    const { path, count } = this.textCut;
    return {
      path,
      code: 'text-budget',
      message: `text too long in total: past ${LIMITS.maxText} characters in this article, ${count} more strings were cut to ${LIMITS.minKeptText}`,
    };
  }

  /**
   * What `LIMITS.maxMarkup` allows for one rich string: true when it may be
   * sanitized (and its cost is taken), false when it must be shown as text.
   */
  spendMarkup(text: string): boolean {
    let cost = MARKUP_CALL_COST;
    for (let at = text.indexOf('<'); at !== -1 && cost <= this.markupLeft; at = text.indexOf('<', at + 1)) cost++;
    if (cost > this.markupLeft) return false;
    this.markupLeft -= cost;
    return true;
  }
}
