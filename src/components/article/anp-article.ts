import { AnpArticle } from './article.js';
import { defineElement } from '../../base/define-element.js';

defineElement('anp-article', AnpArticle);

declare global {
  interface HTMLElementTagNameMap {
    'anp-article': AnpArticle;
  }
}

export { AnpArticle };
