import { AnpChecklist } from './checklist.js';
import { defineElement } from '../../base/define-element.js';

defineElement('anp-checklist', AnpChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'anp-checklist': AnpChecklist;
  }
}

export { AnpChecklist };
