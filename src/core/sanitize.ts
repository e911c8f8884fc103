/**
 * The only file that imports DOMPurify, and the only maker of `SanitizedHtml`.
 *
 * Rich fields (`summary`, `ai_brief`, `notes[]`) pass through `sanitizeRich`
 * once, during normalization; elements render the result with `richContent`
 * (`base/rich-content.ts`, the one place that feeds `unsafeHTML`).
 * Everything else in an article is bound as text by Lit and never parsed.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import type { RichText, SanitizedHtml } from './article.js';
import { createElementIn, importNodeInto } from './dom.js';
import { judgeUrl } from './url.js';

/** Inline and text-level tags only: no style, no SVG/MathML, no forms, no media. */
export const RICH_ALLOWED_TAGS: readonly string[] = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
];
export const RICH_ALLOWED_ATTRIBUTES: readonly string[] = ['href', 'title', 'lang', 'dir', 'datetime', 'value'];
/** Set on every link that survives sanitizing. */
export const RICH_LINK_REL = 'noopener noreferrer nofollow ugc';

/** The Trusted Types policy name a strict page must allow (`trusted-types anp lit-html`). */
export const TRUSTED_TYPES_POLICY_NAME = 'anp';

interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML(s: string): string; createScriptURL(s: string): string }): TrustedTypePolicyLike;
}

let purifier: DOMPurify | undefined;
let policy: TrustedTypePolicyLike | null | undefined;
let sanitizerWindow: WindowLike | undefined;

/**
 * Server rendering hands in a DOM implementation here (for example a jsdom or
 * linkedom window). In the browser the page's own window is used.
 */
export function setSanitizerWindow(win: WindowLike): void {
  sanitizerWindow = win;
  purifier = undefined;
  policy = undefined;
}

/**
 * DOMPurify parses the untrusted string itself, so on a page that enforces
 * Trusted Types it needs a policy. This one is named so that a page's CSP can
 * allow it, and it is used only by DOMPurify on input it is about to clean:
 * it is never exported.
 */
function trustedTypesPolicy(win: WindowLike): TrustedTypePolicyLike | null {
  if (policy !== undefined) return policy;
  const tt = (win as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  policy = null;
  if (tt && typeof tt.createPolicy === 'function') {
    try {
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createHTML: (input) => input,
        createScriptURL: (input) => input,
      });
    } catch {
      // A second copy of this library on the page, or a CSP that does not list
      // the name: DOMPurify falls back to its own behaviour.
      policy = null;
    }
  }
  return policy;
}

function getPurifier(): { purify: DOMPurify; win: WindowLike } | undefined {
  const win = sanitizerWindow ?? (globalThis as unknown as { window?: WindowLike }).window;
  if (!win) return undefined;
  if (!purifier) {
    // An instance of our own, so our hooks never touch a page's global DOMPurify.
    purifier = createDOMPurify(win);
    // Set once: DOMPurify would otherwise rebuild its allow-lists from a config on every call.
    purifier.setConfig({
      ALLOWED_TAGS: [...RICH_ALLOWED_TAGS],
      ALLOWED_ATTR: [...RICH_ALLOWED_ATTRIBUTES],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      SAFE_FOR_TEMPLATES: false,
      RETURN_TRUSTED_TYPE: false,
      // The cleaned nodes themselves: serialized here once for the article,
      // and kept so that the browser renders them without parsing them again.
      RETURN_DOM_FRAGMENT: true,
      // Parse everything as body content, so a leading <script> or <style> is
      // removed (and reported) like any other, not hoisted into <head>.
      FORCE_BODY: true,
      // Renamed <script> and <style> lose their content, as the originals would.
      ADD_FORBID_CONTENTS: [`${DEFUSED}script`, `${DEFUSED}style`],
      ...(trustedTypesPolicy(win) ? { TRUSTED_TYPES_POLICY: trustedTypesPolicy(win) as never } : {}),
    });
    purifier.addHook('afterSanitizeAttributes', (node) => {
      const element = node;
      if (node.nodeName !== 'A') {
        // href means something on <a> only; anywhere else it is dropped, whatever its scheme.
        if (element.hasAttribute?.('href')) {
          element.removeAttribute('href');
          purifier?.removed.push({ attribute: null, from: element });
        }
        return;
      }
      const href = element.getAttribute('href');
      if (href !== null) {
        // The attribute value here is already entity-decoded by the parser.
        const verdict = judgeUrl(href);
        if (verdict.ok) element.setAttribute('href', verdict.href);
        else {
          element.removeAttribute('href');
          purifier?.removed.push({ attribute: null, from: element });
        }
      }
      element.setAttribute('rel', RICH_LINK_REL);
    });
  }
  return { purify: purifier, win };
}

