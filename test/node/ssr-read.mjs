// Reading server-rendered HTML in tests: parsed by jsdom (which keeps a
// declarative shadow root as a <template>), the text a reader would see.
import { JSDOM } from 'jsdom';

/** The fragment parsed into a jsdom body. */
export function parseFragment(html) {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  return document.body;
}

/** Visible text below `node`, shadow templates included, scripts and styles left out; runs of space as one. */
export function visibleText(node) {
  const parts = [];
  const walk = (current) => {
    for (const child of current.childNodes) {
      if (child.nodeType === 3) parts.push(child.data);
      else if (child.nodeType === 1 && !['SCRIPT', 'STYLE'].includes(child.nodeName)) {
        walk(child.nodeName === 'TEMPLATE' ? child.content : child);
        parts.push(' ');
      }
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ');
}

/** Every element matching `selector`, in shadow templates too. */
export function queryDeep(node, selector) {
  const found = [...node.querySelectorAll(selector)];
  for (const template of node.querySelectorAll('template')) found.push(...queryDeep(template.content, selector));
  return found;
}

/**
 * The seed's values as an English reader sees them: strings as written,
 * numbers as `en` prints them (grouped from five digits, 5 minutes as "5 min", the date as "Oct 10, 2021").
 */
export function seedValues(seed) {
  const values = [];
  const walk = (value, key) => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [child, inner] of Object.entries(value)) walk(inner, child);
    else if (key === 'flags' || key === 'similar_posts') return;
    else if (typeof value === 'string') values.push(value === '2021-10-10' ? 'Oct 10, 2021' : value);
    else if (key === 'reading_time') values.push(`${value} min`);
    else if (typeof value === 'number' && !['ai_generated_style', 'has_images', 'image_heavy', 'needs_human_review'].includes(key)) {
      values.push(value.toLocaleString('en', { useGrouping: 'min2' }));
    }
  };
  walk(seed.meta, 'meta');
  return values;
}
