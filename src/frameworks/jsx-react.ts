/**
 * JSX typings for React 19, which sets a custom element's props as
 * properties when the element has one (so `article={object}` works), as
 * attributes otherwise, and adds a listener for `on` + the exact event name
 * (`onanp-error`). Opt in once, e.g. in `src/vite-env.d.ts` or any module:
 *
 * ```ts
 * import type {} from 'anp-components/jsx-react';
 * ```
 *
 * React 18 sets every prop as an attribute and never listens for custom
 * events: use the `anp-components/react` wrappers there.
 *
 * Types only: this module has no runtime code and registers nothing.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AnpElementInputs, AnpElementTypes, AnpOnEventHandlers, AnpTagName } from './element-types.js';

/** The props of one anp element in React 19 JSX: HTML attributes, the element's inputs and its `on<event>` handlers. */
export type AnpReactElementProps<T extends AnpTagName> = DetailedHTMLProps<
  HTMLAttributes<AnpElementTypes[T]['element']>,
  AnpElementTypes[T]['element']
> &
  AnpElementInputs<T> &
  AnpOnEventHandlers<T>;

type AnpIntrinsicElements = { [T in AnpTagName]: AnpReactElementProps<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends AnpIntrinsicElements {}
  }
}
