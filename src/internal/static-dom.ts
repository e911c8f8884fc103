import { noChange, type ChildPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { createElementIn } from '../core/dom.js';
import type { ValueContext } from './value-context.js';

/**
 * Rows and leaf values as plain DOM, in one child part.
 *
 * A row or a leaf value (a date, a count, a list of strings, a set of badges
 * or scores) made of nested templates costs Lit a template clone, a tree
 * walk and marker comments per piece: about 35 clones and 137 comments per
 * meta box, where the value itself is a handful of elements. Here `build`
 * makes each item's nodes with DOM calls (text as text, never markup), and
 * one part holds them all. An item equal to the one shown (the same data in
 * new objects, the same language) keeps its nodes; any other replaces them.
 * Rich text reaches built nodes through appendRich() (src/internal/rich-content.ts) only.
 */

/** Makes one item's nodes in `doc`: one node, or a string for plain text. */
export type Build<T> = (doc: Document, item: T, ctx: ValueContext) => Node | string;

/**
 * Equal plain data (strings, numbers, booleans, arrays and objects of them),
 * whatever the objects. The data here is typed (a field's kind fixes its
 * shape), so an array and an object never meet at one place.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

class StaticDomDirective extends Directive {
  private build?: Build<never>;
  private ctx?: ValueContext;
  private items: readonly unknown[] = [];
  private nodes: Node[] = [];

  /** Without a DOM (the elements render in the browser; see docs/frameworks.md): nothing. */
  render<T>(_build: Build<T>, _items: readonly T[], _ctx: ValueContext): unknown {
    return noChange;
  }

  /** Builds the items that changed, in place between the markers of its part (a child part: `part.endNode`). */
  override update<T>(part: ChildPart, [build, items, ctx]: [Build<T>, readonly T[], ValueContext]): unknown {
    const parent = part.parentNode;
    // The part sits in an element of the shadow root, so it has a document.
    const doc = parent.ownerDocument;
    if (!doc) return noChange;
    // The same words: the same language, labels and pack (compared by value, so a new context object of the same is the same).
    const same = build === this.build && sameData(ctx, this.ctx);
    items.forEach((item, index) => {
      const old = this.nodes[index];
      if (old && same && sameData(item, this.items[index])) return;
      const made = build(doc, item, ctx);
      const node = typeof made === 'string' ? new Text(made) : made;
      if (old) parent.replaceChild(node, old);
      else parent.insertBefore(node, part.endNode);
      this.nodes[index] = node;
    });
    for (const node of this.nodes.splice(items.length)) parent.removeChild(node);
    this.build = build;
    this.ctx = ctx;
    this.items = items;
    return noChange;
  }
}

/**
 * `build(doc, item, ctx)`'s nodes for each item, in a child part; an item is
 * made again only when it or the language changes.
 */
export const staticDom = directive(StaticDomDirective) as <T>(build: Build<T>, items: readonly T[], ctx: ValueContext) => unknown;

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
  const named = typeof attributes === 'string' ? { part: attributes } : attributes;
  for (const name in named) node.setAttribute(name, named[name]);
  if (text !== undefined) node.textContent = text;
  parent?.appendChild(node);
  return node;
}
