/**
 * The only maker of `SanitizedHtml`, and the door to DOMPurify.
 *
 * Rich fields (`summary`, `ai_brief`, `notes[]`) pass through `sanitizeRich`
 * once, during normalization; elements render the result with `richContent`
 * (`internal/rich-content.ts`, the one place that feeds `unsafeHTML`).
 * Everything else in an article is bound as text by Lit and never parsed.
 *
 * DOMPurify is not in this module: most articles hold no markup, so it loads
 * only when a rich string holds a `<` (`core/purifier.ts`, through
 * `core/sanitizer-loader.ts`). Until it has loaded, `sanitizeRich` keeps
 * nothing as HTML: it counts the string (`markupWaiting`) and starts the
 * load, and an element that met markup waits for `loadSanitizer()` and
 * normalizes again before it renders.
 */
import type { WindowLike } from 'dompurify';
import type { RichText, SanitizedHtml } from './article.js';
import { createElementIn, importNodeInto } from './dom.js';
import {
  RICH_ALLOWED_ATTRIBUTES,
  RICH_ALLOWED_TAGS,
  RICH_LINK_REL,
  TRUSTED_TYPES_POLICY_NAME,
  type SanitizerEngine,
  type SanitizerRules,
  type TrustedTypePolicyLike,
  holdsMarkup,
  withoutTags,
} from './rich-rules.js';
import { OnDemand } from './on-demand.js';
import { loadSanitizerEngine } from './sanitizer-loader.js';
import { judgeUrl } from './url.js';

export {
  RICH_ALLOWED_TAGS,
  RICH_ALLOWED_ATTRIBUTES,
  RICH_LINK_REL,
  TRUSTED_TYPES_POLICY_NAME,
  type SanitizerEngine,
} from './rich-rules.js';

interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createHTML(s: string): string; createScriptURL(s: string): string; createScript(s: string): string },
  ): TrustedTypePolicyLike;
}

/** Makes the sanitizer for a window (what `core/purifier.ts` exports). */
export type SanitizerFactory = (win: WindowLike, policy: TrustedTypePolicyLike | null, rules: SanitizerRules) => SanitizerEngine;

const RULES: SanitizerRules = {
  tags: RICH_ALLOWED_TAGS,
  attributes: RICH_ALLOWED_ATTRIBUTES,
  linkRel: RICH_LINK_REL,
  judgeUrl,
  template: (doc) => createElementIn(doc, 'template'),
};

const factory = new OnDemand<SanitizerFactory>(loadSanitizerEngine);
let engine: SanitizerEngine | undefined;
let waiting = 0;
let shownAsText = 0;
let policy: TrustedTypePolicyLike | null | undefined;
let sanitizerWindow: WindowLike | undefined;
/** The only script URLs the `anp` policy vouches for: the classic script's sibling files (the sanitizer, the label packs). */
const scriptUrls = new Set<string>();
/** The only script text it vouches for: the JSON-LD `trustedJsonLd` is writing now (a data block, never run). */
let jsonLdWriting: string | undefined;

/**
 * Server rendering hands in a DOM implementation here (for example a jsdom or
 * linkedom window). In the browser the page's own window is used.
 */
export function setSanitizerWindow(win: WindowLike): void {
  sanitizerWindow = win;
  engine = undefined;
  policy = undefined;
}

function currentWindow(): WindowLike | undefined {
  return sanitizerWindow ?? (globalThis as unknown as { window?: WindowLike }).window;
}

/**
 * DOMPurify parses the untrusted string itself, so on a page that enforces
 * Trusted Types it needs a policy; the classic script also needs one to load
 * its sibling files. This one is named so that a page's CSP can allow it:
 * its HTML is used only by DOMPurify on input it is about to clean, and its
 * script URLs only for those files. It is never exported.
 */
