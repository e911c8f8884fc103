import { AnpMetaBox } from './meta-box.js';
import { defineElement } from '../../base/define-element.js';

defineElement('anp-meta-box', AnpMetaBox);

declare global {
  interface HTMLElementTagNameMap {
    'anp-meta-box': AnpMetaBox;
  }
}

export { AnpMetaBox };
