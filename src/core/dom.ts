/**
 * The DOM methods this library (and, through scripts/clobber-guard.mjs, the
 * Lit and DOMPurify inside our builds) calls on a document, taken from the
 * prototypes when this module loads.
 *
 * Why: `document` has named properties that win over its own methods
 * ([LegacyOverrideBuiltIns]), so host markup such as `<img name=createElement>`
 * or `<form name=baseURI>` replaces `document.createElement` or
 * `document.baseURI` with an element. A property defined on `document` cannot
 * win back (it cannot be defined once a same-named element exists), so the
 * library never looks these up on a document: it calls what it captured, with
 * `.call(doc, ...)`. The same holds for `window`: an element's id or name shows
 * through `globalThis.x` unless `x` is an own property, so global look-ups made
 * for Lit go through `ownGlobals`.
 *
 * Every capture is guarded, so that importing this module without a DOM
 * (server rendering) defines nothing and throws nothing.
 */

const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * A DOM member as the prototype defines it, or undefined without a DOM. Its
 * calls are marked pure: a bundle that uses few of them (a sibling file of
 * the classic script) drops the rest.
 */
function captured<T>(ctor: { prototype: object } | undefined, name: string, kind: 'value' | 'get' = 'value'): T | undefined {
  const descriptor = ctor && Object.getOwnPropertyDescriptor(ctor.prototype, name);
  return (descriptor ? Reflect.get(descriptor, kind) : undefined) as T | undefined;
}

const DocumentClass = typeof Document === 'function' ? Document : undefined;
const NodeClass = typeof Node === 'function' ? Node : undefined;
const ShadowRootClass = typeof ShadowRoot === 'function' ? ShadowRoot : undefined;

const createElement = /* @__PURE__ */ captured<Document['createElement']>(DocumentClass, 'createElement');
const importNode = /* @__PURE__ */ captured<Document['importNode']>(DocumentClass, 'importNode');
const createComment = /* @__PURE__ */ captured<Document['createComment']>(DocumentClass, 'createComment');
const createTextNode = /* @__PURE__ */ captured<Document['createTextNode']>(DocumentClass, 'createTextNode');
const createTreeWalker = /* @__PURE__ */ captured<Document['createTreeWalker']>(DocumentClass, 'createTreeWalker');
const currentScript = /* @__PURE__ */ captured<() => HTMLOrSVGScriptElement | null>(DocumentClass, 'currentScript', 'get');
const addEventListener = /* @__PURE__ */ captured<EventTarget['addEventListener']>(
  typeof EventTarget === 'function' ? EventTarget : undefined,
  'addEventListener',
);
const baseURI = /* @__PURE__ */ captured<() => string>(NodeClass, 'baseURI', 'get');
const headOf = /* @__PURE__ */ captured<() => HTMLHeadElement | null>(DocumentClass, 'head', 'get');
const rootOf = /* @__PURE__ */ captured<() => Element | null>(DocumentClass, 'documentElement', 'get');
const parentNode = /* @__PURE__ */ captured<() => ParentNode | null>(NodeClass, 'parentNode', 'get');
const shadowHost = /* @__PURE__ */ captured<() => Element>(ShadowRootClass, 'host', 'get');

/** The page's document (`document` itself is an unforgeable own property of window: no element shadows it). */
const pageDocument: Document | undefined =
  DocumentClass && typeof document === 'object' && document instanceof DocumentClass ? document : undefined;

const isPageRealm = (doc: Document): boolean => DocumentClass !== undefined && doc instanceof DocumentClass;

/** `doc.importNode(node, deep)`, safe from a named element called `importNode`. */
export function importNodeInto<T extends Node>(doc: Document, node: T, deep: boolean): T {
  if (isPageRealm(doc)) return importNode!.call(doc, node, deep) as T;
  // A document of another realm (a server DOM): its own prototype's method, never a named property.
  return (Object.getPrototypeOf(doc) as Document).importNode.call(doc, node, deep) as T;
}

/** `doc.createElement(tag)`, safe from a named element called `createElement`. */
export function createElementIn<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K] {
  if (isPageRealm(doc)) return createElement!.call(doc, tag) as HTMLElementTagNameMap[K];
  return (Object.getPrototypeOf(doc) as Document).createElement.call(doc, tag) as HTMLElementTagNameMap[K];
}

/** `target.addEventListener(...)`, safe on a document holding an element named `addEventListener`. */
export function listen(target: EventTarget, type: string, listener: EventListener): void {
  if (addEventListener) addEventListener.call(target, type, listener);
  else target.addEventListener(type, listener);
}

