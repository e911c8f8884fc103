/**
 * What rich text may keep, shared by `core/sanitize.ts` (always loaded) and
 * `core/purifier.ts` (loaded only when markup is met).
 */
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

export interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

/**
 * What the page's own script hands the sanitizer when it loads: the
 * allow-lists, the URL policy and a clobber-safe way to make a template. The
 * sanitizer's file imports none of them, so it shares no module with the
 * script that loads it.
 */
export interface SanitizerRules {
  tags: readonly string[];
  attributes: readonly string[];
  linkRel: string;
  judgeUrl(href: string): { ok: true; href: string } | { ok: false };
  template(doc: Document): HTMLTemplateElement;
}

/** The sanitizer once loaded, for one window: a string of markup in, the nodes left (in an inert template) and what was removed out. */
export type SanitizerEngine = (input: string) => { holder: HTMLTemplateElement; removed: string[] };
