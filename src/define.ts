/**
 * The one import that registers every element. The provider first, so that
 * elements inside an `<anp-article>` find it when they upgrade.
 */
import './components/article/anp-article.js';
import './components/meta-box/anp-meta-box.js';
import './components/checklist/anp-checklist.js';
import './components/score-bars/anp-score-bars.js';
import './components/similar-posts/anp-similar-posts.js';

export * from './index.js';
