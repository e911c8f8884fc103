import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Entry } from '../../core/article.js';
import type { ShownPart } from '../../core/article-context.js';
import { normalizeScores } from '../../core/normalize.js';
import { AnpElement } from '../../base/anp-element.js';
import { renderHeading } from '../../base/heading.js';
import { scoreBarsStyles } from './score-bars.styles.js';
import { renderMore } from '../meta-box/meta-values.js';
import { renderScoreMeter } from './score-meter.js';

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
 * @cssprop --anp-color-text - Text colour (default: inherited from the page).
 * @cssprop --anp-color-muted - Secondary text: labels, details, the "n more" lines.
 * @cssprop --anp-color-border - Borders and separators.
 * @cssprop --anp-color-surface - Tinted backgrounds (hovered rows, the box).
 * @cssprop --anp-color-background - The canvas painted behind the element when `theme` is set (default: the theme's `Canvas`).
 * @cssprop --anp-color-accent - Links, checkboxes and focus rings.
 * @cssprop --anp-color-yes - Colour of "yes" badges.
 * @cssprop --anp-color-no - Colour of "no" badges.
 * @cssprop --anp-space - Base spacing.
 * @cssprop --anp-gap - Space after the element's card, before the next element (default: twice --anp-space; none after the last child of its parent).
 * @cssprop --anp-radius - Corner radius.
 * @cssprop --anp-font-family - Font (default: inherited from the page).
 * @cssprop --anp-font-family-mono - Font of code (`reference`, `hash`, `<code>` in rich text).
 * @cssprop --anp-heading-size - Font size of the heading.
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid still renders.
 */
export class AnpScoreBars extends AnpElement {
  static override styles = scoreBarsStyles;

  /** Scores by name (0..100). Takes precedence over every article input. */
  @property({ attribute: false })
  scores?: Record<string, number>;

  private readonly scoresMemo: { input?: unknown; result?: ReturnType<typeof normalizeScores> } = {};
  private list?: { scores: Entry<number>[]; more: number };
  protected override get shows(): ShownPart | undefined {
    return this.scores == null ? 'score' : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.scores !== undefined && this.scores !== null) {
      this.list = this.resolveOwn('scores', this.scores, normalizeScores, this.scoresMemo);
    } else {
      const meta = this.resolveArticle()?.meta;
      this.list = meta && { scores: meta.score ?? [], more: meta.more.score ?? 0 };
    }
  }

  protected override render(): unknown {
    const list = this.list;
    // No data yet: nothing. Data without a valid score: the empty state, never a bare heading.
    if (!list) return nothing;
    return html`<div part="base">
      ${renderHeading(this.uiText('scores'), this.level(), { hidden: this.noHeading })}
      ${!list.scores.length && !list.more ? this.renderEmpty() : this.renderList(list)}
    </div>`;
  }

  private renderList(list: { scores: Entry<number>[]; more: number }): unknown {
    return html`<ul part="list">
      ${list.scores.map(
        (score, index) =>
          html`<li part="bar">
            <span part="label" id=${`bar-label-${index}`}>${this.fieldText(score.key)}</span>
            ${renderScoreMeter(score, `bar-label-${index}`, this.locale)}
          </li>`,
      )}${renderMore(list.more, this.valueContext)}
    </ul>`;
  }
}
