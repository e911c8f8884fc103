import { AnpSimilarPosts } from './similar-posts.js';
import { defineElement } from '../../base/define-element.js';

defineElement('anp-similar-posts', AnpSimilarPosts);

declare global {
  interface HTMLElementTagNameMap {
    'anp-similar-posts': AnpSimilarPosts;
  }
}

export { AnpSimilarPosts };
