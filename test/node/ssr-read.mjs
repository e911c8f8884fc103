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

export { seedValues } from '../shared/seed-values.mjs';
