import { nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Entry } from '../../core/article.js';
import type { ShownPart } from '../../core/article-context.js';
import { metaField, normalizeScores } from '../../core/normalize.js';
import { AnpCardElement } from '../../base/anp-element.js';
import { scoreBarsStyles } from './score-bars.styles.js';
import { addMore } from '../../internal/more.js';
import { addScoreMeter } from '../../internal/score-meter.js';
import { addElement, staticDom } from '../../internal/static-dom.js';
import type { ValueContext } from '../../internal/value-context.js';
import { fieldLabel } from '../../core/format.js';

/**
 * @summary An article's scores (meta.score) as labelled bars: a native `<meter>` from 0 to 100 each, with the number visible.
 *
 * @slot heading - Replaces the heading text.
 * @slot empty - Replaces the empty-state text.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart list - The `<ul>` of bars.
 * @csspart bar - One score's `<li>`.
 * @csspart label - A score's name (the meter's accessible name).
 * @csspart bar-track - The meter and its number.
 * @csspart meter - The `<meter>`.
 * @csspart score - The visible number.
 * @csspart more - The "n more" line of a capped list.
 * @csspart empty - The empty state, shown when the data has nothing valid to show (invalid JSON included).
 *
 * @cssprop --anp-bar-color-high - Bar colour from 75 up.
 * @cssprop --anp-bar-color-mid - Bar colour from 50 to 74.
 * @cssprop --anp-bar-color-low - Bar colour below 50.
 * @cssprop --anp-bar-track - The empty part of a bar.
 * @cssprop --anp-bar-height - Bar thickness.
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid still renders.
 */
export class AnpScoreBars extends AnpCardElement {
  static override styles = scoreBarsStyles;

  /** Scores by name (0..100). Takes precedence over every article input. */
  @property({ attribute: false })
  scores?: Record<string, number>;

  private list?: { scores: readonly Entry<number>[]; more: number };
  protected override get shows(): ShownPart | undefined {
    return this.scores == null ? 'score' : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.list = this.input.resolvePart({ name: 'scores', value: this.scores, normalize: normalizeScores }, ({ meta }) => {
      const field = metaField(meta, 'score', 'scores');
      return { scores: field?.value ?? [], more: field?.more ?? 0 };
    });
  }

  protected override render(): unknown {
    const list = this.list;
    // No data yet: nothing. Data without a valid score: the empty state, never a bare heading.
    if (!list) return nothing;
    return this.renderCard('scores', !list.scores.length && !list.more ? this.renderEmpty() : this.renderList(list));
  }

  private renderList(list: { scores: readonly Entry<number>[]; more: number }): unknown {
    return staticDom(buildBars, [list], this.valueContext);
  }
}

/** The bars as plain DOM (see src/internal/static-dom.ts): a `<ul>` of label and meter, the "n more" line last. */
function buildBars(doc: Document, list: { scores: readonly Entry<number>[]; more: number }, ctx: ValueContext): Node {
  const ul = addElement(doc, null, 'ul', 'list');
  list.scores.forEach((score, index) => {
    const li = addElement(doc, ul, 'li', 'bar');
    addElement(doc, li, 'span', 'label', fieldLabel(score.key, ctx.labels, ctx.pack)).id = `bar-label-${index}`;
    addScoreMeter(doc, li, score.value, `bar-label-${index}`, ctx.locale);
  });
  addMore(doc, ul, list.more, ctx);
  return ul;
}
