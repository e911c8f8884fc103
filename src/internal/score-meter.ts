import { html, type TemplateResult } from 'lit';
import type { Entry } from '../core/article.js';
import { formatNumber } from '../core/format.js';

/** Score thresholds for the meter's colours: below `LOW` is poor, from `HIGH` up is good. */
export const SCORE_LOW = 50;
export const SCORE_HIGH = 75;

/**
 * One score as a native `<meter>` (min 0, max 100, its value), named by the
 * element whose id is `labelId`, with the number visible beside it. Shared by
 * `<anp-score-bars>` and the score field of `<anp-meta-box>`.
 */
export function renderScoreMeter(score: Entry<number>, labelId: string, locale: string): TemplateResult {
  return html`<span part="bar-track">
    <meter
      part="meter"
      min="0"
      max="100"
      low=${SCORE_LOW}
      high=${SCORE_HIGH}
      optimum="100"
      .value=${score.value}
      aria-labelledby=${labelId}
    >
      ${formatNumber(score.value, locale)}
    </meter>
    <span part="score">${formatNumber(score.value, locale)}</span>
  </span>`;
}
