/**
 * The one import that registers every element. The provider first, so that
 * elements inside an `<anp-article>` find it when they upgrade.
 *
 * Before them, Lit's hydration support: an element whose shadow root a
 * server rendered (anp-components/ssr, `anp render`) takes that markup over
 * on its first render instead of rendering it again (docs/ssr.md). It must
 * run before LitElement is defined, so it is this module's first import.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './components/article/anp-article.js';
import './components/meta-box/anp-meta-box.js';
import './components/checklist/anp-checklist.js';
import './components/score-bars/anp-score-bars.js';
import './components/similar-posts/anp-similar-posts.js';

export * from './index.js';
