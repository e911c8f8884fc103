import { noChange, type ChildPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { createElementIn } from '../core/dom.js';
import type { ValueContext } from './value-context.js';

/**
 * Leaf values as plain DOM, in one child part.
 *
 * A leaf value (a date, a count, a list of strings, a set of badges or
 * scores) made of nested templates costs Lit a template clone, a tree walk
 * and marker comments per piece: about 35 clones and 137 comments per meta
 * box, where the value itself is a handful of elements. Here `build` makes
 * the value's nodes with DOM calls (text as text, never markup), and the
 * part holds them as one node. A new value equal to the one shown (the same
 * data in new objects, the same language) keeps the nodes; any other
 * replaces them. Rich values never come here: they go through richContent().
 */

/** Makes a value's nodes in `doc`: one node, or a string for plain text. */
export type Build<T> = (doc: Document, value: T, ctx: ValueContext) => Node | string;

/** Equal plain data (strings, numbers, booleans, arrays and objects of them), whatever the objects. */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

class StaticDomDirective extends Directive {
  private build?: Build<never>;
  private value?: unknown;
  private ctx?: ValueContext;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('staticDom() belongs in child position');
  }

  /** Without a DOM (the elements render in the browser; see docs/frameworks.md): nothing. */
  render<T>(_build: Build<T>, _value: T, _ctx: ValueContext): unknown {
    return noChange;
  }

  override update<T>(part: ChildPart, [build, value, ctx]: [Build<T>, T, ValueContext]): unknown {
    const shown = this.ctx;
    if (
      build === this.build &&
      shown &&
      shown.locale === ctx.locale &&
      shown.labels === ctx.labels &&
      shown.pack === ctx.pack &&
      sameData(value, this.value)
    )
      return noChange;
    this.build = build;
    this.value = value;
    this.ctx = ctx;
    // The part sits in an element of the shadow root, so it has a document.
    const doc = part.parentNode.ownerDocument;
    return doc ? build(doc, value, ctx) : noChange;
  }
}

/** `build(doc, value, ctx)`'s nodes in a child part, made again only when the value or the language changes. */
export const staticDom = directive(StaticDomDirective) as <T>(build: Build<T>, value: T, ctx: ValueContext) => unknown;

/**
 * Appends `<tag part=…>text</tag>` to `parent` (when given) and returns it;
 * `attributes` is the `part`, or every attribute by name. Through
 * `createElementIn`, so host markup cannot clobber the call.
 */
export function addElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  parent: Node | null,
  tag: K,
  attributes?: string | Record<string, string>,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = createElementIn(doc, tag);
  for (const [name, value] of Object.entries(typeof attributes === 'string' ? { part: attributes } : (attributes ?? {})))
    node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  parent?.appendChild(node);
  return node;
}
