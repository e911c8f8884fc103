/**
 * What rich text may keep, and where it holds markup at all: shared by
 * `core/reader.ts` and `core/sanitize.ts` (always loaded) and
 * `core/purifier.ts` (loaded only when markup is met).
 */

/**
 * Where an HTML parser could start a tag, an end tag, a comment or a
 * declaration: `<` then a letter, `/`, `!` or `?`. Any other `<` (as in
 * "a < b") is text to the parser.
 */
const MARKUP_START = /<[A-Za-z/!?]/;

/** Whether an HTML parser would find markup in `text`; a string without any needs no sanitizer. */
export function holdsMarkup(text: string): boolean {
  return MARKUP_START.test(text);
}

/** `MARKUP_START` at one index (sticky). */
const TAG_AT = new RegExp(MARKUP_START.source, 'y');

/**
 * Markup as plain text: every tag (from a `<` that can start one, see
 * `holdsMarkup`, to the next `>`) removed in one pass; any other `<`, as in
 * "a < b", is kept. Used past the markup budget and when the sanitizer could
 * not load. The result is rendered as text, so nothing here has to be exact
 * to be safe.
 */
export function withoutTags(text: string): string {
  let out = '';
  let from = 0;
  let open = text.indexOf('<');
  while (open !== -1) {
    TAG_AT.lastIndex = open;
    if (!TAG_AT.test(text)) {
      open = text.indexOf('<', open + 1);
      continue;
    }
    out += text.slice(from, open);
    const close = text.indexOf('>', open + 1);
    if (close === -1) return out + text.slice(open);
    from = close + 1;
    open = text.indexOf('<', from);
  }
  return out + text.slice(from);
}

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
  createScript(input: string): unknown;
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
