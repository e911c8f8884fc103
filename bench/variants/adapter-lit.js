// Variant (a): this library, as published (dist/define.js registers the elements).
import '../../dist/define.js';
import { elementAdapter } from './elements.js';

export default elementAdapter({
  name: 'anp (Lit)',
  tags: { 'meta-box': 'anp-meta-box', checklist: 'anp-checklist', 'score-bars': 'anp-score-bars', 'similar-posts': 'anp-similar-posts' },
  assign: (element, article) => (element.article = article),
  settle: (element) => element.updateComplete,
});