/**
 * Chromium reports a CSP violation (script-src-attr, style-src-attr,
 * style-src-elem) for every inline handler or style it merely parses, even in
 * an inert document where nothing can run. So before DOMPurify parses, tags
 * and attributes that can only be removed anyway are renamed to names that
 * mean nothing to a browser; DOMPurify then removes them as it would have.
 * This is not a security layer (DOMPurify is): a construct this pass misses
 * is still removed, it just may be reported by a strict page.
 */
const DEFUSED = 'anp-blocked-';
const DEFUSED_ATTRIBUTE = `data-${DEFUSED}`;

function defuse(input: string): string {
  return input
    .replace(/<(\/?)(style|script)(?=[\s/>])/gi, `<$1${DEFUSED}$2`)
    .replace(/<[a-z][^>]*/gi, (tag) => tag.replace(/([\s/"'])(on[a-z-]*|style)(?=\s*=|[\s/>]|$)/gi, `$1${DEFUSED_ATTRIBUTE}$2`));
}

/** The name a removed tag or attribute had before `defuse`. */
function originalName(name: string): string {
  return name.replace(DEFUSED_ATTRIBUTE, '').replace(DEFUSED, '');
}

/** DOMPurify lists its own wrapper elements as removed too; they were never in the input. */
const DOMPURIFY_WRAPPERS = new Set(['BODY', 'HEAD', 'HTML', 'REMOVE', '#document-fragment']);

export interface SanitizeResult {
  rich: RichText;
  /** Names of what was removed (tags as `<tag>`, attributes by name). */
  removed: string[];
}

/**
 * Sanitizes one rich string. A string without `<` cannot hold markup and is
 * kept as text without calling DOMPurify at all.
 */
export function sanitizeRich(input: string): SanitizeResult {
  if (!input.includes('<')) return { rich: { kind: 'text', text: input }, removed: [] };
  const found = getPurifier();
  if (!found) {
    // No DOM to sanitize with: never guess, show the markup as text.
    return { rich: { kind: 'text', text: input }, removed: [] };
  }
  const { purify, win } = found;
  const cleaned = purify.sanitize(defuse(input)) as unknown as DocumentFragment;
  // A template's content is an inert document: nothing in it loads or runs.
  const holder = createElementIn((win as unknown as Window).document, 'template');
  holder.content.append(cleaned);
  const html = holder.innerHTML;
  const removed = purify.removed
    .filter((item) => !('element' in item && item.element && DOMPURIFY_WRAPPERS.has(item.element.nodeName)))
    .map((item) => {
      if ('element' in item && item.element) return `<${originalName(item.element.nodeName.toLowerCase())}>`;
      if ('attribute' in item && item.attribute) return originalName(item.attribute.name);
      if ('from' in item && item.from && (item.from as Element).nodeName === 'A') return 'href';
      return 'markup';
    });
  const rich: RichText = { kind: 'html', html: html as SanitizedHtml };
  cleanedNodes.set(rich, holder.content);
  return { rich, removed: [...new Set(removed)] };
}

/** The nodes DOMPurify left, per rich value this module made (inert; cloned for each use). */
const cleanedNodes = new WeakMap<RichText, DocumentFragment>();

/**
 * A fresh copy, in `doc`, of the nodes a rich value was made from, so an
 * element renders them without parsing its HTML a second time. `undefined`
 * for a value this module did not make in this page (for example one built
 * on a server): render its HTML instead.
 */
export function cleanedFragment(rich: RichText, doc: Document): DocumentFragment | undefined {
  const nodes = cleanedNodes.get(rich);
  return nodes && importNodeInto(doc, nodes, true);
}
