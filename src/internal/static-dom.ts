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
 * Server rendering (src/ssr/built-markup.ts): the document items are built in
 * there, and what turns their nodes into the part's server markup.
 */
export interface ServerBuild {
  doc: Document;
  markup(nodes: readonly (Node | string)[]): unknown;
}

let server: ServerBuild | undefined;

/** Called by the server renderer only; in a browser `render()` stays empty. */
export function buildOnServer(build: ServerBuild | undefined): void {
  server = build;
}

/**
 * Equal nodes, as `isEqualNode` says, but for an `href`, which is equal when
 * it leads to the same URL: a server keeps a relative link relative (it does
 * not know the page's address), the page resolves it (src/core/url.ts).
 */
function sameNode(a: Node, b: Node): boolean {
  if (a.nodeName !== b.nodeName || a.nodeValue !== b.nodeValue || a.childNodes.length !== b.childNodes.length) return false;
  if (a.nodeType === 1) {
    const [mine, theirs] = [a as HTMLAnchorElement, b as HTMLAnchorElement];
    if (mine.attributes.length !== theirs.attributes.length) return false;
    for (const { name, value } of mine.attributes) {
      if (name === 'href' ? mine.href !== theirs.href : value !== theirs.getAttribute(name)) return false;
    }
  }
  return [...a.childNodes].every((child, index) => sameNode(child, b.childNodes[index]));
}

/** The comment that closes a part in server markup (`<!--/lit-part-->`). */
function isPartEnd(node: Node): boolean {
  return node.nodeType === 8 && (node as Comment).data === '/lit-part';
}

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

  /**
   * Without a DOM: nothing (the elements render in the browser; see
   * docs/frameworks.md), or on a server the items built in the server's
   * document, as markup (src/ssr/built-markup.ts).
   */
  render<T>(build: Build<T>, items: readonly T[], ctx: ValueContext): unknown {
    if (!server) return noChange;
    const { doc } = server;
    return server.markup(items.map((item) => build(doc, item, ctx)));
  }

  /** Builds the items that changed, in place between the markers of its part (a child part: `part.endNode`). */
  override update<T>(part: ChildPart, [build, items, ctx]: [Build<T>, readonly T[], ValueContext]): unknown {
    const parent = part.parentNode;
    // The part sits in an element of the shadow root, so it has a document.
    const doc = parent.ownerDocument;
    if (!doc) return noChange;
    // Hydrating server markup: the part's end is not known yet, its nodes are there.
    if (!part.endNode && !this.nodes.length) return this.adopt(part, build, items, ctx, doc);
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

  /**
   * Takes over the nodes a server rendered for this part (between its
   * `<!--lit-part …-->` and `<!--/lit-part-->`) when they equal what this
   * page builds from the same data, so hydrating changes nothing. An item
   * that differs (data changed since, another sanitizer) is replaced by the
   * built one.
   */
  private adopt<T>(part: ChildPart, build: Build<T>, items: readonly T[], ctx: ValueContext, doc: Document): unknown {
    const parent = part.parentNode;
    const shown: Node[] = [];
    let end: Node | null = part.startNode ? part.startNode.nextSibling : null;
    for (; end && !isPartEnd(end); end = end.nextSibling) shown.push(end);
    const built = items.map((item) => {
      const made = build(doc, item, ctx);
      return typeof made === 'string' ? new Text(made) : made;
    });
    if (shown.length === built.length) {
      // Item by item: only an item that differs is replaced.
      this.nodes = shown.map((node, index) =>
        sameNode(built[index], node) ? node : parent.replaceChild(built[index], node) && built[index],
      );
    } else {
      for (const node of shown) parent.removeChild(node);
      for (const node of built) parent.insertBefore(node, end);
      this.nodes = built;
    }
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
