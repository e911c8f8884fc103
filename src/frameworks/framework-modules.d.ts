/**
 * Stand-ins, for this repository's own compilation only, for the framework
 * modules the typings in this folder augment. The library does not depend on
 * Vue, Svelte, Preact or Solid, so they are not installed here; without these
 * declarations `tsc` could not resolve `declare module 'vue'` and friends.
 *
 * A `.d.ts` file is not emitted, so none of this reaches dist/: a user's
 * compiler sees the real framework's types. The typings are checked against
 * the real frameworks by the example apps (examples/: vue-tsc, svelte-check,
 * and tsc over examples/jsx-typecheck for Preact and Solid).
 *
 * Only the names the typings use are declared. If one of these frameworks is
 * ever installed at the root, delete its block here.
 */
declare module 'vue' {
  export interface GlobalComponents {}
  export interface HTMLAttributes {}
  export type PublicProps = object;
  export type EmitFn<Options> = (event: keyof Options, ...args: unknown[]) => void;
}

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {}
  export interface HTMLAttributes<T extends EventTarget> {}
}

declare module 'preact' {
  export namespace JSX {
    interface IntrinsicElements {}
    interface HTMLAttributes<RefType extends EventTarget = EventTarget> {}
  }
}

declare module 'solid-js' {
  export namespace JSX {
    interface IntrinsicElements {}
    interface HTMLAttributes<T> {}
  }
}