/** The page's base URL (what `document.baseURI` says without markup in the way), or undefined without a DOM. */
export function pageBaseURI(): string | undefined {
  return pageDocument && baseURI ? baseURI.call(pageDocument) : undefined;
}

/** The classic script running now (`document.currentScript`), or null (a module, or no DOM). */
export function runningScript(): HTMLOrSVGScriptElement | null {
  return pageDocument && currentScript ? currentScript.call(pageDocument) : null;
}

/** The page's `<head>` (or `<html>` without one), for a script the library adds; null without a DOM. */
export function pageHead(): Element | null {
  return pageDocument ? (headOf?.call(pageDocument) ?? rootOf?.call(pageDocument) ?? null) : null;
}

/** A node's parent, or for a shadow root its host (never a named element of a document). */
export function parentAcrossShadow(node: Node): Node | null {
  const parent = parentNode ? parentNode.call(node) : node.parentNode;
  if (parent) return parent;
  return shadowHostOf(node);
}

/** The host of a shadow root; null for anything else (a document included). */
export function shadowHostOf(node: Node): Element | null {
  return ShadowRootClass && shadowHost && node instanceof ShadowRootClass ? shadowHost.call(node) : null;
}

/**
 * For LitElement's `renderOptions.creationScope`: Lit imports every template
 * instance through `creationScope.importNode`, so this keeps rendering when
 * the page holds an element named `importNode`, even with a Lit that
 * clobber-guard.mjs did not rewrite.
 */
export const pageCreationScope: { importNode(node: Node, deep?: boolean): Node } | undefined = pageDocument && {
  importNode: (node: Node, deep?: boolean) => importNode!.call(pageDocument, node, deep),
};

/** The walker methods lit-html uses, with the facade read as the page document. */
interface WalkerLike {
  currentNode: Node;
  nextNode(): Node | null;
}

/**
 * What lit-html sees as `document` in our builds (scripts/clobber-guard.mjs
 * puts it in place of its module-level `d = document`): the five methods Lit
 * calls, bound to the page document, plus `currentScript` for DOMPurify.
 * Lit also hands this object back to the DOM (`createTreeWalker(d, 129)`,
 * `walker.currentNode = d`), so the walker it gets reads the facade as the
 * page document.
 */
export const litDocument = pageDocument && makeFacade(pageDocument);

function makeFacade(doc: Document) {
  const facade = {
    createElement: (tag: string) => createElement!.call(doc, tag),
    importNode: (node: Node, deep?: boolean) => importNode!.call(doc, node, deep),
    createComment: (data: string) => createComment!.call(doc, data),
    createTextNode: (data: string) => createTextNode!.call(doc, data),
    createTreeWalker(root: Node, whatToShow?: number): WalkerLike {
      const asNode = (node: Node): Node => ((node as unknown) === facade ? doc : node);
      const walker = createTreeWalker!.call(doc, asNode(root), whatToShow);
      return {
        get currentNode() {
          return walker.currentNode;
        },
        set currentNode(node: Node) {
          walker.currentNode = asNode(node);
        },
        nextNode: () => walker.nextNode(),
      };
    },
    get currentScript() {
      return currentScript ? currentScript.call(doc) : null;
    },
  };
  return facade;
}

/**
 * What DOMPurify reads from the window's document in our builds: the facade
 * for the page's document (DOMPurify takes `createElement`, `importNode` and
 * `currentScript` from it, then works in an inert document of its own), any
 * other document (a server DOM) unchanged.
 */
export function guardedDocument<T>(doc: T): T {
  return doc === pageDocument && litDocument ? (litDocument as T) : doc;
}

/**
 * `globalThis` as Lit's modules see it in our builds: only its own
 * properties. Window's own properties are its real globals; an element's id
 * or name shows through `window.x` from a prototype (WindowProperties), so
 * `<form id=litHtmlVersions>` or `<img name=reactiveElementPolyfillSupport>`
 * is read as absent instead of breaking Lit as it loads. A value Lit stores
 * (`litPropertyMetadata ??= new WeakMap()`) becomes an own property, which
 * a named element can no longer shadow for anyone.
 */
export const ownGlobals: typeof globalThis = /* @__PURE__ */ new Proxy(globalThis, {
  get: (target, key): unknown => (hasOwn(target, key) ? (Reflect.get(target, key) as unknown) : undefined),
  has: (target, key) => hasOwn(target, key),
  set(target, key, value) {
    if (hasOwn(target, key)) return Reflect.set(target, key, value);
    return Reflect.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  },
});
