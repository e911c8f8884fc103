import { formatNumber } from '../core/format.js';
import { addElement } from './static-dom.js';

/** Score thresholds for the meter's colours: below `LOW` is poor, from `HIGH` up is good. */
export const SCORE_LOW = 50;
export const SCORE_HIGH = 75;

/**
 * One score as a native `<meter>` (min 0, max 100, its value), named by the
 * element whose id is `labelId`, with the number visible beside it, appended
 * to `parent` as plain DOM (see static-dom.ts). Shared by `<anp-score-bars>`
 * and the score field of `<anp-meta-box>`.
 */
export function addScoreMeter(doc: Document, parent: Node, value: number, labelId: string, locale: string): void {
  const track = addElement(doc, parent, 'span', 'bar-track');
  const text = formatNumber(value, locale);
  const meter = addElement(
    doc,
    track,
    'meter',
    { part: 'meter', min: '0', max: '100', low: `${SCORE_LOW}`, high: `${SCORE_HIGH}`, optimum: '100', 'aria-labelledby': labelId },
    text,
  );
  meter.value = value;
  addElement(doc, track, 'span', 'score', text);
}
