/**
 * Classes, types and core functions. Importing this registers nothing: import
 * `anp-components/define.js` (or one component's `anp-*.js`) for that.
 */
export { AnpElement, AnpCardElement } from './base/anp-element.js';
export { AnpArticle } from './components/article/article.js';
export { AnpMetaBox } from './components/meta-box/meta-box.js';
export { AnpChecklist } from './components/checklist/checklist.js';
export { AnpScoreBars } from './components/score-bars/score-bars.js';
export { AnpSimilarPosts } from './components/similar-posts/similar-posts.js';
export { AnpErrorEvent, type AnpErrorDetail } from './events/anp-error.js';
export { AnpChecklistChangeEvent, type AnpChecklistChangeDetail } from './events/anp-checklist-change.js';
export type * from './core/article.js';
export { articleContext } from './core/article-context.js';
export {
  normalizeArticle,
  normalizeChecklistItems,
  normalizeScores,
  normalizeSimilarPosts,
  parseJson,
  jsonPointer,
  LIMITS,
  KNOWN_META_KEYS,
} from './core/normalize.js';
export {
  sanitizeRich,
  loadSanitizer,
  sanitizerFailure,
  setSanitizerWindow,
  RICH_ALLOWED_TAGS,
  RICH_ALLOWED_ATTRIBUTES,
  RICH_LINK_REL,
  TRUSTED_TYPES_POLICY_NAME,
} from './core/sanitize.js';
export { judgeUrl, safeHref, ALLOWED_URL_SCHEMES } from './core/url.js';
export { toJsonLd, jsonLdText, type JsonLdNode, type JsonLdValue } from './core/json-ld.js';
export { canonicalKey, labelFromKey, fieldLabel, uiLabel, DEFAULT_UI_LABELS, type Labels, type UiLabels } from './core/format.js';
export { loadLabelPacks, PACK_LANGUAGES } from './core/locales.js';