function trustedTypesPolicy(win: WindowLike): TrustedTypePolicyLike | null {
  if (policy !== undefined) return policy;
  const tt = (win as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  policy = null;
  if (tt && typeof tt.createPolicy === 'function') {
    try {
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createHTML: (input) => input,
        createScriptURL: (input) => {
          if (!scriptUrls.has(input)) throw new TypeError(`anp: not a sibling file of the classic script: ${input}`);
          return input;
        },
        createScript: (input) => {
          if (input !== jsonLdWriting) throw new TypeError('anp: not JSON-LD this library is writing');
          return input;
        },
      });
    } catch {
      // A second copy of this library on the page, or a CSP that does not list
      // the name: DOMPurify falls back to its own behaviour.
      policy = null;
    }
  }
  return policy;
}

/**
 * The value to give `script.src` for a sibling file of the classic script
 * (`classic-sibling-loader.ts`): under Trusted Types a `TrustedScriptURL`
 * from the `anp` policy (which accepts the URLs given here and no other),
 * else the string.
 */
export function siblingScriptUrl(url: string): unknown {
  scriptUrls.add(url);
  const win = currentWindow();
  return (win && trustedTypesPolicy(win)?.createScriptURL(url)) ?? url;
}

/**
 * The value to give the `textContent` of the `<script type="application/ld+json">`
 * that `<anp-article jsonld>` writes (`jsonLdText`'s output): under Trusted
 * Types a `TrustedScript` from the `anp` policy, which vouches for this text
 * only while this call makes it, else the string.
 */
export function trustedJsonLd(text: string): unknown {
  const win = currentWindow();
  jsonLdWriting = text;
  try {
    return (win && trustedTypesPolicy(win)?.createScript(text)) ?? text;
  } finally {
    jsonLdWriting = undefined;
  }
}

/** Installs the sanitizer (what `core/purifier.ts` exports), as the loader does. */
export function installSanitizer(make: SanitizerFactory): void {
  factory.install(make);
  engine = undefined;
}

/**
 * Loads the sanitizer once per page: a dynamic import in the ES build, a
 * sibling file with its integrity hash for the classic script. Never rejects:
 * when the file cannot load, `sanitizerFailure()` says why and rich strings
 * with markup are shown as text without their tags.
 */
export function loadSanitizer(): Promise<void> {
  return factory.load();
}

/** True once the sanitizer is loaded (or could not be): `sanitizeRich` then keeps markup as it will stay. */
export function sanitizerSettled(): boolean {
  return factory.settled;
}

/** Why the sanitizer could not load, or undefined. */
export function sanitizerFailure(): string | undefined {
  return factory.failure;
}

/**
 * How many rich strings met markup before the sanitizer had loaded, since the
 * page started: a caller compares it before and after normalizing to learn
 * whether it must wait for `loadSanitizer()` and normalize again.
 */
export function markupWaiting(): number {
  return waiting;
}

/** How many rich strings with markup were shown as text because the sanitizer could not load (see `markupWaiting`). */
export function markupShownAsText(): number {
  return shownAsText;
}

function currentEngine(): SanitizerEngine | undefined {
  if (!engine && factory.value) {
    const win = currentWindow();
    if (win) engine = factory.value(win, trustedTypesPolicy(win), RULES);
  }
  return engine;
}

export interface SanitizeResult {
  rich: RichText;
  /** Names of what was removed (tags as `<tag>`, attributes by name). */
  removed: string[];
}

/**
 * Sanitizes one rich string. A string in which no tag can start (see
 * `holdsMarkup`) holds no markup and is kept as text without the sanitizer.
 */
export function sanitizeRich(input: string): SanitizeResult {
  if (!holdsMarkup(input)) return { rich: { kind: 'text', text: input }, removed: [] };
  // No DOM to sanitize with: never guess, show the markup as text.
  if (!currentWindow()) return { rich: { kind: 'text', text: input }, removed: [] };
  const clean = currentEngine();
  if (!clean) {
    if (factory.failure !== undefined) {
      shownAsText++;
      return { rich: { kind: 'text', text: withoutTags(input) }, removed: [] };
    }
    // Not loaded yet: nothing is kept as HTML. The caller normalizes again once it has.
    waiting++;
    void loadSanitizer();
    return { rich: { kind: 'text', text: input }, removed: [] };
  }
  const { holder, removed } = clean(input);
  const rich: RichText = { kind: 'html', html: holder.innerHTML as SanitizedHtml };
  cleanedNodes.set(rich, holder.content);
  return { rich, removed };
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
