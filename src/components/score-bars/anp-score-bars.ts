import { AnpScoreBars } from './score-bars.js';
import { defineElement } from '../../base/define-element.js';

defineElement('anp-score-bars', AnpScoreBars);

declare global {
  interface HTMLElementTagNameMap {
    'anp-score-bars': AnpScoreBars;
  }
}

export { AnpScoreBars };
