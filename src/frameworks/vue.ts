/**
 * Vue 3 typings: every anp tag in Vue's `GlobalComponents`, so `vue-tsc` and
 * Volar check the props given to it (`:article`, `:items`, `heading-level`,
 * ...) and type the `@anp-error` / `@anp-checklist-change` handlers. Opt in
 * once, e.g. in `src/env.d.ts`:
 *
 * ```ts
 * import type {} from 'anp-components/vue';
 * ```
 *
 * Vue must also be told the tags are custom elements (a compile-time option
 * of `@vitejs/plugin-vue`): `template.compilerOptions.isCustomElement:
 * (tag) => tag.startsWith('anp-')`. Vue then sets each prop as a property
 * when the element has one (`article`, `items`, ...) and as an attribute
 * otherwise.
 *
 * Types only: this module has no runtime code and registers nothing.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { AnpCamelEventHandlers, AnpElementInputs, AnpElementTypes, AnpTagName } from './element-types.js';

/**
 * The type Vue's template checker sees for one anp tag: a constructor whose
 * instances are the element, plus `$props` (what the template may pass) and
 * `$emit` (the events it may listen to). Both exist for the checker only.
 */
export type AnpVueComponent<T extends AnpTagName> = new () => AnpElementTypes[T]['element'] & {
  /** @deprecated For template type checking only: not a property of the element. */
  $props: HTMLAttributes & AnpElementInputs<T> & AnpCamelEventHandlers<T> & PublicProps;
  /** @deprecated For template type checking only: not a method of the element. */
  $emit: EmitFn<{ [N in keyof AnpElementTypes[T]['events']]: (event: AnpElementTypes[T]['events'][N]) => void }>;
};

type AnpGlobalComponents = { [T in AnpTagName]: AnpVueComponent<T> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends AnpGlobalComponents {}
}
