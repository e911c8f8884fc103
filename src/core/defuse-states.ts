/**
 * The states and names of `defuse` (core/defuse.ts), the renaming pass that
 * runs before DOMPurify in the lazily loaded sanitizer: pure string work.
 */
/**
 * Chromium reports a CSP violation (script-src-attr, style-src-attr,
 * style-src-elem) for every inline handler or style it merely parses, even in
 * an inert document where nothing can run. So before DOMPurify parses, tags
 * and attributes that can only be removed anyway are renamed to names that
 * mean nothing to a browser; DOMPurify then removes them as it would have.
 * This is not a security layer (DOMPurify is): a construct this pass misses
 * is still removed, it just may be reported by a strict page.
 *
 * To miss none, `defuse` reads the string with the tokenizer states of the
 * HTML Living Standard (13.2.5) that decide where a tag, an attribute name, a
 * quoted or unquoted value or a comment starts and ends: data, tag open, end
 * tag open, tag name, before/after attribute name, attribute name, before
 * attribute value, attribute value (double-quoted, single-quoted, unquoted),
 * after attribute value (quoted), self-closing start tag, markup declaration
 * open, the comment states and bogus comment (a DOCTYPE, too, ends at its
 * first `>`). Character references are skipped: they never make a `<`, `>`,
 * quote or space the tokenizer acts on. It renames every attribute whose name
 * starts with `on` or `style` (any case; none of them is allowed) and every
 * `script` or `style` start or end tag, in any namespace. Inserting a prefix of
 * letters and `-` before a letter never changes how the rest is tokenized.
 *
 * Some states depend on the tree, not the text: after a <title>, <textarea>,
 * <xmp>, <iframe>, <noembed>, <noframes>, <noscript> or <plaintext> start tag
 * the HTML parser reads text up to the matching end tag (in SVG or MathML it
 * does not), and `<![CDATA[` opens a section only inside SVG or MathML. Rather
 * than build the tree, `defuse` follows every reading at once (a small fixed
 * set, so the pass stays linear) and renames what any of them sees. The
 * reading that takes such text as markup may rename inside it; that costs
 * nothing, because those elements are removed (a removed <textarea> keeps its
 * text, which then shows the new name). <script> and <style> are renamed, so
 * the browser reads their content as markup, as `defuse` does.
 */
export const DEFUSED = 'anp-blocked-';
export const DEFUSED_ATTRIBUTE = `data-${DEFUSED}`;

// Tokenizer states. A start tag's state also carries, above KIND_SHIFT, which
// text-only element it opens (an index into TEXT_ONLY_ELEMENTS, plus one).
export const DATA = 0;
export const TAG_OPEN = 1;
export const END_TAG_OPEN = 2;
export const TAG_NAME = 3;
export const BEFORE_ATTRIBUTE_NAME = 4;
export const ATTRIBUTE_NAME = 5;
export const AFTER_ATTRIBUTE_NAME = 6;
export const BEFORE_ATTRIBUTE_VALUE = 7;
export const VALUE_DOUBLE_QUOTED = 8;
export const VALUE_SINGLE_QUOTED = 9;
export const VALUE_UNQUOTED = 10;
export const AFTER_VALUE_QUOTED = 11;
export const SELF_CLOSING_START_TAG = 12;
export const MARKUP_DECLARATION_OPEN = 13;
export const MARKUP_DECLARATION_DASH = 14;
export const BOGUS_COMMENT = 15;
export const COMMENT_START = 16;
export const COMMENT_START_DASH = 17;
export const COMMENT = 18;
export const COMMENT_LESS_THAN = 19;
export const COMMENT_LESS_THAN_BANG = 20;
export const COMMENT_LESS_THAN_BANG_DASH = 21;
export const COMMENT_LESS_THAN_BANG_DASH_DASH = 22;
export const COMMENT_END_DASH = 23;
export const COMMENT_END = 24;
export const COMMENT_END_BANG = 25;
export const KIND_SHIFT = 5;
export const BASE_MASK = (1 << KIND_SHIFT) - 1;

/** Elements whose content the HTML parser reads as text up to their end tag (RCDATA, RAWTEXT, PLAINTEXT). */
export const TEXT_ONLY_ELEMENTS = ['title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'];
export const STATE_COUNT = (TEXT_ONLY_ELEMENTS.length + 1) << KIND_SHIFT;
export const NOT_FOUND = -1;

