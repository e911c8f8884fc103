/**
 * Svelte 5 typings: every anp tag in `svelte/elements`' `SvelteHTMLElements`,
 * so `svelte-check` checks the attributes and properties given to it and
 * types the `onanp-error` / `onanp-checklist-change` handlers. Opt in once,
 * e.g. in `src/app.d.ts`:
 *
 * ```ts
 * import type {} from 'anp-components/svelte';
 * ```
 *
 * Svelte 5 sets each attribute as a property when the element has one
 * (`article={object}`, `items={list}`) and adds a listener for `on` + the
 * exact event name.
 *
 * Types only: this module has no runtime code and registers nothing.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { AnpElementInputs, AnpElementTypes, AnpOnEventHandlers, AnpTagName } from './element-types.js';

/** The attributes of one anp element in a Svelte 5 template. */
export type AnpSvelteElementAttributes<T extends AnpTagName> = HTMLAttributes<AnpElementTypes[T]['element']> &
  AnpElementInputs<T> &
  AnpOnEventHandlers<T>;

type AnpSvelteElements = { [T in AnpTagName]: AnpSvelteElementAttributes<T> };

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends AnpSvelteElements {}
}
