/**
 * The renaming pass that runs before DOMPurify (part of the lazily loaded
 * sanitizer, see `core/purifier.ts`): pure string work, no DOM.
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
const DEFUSED_ATTRIBUTE = `data-${DEFUSED}`;

// Tokenizer states. A start tag's state also carries, above KIND_SHIFT, which
// text-only element it opens (an index into TEXT_ONLY_ELEMENTS, plus one).
const DATA = 0;
const TAG_OPEN = 1;
const END_TAG_OPEN = 2;
const TAG_NAME = 3;
const BEFORE_ATTRIBUTE_NAME = 4;
const ATTRIBUTE_NAME = 5;
const AFTER_ATTRIBUTE_NAME = 6;
const BEFORE_ATTRIBUTE_VALUE = 7;
const VALUE_DOUBLE_QUOTED = 8;
const VALUE_SINGLE_QUOTED = 9;
const VALUE_UNQUOTED = 10;
const AFTER_VALUE_QUOTED = 11;
const SELF_CLOSING_START_TAG = 12;
const MARKUP_DECLARATION_OPEN = 13;
const MARKUP_DECLARATION_DASH = 14;
const BOGUS_COMMENT = 15;
const COMMENT_START = 16;
const COMMENT_START_DASH = 17;
const COMMENT = 18;
const COMMENT_LESS_THAN = 19;
const COMMENT_LESS_THAN_BANG = 20;
const COMMENT_LESS_THAN_BANG_DASH = 21;
const COMMENT_LESS_THAN_BANG_DASH_DASH = 22;
const COMMENT_END_DASH = 23;
const COMMENT_END = 24;
const COMMENT_END_BANG = 25;
const KIND_SHIFT = 5;
const BASE_MASK = (1 << KIND_SHIFT) - 1;

/** Elements whose content the HTML parser reads as text up to their end tag (RCDATA, RAWTEXT, PLAINTEXT). */
const TEXT_ONLY_ELEMENTS = ['title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'];
const STATE_COUNT = (TEXT_ONLY_ELEMENTS.length + 1) << KIND_SHIFT;
const NOT_FOUND = -1;

/** Tab, line feed, form feed, carriage return (a line feed once the parser has read it) and space. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
function isAsciiAlpha(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** One pass of `defuse` over one string: every reading of it at once, and where the prefixes go. */
class DefuseTokenizer {
  /** Where a prefix goes, in order: the index times two, plus one for a tag name's prefix (not an attribute's). */
  private readonly marks: number[] = [];
  /** Readings waiting for the end of a text-only element or a CDATA section: [index to resume at, state]. */
  private waiting: [number, number][] = [];
  private nextWake = Infinity;
  /** Where the current call of `advance` stops: the end, the next waiting reading, or one character. */
  private limit = 0;
  /** The last search per text-only element (and for CDATA), so each stretch of input is searched once. */
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(private readonly input: string) {}

  run(): string {
    const n = this.input.length;
    let readings = [DATA];
    let next: number[] = [];
    const seenAt = new Int32Array(STATE_COUNT).fill(-1);
    let i = 0;
    while (i < n) {
      if (i === this.nextWake) this.wake(i, readings);
      if (readings.length === 1) {
        // One reading: it runs on until the end or until another one joins.
        this.limit = Math.min(n, this.nextWake);
        readings[0] = this.advance(readings[0], i);
        i = this.limit;
        continue;
      }
      // Several: one character each, and readings in the same state become one.
      this.limit = i + 1;
      next.length = 0;
      for (const state of readings) {
        const after = this.advance(state, i);
        if (seenAt[after] !== i) {
          seenAt[after] = i;
          next.push(after);
        }
      }
      [readings, next] = [next, readings];
      i++;
    }
    return this.output();
  }

