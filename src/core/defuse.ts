/**
 * The renaming pass that runs before DOMPurify (part of the lazily loaded
 * sanitizer, see `core/purifier.ts`): pure string work, no DOM. Why it exists
 * and how it reads markup: core/defuse-states.ts.
 */
import {
  AFTER_ATTRIBUTE_NAME,
  AFTER_VALUE_QUOTED,
  AGAIN,
  ATTRIBUTE_NAME,
  BASE_MASK,
  BEFORE_ATTRIBUTE_NAME,
  BEFORE_ATTRIBUTE_VALUE,
  BOGUS_COMMENT,
  commentStep,
  COMMENT_START,
  DATA,
  END_TAG_OPEN,
  isAsciiAlpha,
  isSpace,
  startsWith,
  tagNameIs,
  withPrefixes,
  KIND_SHIFT,
  MARKUP_DECLARATION_DASH,
  MARKUP_DECLARATION_OPEN,
  NOT_FOUND,
  SELF_CLOSING_START_TAG,
  SearchMemo,
  STATE_COUNT,
  TAG_NAME,
  TAG_OPEN,
  TEXT_ONLY_ELEMENTS,
  VALUE_DOUBLE_QUOTED,
  VALUE_SINGLE_QUOTED,
  VALUE_UNQUOTED,
} from './defuse-states.js';

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
  private readonly searches = new SearchMemo();

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
    return withPrefixes(this.input, this.marks);
  }

  /** Readings whose element or section ends at `i` join the others. */
  private wake(i: number, readings: number[]): void {
    for (const [at, state] of this.waiting) if (at === i && !readings.includes(state)) readings.push(state);
    this.waiting = this.waiting.filter(([at]) => at !== i);
    this.nextWake = this.waiting.reduce((min, [at]) => Math.min(min, at), Infinity);
  }

  private wait(at: number, state: number): void {
    if (at >= this.input.length) return;
    this.waiting.push([at, state]);
    if (at < this.nextWake) this.nextWake = at;
    if (at < this.limit) this.limit = at;
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
    if (startsWith(this.input, i, 'on') || startsWith(this.input, i, 'style')) this.mark(i, false);
  }

  /**
   * A tag name starts at `i`: renames <script> and <style>, and returns the
   * state bits that say which text-only element a start tag opens (0: none).
   */
  private tagName(i: number, start: boolean): number {
    if (tagNameIs(this.input, i, 'script') || tagNameIs(this.input, i, 'style')) this.mark(i, true);
    if (!start) return 0;
    for (let k = 0; k < TEXT_ONLY_ELEMENTS.length; k++) {
      if (tagNameIs(this.input, i, TEXT_ONLY_ELEMENTS[k])) return (k + 1) << KIND_SHIFT;
    }
    return 0;
  }

  /** A tag ends at `i` (back to data). After a text-only element's start tag, one reading waits for its end tag. */
  private emit(kind: number, i: number): void {
    if (kind === 0) return;
    const name = TEXT_ONLY_ELEMENTS[(kind >> KIND_SHIFT) - 1];
    if (name === 'plaintext') return; // text to the end: that reading has nothing more to see
    const { input } = this;
    const end = this.searches.first(name, i + 1, (from) => {
      for (let j = input.indexOf('</', from); j >= 0; j = input.indexOf('</', j + 1)) {
        if (tagNameIs(this.input, j + 2, name)) return j;
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
    /** A tag ends at `i`: back to data (see `emit`). */
    const endTag = (i: number): number => {
      this.emit(kind, i);
      kind = 0;
      return DATA;
    };
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
            else if (c === 62) base = endTag(i);
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
            else if (c === 62) base = endTag(i);
            else {
              this.markAttribute(i);
              base = ATTRIBUTE_NAME;
            }
            break;
          case BEFORE_ATTRIBUTE_VALUE:
            if (isSpace(c)) break;
            if (c === 34 /* " */) base = VALUE_DOUBLE_QUOTED;
            else if (c === 39 /* ' */) base = VALUE_SINGLE_QUOTED;
            else if (c === 62)
              base = endTag(i); // a missing value
            else base = VALUE_UNQUOTED;
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
            else if (c === 62) base = endTag(i);
            break;
          case AFTER_VALUE_QUOTED:
            if (isSpace(c)) base = BEFORE_ATTRIBUTE_NAME;
            else if (c === 47) base = SELF_CLOSING_START_TAG;
            else if (c === 62) base = endTag(i);
            else {
              base = BEFORE_ATTRIBUTE_NAME; // the next name needs no space before it
              continue;
            }
            break;
          case SELF_CLOSING_START_TAG:
            if (c === 62) base = endTag(i);
            else {
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
              const end = this.searches.first(']]>', i + 7, (at) => input.indexOf(']]>', at));
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
          default: {
            // The comment states (COMMENT_START to COMMENT_END_BANG): see `commentStep`.
            const step = commentStep(base, c);
            base = step & BASE_MASK;
            if (step & AGAIN) continue;
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
