// Variants (b) and (c): the hand-written custom elements of bench/variants/vanilla.js,
// which render synchronously in their `article` setter.
import { defineVanilla } from './vanilla.js';
import { elementAdapter } from './elements.js';

defineVanilla();

const assign = (element, article) => (element.article = article);

export const vanilla = elementAdapter({
  name: 'vanilla',
  tags: {
    'meta-box': 'vanilla-meta-box',
    checklist: 'vanilla-checklist',
    'score-bars': 'vanilla-score-bars',
    'similar-posts': 'vanilla-similar-posts',
  },
  assign,
});

export const vanillaUnsafe = elementAdapter({ name: 'vanilla, unsanitized', tags: { 'meta-box': 'vanilla-meta-box-unsafe' }, assign });
