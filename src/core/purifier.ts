/**
 * The sanitizer proper, loaded only when a rich field holds markup: DOMPurify
 * with the library's allow-lists, its link hook and the renaming pass of
 * `core/defuse.ts`. Nothing imports this module statically: `core/sanitize.ts`
 * reaches it through `import()` in the ES build, and the classic script loads
 * it as a sibling file (`anp-components.sanitizer.iife.js`, see
 * `classic-sanitizer.ts`). It keeps no state of its own beyond the DOMPurify
 * instance each call of `createSanitizerEngine` makes.
 */
import createDOMPurify, { type WindowLike } from 'dompurify';
import { defuse } from './defuse.js';
import { DEFUSED, originalName } from './defuse-states.js';
import type { SanitizerEngine, SanitizerRules, TrustedTypePolicyLike } from './rich-rules.js';

/** DOMPurify lists its own wrapper elements as removed too; they were never in the input. */
const DOMPURIFY_WRAPPERS = new Set(['BODY', 'HEAD', 'HTML', 'REMOVE', '#document-fragment']);

/**
 * A sanitizer for one window. `policy` is the library's `anp` Trusted Types
 * policy when the page has Trusted Types (DOMPurify parses through it);
 * `rules` come from `core/sanitize.ts`, so this file imports nothing of the
 * library's but the renaming pass.
 */
export function createSanitizerEngine(win: WindowLike, policy: TrustedTypePolicyLike | null, rules: SanitizerRules): SanitizerEngine {
  // An instance of our own, so our hooks never touch a page's global DOMPurify.
  const purify = createDOMPurify(win);
  // Set once: DOMPurify would otherwise rebuild its allow-lists from a config on every call.
  purify.setConfig({
    ALLOWED_TAGS: [...rules.tags],
    ALLOWED_ATTR: [...rules.attributes],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    SAFE_FOR_TEMPLATES: false,
    RETURN_TRUSTED_TYPE: false,
    // The cleaned nodes themselves: serialized once for the article, and kept
    // so that the browser renders them without parsing them again.
    RETURN_DOM_FRAGMENT: true,
    // Parse everything as body content, so a leading <script> or <style> is
    // removed (and reported) like any other, not hoisted into <head>.
    FORCE_BODY: true,
    // Renamed <script> and <style> lose their content, as the originals would.
    ADD_FORBID_CONTENTS: [`${DEFUSED}script`, `${DEFUSED}style`],
    ...(policy ? { TRUSTED_TYPES_POLICY: policy as never } : {}),
  });
  purify.addHook('afterSanitizeAttributes', (element) => {
    if (element.nodeName !== 'A') {
      // href means something on <a> only; anywhere else it is dropped, whatever its scheme.
      if (element.hasAttribute?.('href')) {
        element.removeAttribute('href');
        purify.removed.push({ attribute: null, from: element });
      }
      return;
    }
    const href = element.getAttribute('href');
    if (href !== null) {
      // The attribute value here is already entity-decoded by the parser.
      const verdict = rules.judgeUrl(href);
      if (verdict.ok) element.setAttribute('href', verdict.href);
      else {
        element.removeAttribute('href');
        purify.removed.push({ attribute: null, from: element });
      }
    }
    element.setAttribute('rel', rules.linkRel);
  });

  return (input) => {
    const cleaned = purify.sanitize(defuse(input)) as unknown as DocumentFragment;
    // A template's content is an inert document: nothing in it loads or runs.
    const holder = rules.template((win as unknown as Window).document);
    holder.content.append(cleaned);
    const removed = purify.removed
      .filter((item) => !('element' in item && item.element && DOMPURIFY_WRAPPERS.has(item.element.nodeName)))
      .map((item) => {
        if ('element' in item && item.element) return `<${originalName(item.element.nodeName.toLowerCase())}>`;
        if ('attribute' in item && item.attribute) return originalName(item.attribute.name);
        if ('from' in item && item.from && (item.from as Element).nodeName === 'A') return 'href';
        return 'markup';
      });
    return { holder, removed: [...new Set(removed)] };
  };
}