  private output(): string {
    const { input, marks } = this;
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

  /** Readings whose element or section ends at `i` join the others. */
  private wake(i: number, readings: number[]): void {
    const still: [number, number][] = [];
    this.nextWake = Infinity;
    for (const entry of this.waiting) {
      if (entry[0] === i) {
        if (!readings.includes(entry[1])) readings.push(entry[1]);
      } else {
        still.push(entry);
        if (entry[0] < this.nextWake) this.nextWake = entry[0];
      }
    }
    this.waiting = still;
  }

  private wait(at: number, state: number): void {
    if (at >= this.input.length) return;
    this.waiting.push([at, state]);
    if (at < this.nextWake) this.nextWake = at;
    if (at < this.limit) this.limit = at;
  }

  /** ASCII case-insensitive: does `lower` start at `i`? */
  private startsWith(i: number, lower: string): boolean {
    const { input } = this;
    if (i + lower.length > input.length) return false;
    for (let k = 0; k < lower.length; k++) if ((input.charCodeAt(i + k) | 32) !== lower.charCodeAt(k)) return false;
    return true;
  }

  /** Is the tag name at `i` exactly `lower`? (It ends at a space, `/`, `>` or the end of input.) */
  private tagNameIs(i: number, lower: string): boolean {
    if (!this.startsWith(i, lower)) return false;
    const end = i + lower.length;
    if (end === this.input.length) return true;
    const c = this.input.charCodeAt(end);
    return isSpace(c) || c === 47 || c === 62;
  }

  /** Two readings may mark the same index; a tag name's prefix wins (either keeps the name from the browser). */
  private mark(i: number, tag: boolean): void {
    const { marks } = this;
    const value = i * 2 + (tag ? 1 : 0);
    const last = marks.length - 1;
    if (last >= 0 && marks[last] >>> 1 === i) marks[last] |= value;
    else marks.push(value);
  }

  private markAttribute(i: number): void {
    if (this.startsWith(i, 'on') || this.startsWith(i, 'style')) this.mark(i, false);
  }

  /**
   * A tag name starts at `i`: renames <script> and <style>, and returns the
   * state bits that say which text-only element a start tag opens (0: none).
   */
  private tagName(i: number, start: boolean): number {
    if (this.tagNameIs(i, 'script') || this.tagNameIs(i, 'style')) this.mark(i, true);
    if (!start) return 0;
    for (let k = 0; k < TEXT_ONLY_ELEMENTS.length; k++) {
      if (this.tagNameIs(i, TEXT_ONLY_ELEMENTS[k])) return (k + 1) << KIND_SHIFT;
    }
    return 0;
  }

  /** The first index at or after `from` that `search` finds, searching each stretch of input once. */
  private firstFrom(key: string, from: number, search: (from: number) => number): number {
    const last = this.found.get(key);
    if (last && last.from <= from && (last.at === NOT_FOUND || last.at >= from)) return last.at;
    const at = search(from);
    this.found.set(key, { from, at });
    return at;
  }

  /** A tag ends at `i` (back to data). After a text-only element's start tag, one reading waits for its end tag. */
  private emit(kind: number, i: number): void {
    if (kind === 0) return;
    const name = TEXT_ONLY_ELEMENTS[(kind >> KIND_SHIFT) - 1];
    if (name === 'plaintext') return; // text to the end: that reading has nothing more to see
    const { input } = this;
    const end = this.firstFrom(name, i + 1, (from) => {
      for (let j = input.indexOf('</', from); j >= 0; j = input.indexOf('</', j + 1)) {
        if (this.tagNameIs(j + 2, name)) return j;
      }
      return NOT_FOUND;
    });
    // The end tag is read as a tag like any other from the character after its name.
    if (end !== NOT_FOUND) this.wait(end + 2 + name.length, TAG_NAME);
  }

  /**
   * Reads from `from` up to `this.limit` in `state` and returns the state
   * after. Text, quoted values and bogus comments are skipped with `indexOf`.
   */
  private advance(state: number, from: number): number {
    const { input } = this;
    let kind = state & ~BASE_MASK;
    let base = state & BASE_MASK;
    /** The character after the next `stop` (or the limit), so the loop's `i++` lands on it. */
    const skipTo = (i: number, stop: string): number => {
      const j = input.indexOf(stop, i + 1);
      return (j < 0 || j > this.limit ? this.limit : j) - 1;
    };
    for (let i = from; i < this.limit; i++) {
      const c = input.charCodeAt(i);
      for (;;) {
        // `break` below: the character is read; `continue`: read it again in the new state.
        switch (base) {
          case DATA:
            if (c === 60 /* < */) base = TAG_OPEN;
            else i = skipTo(i, '<');
            break;
          case TAG_OPEN:
            if (c === 33 /* ! */) base = MARKUP_DECLARATION_OPEN;
            else if (c === 47 /* / */) base = END_TAG_OPEN;
            else if (isAsciiAlpha(c)) {
              base = TAG_NAME;
              kind = this.tagName(i, true);
            } else if (c === 63 /* ? */) base = BOGUS_COMMENT;
            else {
              base = DATA; // the `<` was text
              continue;
            }
            break;
          case END_TAG_OPEN:
            if (isAsciiAlpha(c)) {
              base = TAG_NAME;
              kind = this.tagName(i, false);
            } else if (c === 62 /* > */) base = DATA;
            else {
              base = BOGUS_COMMENT;
              continue;
            }
            break;
          case TAG_NAME:
            if (isSpace(c)) base = BEFORE_ATTRIBUTE_NAME;
            else if (c === 47) base = SELF_CLOSING_START_TAG;
            else if (c === 62) {
              this.emit(kind, i);
              base = DATA;
              kind = 0;
            }
            break;
          case BEFORE_ATTRIBUTE_NAME:
            if (isSpace(c)) break;
            if (c === 47 || c === 62) {
              base = AFTER_ATTRIBUTE_NAME;
              continue;
            }
            this.markAttribute(i); // a new attribute, even one whose name starts with `=`
            base = ATTRIBUTE_NAME;
            break;
          case ATTRIBUTE_NAME:
            if (isSpace(c) || c === 47 || c === 62) {
              base = AFTER_ATTRIBUTE_NAME;
              continue;
            }
            if (c === 61 /* = */) base = BEFORE_ATTRIBUTE_VALUE; // quotes and `<` are part of a name
            break;
          case AFTER_ATTRIBUTE_NAME:
            if (isSpace(c)) break;
            if (c === 47) base = SELF_CLOSING_START_TAG;
            else if (c === 61) base = BEFORE_ATTRIBUTE_VALUE;
            else if (c === 62) {
              this.emit(kind, i);
              base = DATA;
              kind = 0;
            } else {
              this.markAttribute(i);
              base = ATTRIBUTE_NAME;
            }
            break;
          case BEFORE_ATTRIBUTE_VALUE:
            if (isSpace(c)) break;
            if (c === 34 /* " */) base = VALUE_DOUBLE_QUOTED;
            else if (c === 39 /* ' */) base = VALUE_SINGLE_QUOTED;
            else if (c === 62) {
              // a missing value
              this.emit(kind, i);
              base = DATA;
              kind = 0;
            } else base = VALUE_UNQUOTED;
            break;
          case VALUE_DOUBLE_QUOTED:
            if (c === 34) base = AFTER_VALUE_QUOTED;
            else i = skipTo(i, '"');
            break;
          case VALUE_SINGLE_QUOTED:
            if (c === 39) base = AFTER_VALUE_QUOTED;
            else i = skipTo(i, "'");
            break;
          case VALUE_UNQUOTED:
            // Quotes, `<`, `=` and backticks are part of an unquoted value.
            if (isSpace(c)) base = BEFORE_ATTRIBUTE_NAME;
            else if (c === 62) {
              this.emit(kind, i);
              base = DATA;
              kind = 0;
            }
            break;
          case AFTER_VALUE_QUOTED:
            if (isSpace(c)) base = BEFORE_ATTRIBUTE_NAME;
            else if (c === 47) base = SELF_CLOSING_START_TAG;
            else if (c === 62) {
              this.emit(kind, i);
              base = DATA;
              kind = 0;
            } else {
              base = BEFORE_ATTRIBUTE_NAME; // the next name needs no space before it
              continue;
            }
            break;
          case SELF_CLOSING_START_TAG:
            if (c === 62) {
              this.emit(kind, i);
              base = DATA;
              kind = 0;
            } else {
              base = BEFORE_ATTRIBUTE_NAME; // a `/` inside a tag separates like a space
              continue;
            }
            break;
          case MARKUP_DECLARATION_OPEN:
            if (c === 45 /* - */ && input.charCodeAt(i + 1) === 45) {
              base = MARKUP_DECLARATION_DASH;
              break;
            }
            if (c === 91 /* [ */ && input.startsWith('[CDATA[', i)) {
              // In SVG or MathML a CDATA section, text up to `]]>`; in HTML a bogus comment (below).
              const end = this.firstFrom(']]>', i + 7, (at) => input.indexOf(']]>', at));
              if (end !== NOT_FOUND) this.wait(end + 3, DATA);
            }
            base = BOGUS_COMMENT; // a DOCTYPE too: every DOCTYPE state ends at `>`
            continue;
          case MARKUP_DECLARATION_DASH:
            base = COMMENT_START;
            break;
          case BOGUS_COMMENT:
            if (c === 62) base = DATA;
            else i = skipTo(i, '>');
            break;
          case COMMENT_START:
            if (c === 45) base = COMMENT_START_DASH;
            else if (c === 62)
              base = DATA; // <!-->
            else {
              base = COMMENT;
              continue;
            }
            break;
          case COMMENT_START_DASH:
            if (c === 45) base = COMMENT_END;
            else if (c === 62)
              base = DATA; // <!--->
            else {
              base = COMMENT;
              continue;
            }
            break;
          case COMMENT:
            if (c === 60) base = COMMENT_LESS_THAN;
            else if (c === 45) base = COMMENT_END_DASH;
            break;
          case COMMENT_LESS_THAN:
            if (c === 33) base = COMMENT_LESS_THAN_BANG;
            else if (c !== 60) {
              base = COMMENT;
              continue;
            }
            break;
          case COMMENT_LESS_THAN_BANG:
            if (c === 45) base = COMMENT_LESS_THAN_BANG_DASH;
            else {
              base = COMMENT;
              continue;
            }
            break;
          case COMMENT_LESS_THAN_BANG_DASH:
            if (c === 45) base = COMMENT_LESS_THAN_BANG_DASH_DASH;
            else {
              base = COMMENT_END_DASH;
              continue;
            }
            break;
          case COMMENT_LESS_THAN_BANG_DASH_DASH:
            base = COMMENT_END; // `<!--` inside a comment: the next `>` ends it
            continue;
          case COMMENT_END_DASH:
            if (c === 45) base = COMMENT_END;
            else {
              base = COMMENT;
              continue;
            }
            break;
          case COMMENT_END:
            if (c === 62) base = DATA;
            else if (c === 33) base = COMMENT_END_BANG;
            else if (c !== 45) {
              base = COMMENT;
              continue;
            }
            break;
          default: // COMMENT_END_BANG
            if (c === 45) base = COMMENT_END_DASH;
            else if (c === 62)
              base = DATA; // --!>
            else {
              base = COMMENT;
              continue;
            }
        }
        break;
      }
    }
    return base | kind;
  }
}

export function defuse(input: string): string {
  return new DefuseTokenizer(input).run();
}

/** The name a removed tag or attribute had before `defuse`. */
export function originalName(name: string): string {
  if (name.startsWith(DEFUSED_ATTRIBUTE)) return name.slice(DEFUSED_ATTRIBUTE.length);
  if (name.startsWith(DEFUSED)) return name.slice(DEFUSED.length);
  return name;
}