/** Tab, line feed, form feed, carriage return (a line feed once the parser has read it) and space. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
export function isAsciiAlpha(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** With a state from `commentStep`: the character is read again in that state. */
export const AGAIN = 1 << 8;

/**
 * One character in a comment state (COMMENT_START to COMMENT_END_BANG, 13.2.5.43
 * to 13.2.5.52): the next state, with `AGAIN` when the character is to be read
 * again in it. Comments hold no tags or attributes, so nothing here marks.
 */
export function commentStep(state: number, c: number): number {
  switch (state) {
    case COMMENT_START:
      return c === 45 ? COMMENT_START_DASH : c === 62 ? DATA /* <!--> */ : COMMENT | AGAIN;
    case COMMENT_START_DASH:
      return c === 45 ? COMMENT_END : c === 62 ? DATA /* <!---> */ : COMMENT | AGAIN;
    case COMMENT:
      return c === 60 ? COMMENT_LESS_THAN : c === 45 ? COMMENT_END_DASH : COMMENT;
    case COMMENT_LESS_THAN:
      return c === 33 ? COMMENT_LESS_THAN_BANG : c === 60 ? COMMENT_LESS_THAN : COMMENT | AGAIN;
    case COMMENT_LESS_THAN_BANG:
      return c === 45 ? COMMENT_LESS_THAN_BANG_DASH : COMMENT | AGAIN;
    case COMMENT_LESS_THAN_BANG_DASH:
      return c === 45 ? COMMENT_LESS_THAN_BANG_DASH_DASH : COMMENT_END_DASH | AGAIN;
    case COMMENT_LESS_THAN_BANG_DASH_DASH:
      return COMMENT_END | AGAIN; // `<!--` inside a comment: the next `>` ends it
    case COMMENT_END_DASH:
      return c === 45 ? COMMENT_END : COMMENT | AGAIN;
    case COMMENT_END:
      return c === 62 ? DATA : c === 33 ? COMMENT_END_BANG : c === 45 ? COMMENT_END : COMMENT | AGAIN;
    default: // COMMENT_END_BANG
      return c === 45 ? COMMENT_END_DASH : c === 62 ? DATA /* --!> */ : COMMENT | AGAIN;
  }
}

/** ASCII case-insensitive: does `lower` start at `i` of `input`? */
export function startsWith(input: string, i: number, lower: string): boolean {
  if (i + lower.length > input.length) return false;
  for (let k = 0; k < lower.length; k++) if ((input.charCodeAt(i + k) | 32) !== lower.charCodeAt(k)) return false;
  return true;
}

/** Is the tag name at `i` exactly `lower`? (It ends at a space, `/`, `>` or the end of input.) */
export function tagNameIs(input: string, i: number, lower: string): boolean {
  if (!startsWith(input, i, lower)) return false;
  const end = i + lower.length;
  if (end === input.length) return true;
  const c = input.charCodeAt(end);
  return isSpace(c) || c === 47 || c === 62;
}

/** `input` with the prefixes `marks` place (each: the index times two, plus one for a tag name's). */
export function withPrefixes(input: string, marks: readonly number[]): string {
  if (marks.length === 0) return input;
  let out = '';
  let from = 0;
  for (const mark of marks) {
    const at = mark >>> 1;
    out += input.slice(from, at) + (mark & 1 ? DEFUSED : DEFUSED_ATTRIBUTE);
    from = at;
  }
  return out + input.slice(from);
}

/** The name a removed tag or attribute had before `defuse`. */
export function originalName(name: string): string {
  if (name.startsWith(DEFUSED_ATTRIBUTE)) return name.slice(DEFUSED_ATTRIBUTE.length);
  if (name.startsWith(DEFUSED)) return name.slice(DEFUSED.length);
  return name;
}

/** The first index at or after `from` that a search finds, per key, searching each stretch of input once. */
export class SearchMemo {
  private readonly found = new Map<string, { from: number; at: number }>();

  first(key: string, from: number, search: (from: number) => number): number {
    const last = this.found.get(key);
    if (last && last.from <= from && (last.at === NOT_FOUND || last.at >= from)) return last.at;
    const at = search(from);
    this.found.set(key, { from, at });
    return at;
  }
}
