/**
 * JSX typings for Solid. Solid sets a custom element's props as properties
 * (`article={object}`; `prop:` and `attr:` force either), and `on:` + the
 * exact event name adds a listener (`on:anp-error`). Opt in once:
 *
 * ```ts
 * import type {} from 'anp-components/jsx-solid';
 * ```
 *
 * Types only: this module has no runtime code and registers nothing.
 */
import type { JSX } from 'solid-js';
import type { AnpElementInputs, AnpElementTypes, AnpTagName } from './element-types.js';

/** `on:anp-error`, `on:anp-checklist-change`: Solid's listener syntax for custom events. */
export type AnpSolidEventHandlers<T extends AnpTagName> = {
  [N in keyof AnpElementTypes[T]['events'] as `on:${N & string}`]?: (event: AnpElementTypes[T]['events'][N]) => void;
};

/** The props of one anp element in Solid JSX. */
export type AnpSolidElementProps<T extends AnpTagName> = JSX.HTMLAttributes<AnpElementTypes[T]['element']> &
  AnpElementInputs<T> &
  AnpSolidEventHandlers<T>;

type AnpIntrinsicElements = { [T in AnpTagName]: AnpSolidElementProps<T> };

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends AnpIntrinsicElements {}
  }
}
