/**
 * JSX typings for Preact, which sets a custom element's props as properties
 * when the element has one and adds a listener for `on` + the exact event
 * name (`onanp-error`). Opt in once:
 *
 * ```ts
 * import type {} from 'anp-components/jsx-preact';
 * ```
 *
 * Types only: this module has no runtime code and registers nothing.
 */
import type { JSX } from 'preact';
import type { AnpElementInputs, AnpElementTypes, AnpOnEventHandlers, AnpTagName } from './element-types.js';

/** The props of one anp element in Preact JSX. */
export type AnpPreactElementProps<T extends AnpTagName> = JSX.HTMLAttributes<AnpElementTypes[T]['element']> &
  AnpElementInputs<T> &
  AnpOnEventHandlers<T>;

type AnpIntrinsicElements = { [T in AnpTagName]: AnpPreactElementProps<T> };

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends AnpIntrinsicElements {}
  }
}
