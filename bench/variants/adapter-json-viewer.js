// Variant (e): @alenaksu/json-viewer, the generic viewer, given the same meta object.
import '@alenaksu/json-viewer';
import { elementAdapter } from './elements.js';

export default elementAdapter({
  name: 'json-viewer',
  tags: { 'meta-box': 'json-viewer' },
  assign: (element, article) => (element.data = article.meta),
  settle: (element) => element.updateComplete,
});
