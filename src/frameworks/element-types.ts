/**
 * The public inputs and events of every anp element, in one framework-neutral
 * map. The framework typings (`jsx-react.ts`, `jsx-preact.ts`, `jsx-solid.ts`,
 * `vue.ts`, `svelte.ts`) and the `./react` wrappers are all derived from it,
 * and it is derived from the element classes (`Pick<AnpMetaBox, ...>`), so a
 * renamed or retyped property breaks the typings' compilation instead of
 * drifting.
 */
import type { AnpArticle } from '../components/article/article.js';
import type { AnpChecklist } from '../components/checklist/checklist.js';
import type { AnpMetaBox } from '../components/meta-box/meta-box.js';
import type { AnpScoreBars } from '../components/score-bars/score-bars.js';
import type { AnpSimilarPosts } from '../components/similar-posts/similar-posts.js';
import type { AnpChecklistChangeEvent } from '../events/anp-checklist-change.js';
import type { AnpErrorEvent } from '../events/anp-error.js';

/** Where the data comes from: every element, the provider included. */
type DataProperty = 'article' | 'articleJson' | 'src';
/** How a rendering element shows it. */
type DisplayProperty = 'labels' | 'headingLevel' | 'noHeading';

/**
 * Attributes that have no property of the same name. (`article` and `src` are
 * both, so a framework that sets properties when the element has one gives
 * them to the property.)
 */
export interface AnpDisplayAttributes {
  /** The level of the element's heading, 1 to 6. Same as the `headingLevel` property. */
  'heading-level'?: number | `${number}`;
  /** Hides the element's own heading. Same as the `noHeading` property. */
  'no-heading'?: boolean;
}

/** The events every element fires. */
export interface AnpErrorEvents {
  'anp-error': AnpErrorEvent;
}

/** The events `<anp-checklist>` fires. */
export interface AnpChecklistEvents extends AnpErrorEvents {
  'anp-checklist-change': AnpChecklistChangeEvent;
}

/**
 * Per tag: the element class, its settable properties (all optional), its
 * kebab-case attributes without a property of that name, and its events.
 */
export interface AnpElementTypes {
  'anp-article': {
    element: AnpArticle;
    properties: Partial<Pick<AnpArticle, DataProperty>>;
    attributes: object;
    events: AnpErrorEvents;
  };
  'anp-meta-box': {
    element: AnpMetaBox;
    properties: Partial<Pick<AnpMetaBox, DataProperty | DisplayProperty | 'fields' | 'exclude'>>;
    attributes: AnpDisplayAttributes;
    events: AnpErrorEvents;
  };
  'anp-checklist': {
    element: AnpChecklist;
    properties: Partial<Pick<AnpChecklist, DataProperty | DisplayProperty | 'items'>>;
    attributes: AnpDisplayAttributes;
    events: AnpChecklistEvents;
  };
  'anp-score-bars': {
    element: AnpScoreBars;
    properties: Partial<Pick<AnpScoreBars, DataProperty | DisplayProperty | 'scores'>>;
    attributes: AnpDisplayAttributes;
    events: AnpErrorEvents;
  };
  'anp-similar-posts': {
    element: AnpSimilarPosts;
    properties: Partial<Pick<AnpSimilarPosts, DataProperty | DisplayProperty | 'posts'>>;
    attributes: AnpDisplayAttributes;
    events: AnpErrorEvents;
  };
}

export type AnpTagName = keyof AnpElementTypes;

/** Properties and attributes of one tag, as a framework that sets known properties sees them. */
export type AnpElementInputs<T extends AnpTagName> = AnpElementTypes[T]['properties'] & AnpElementTypes[T]['attributes'];

/**
 * Event handlers named `on` + the event name, exactly (`onanp-error`): how
 * React 19, Preact and Svelte 5 add a listener for a custom event.
 */
export type AnpOnEventHandlers<T extends AnpTagName> = {
  [N in keyof AnpElementTypes[T]['events'] as `on${N & string}`]?: (event: AnpElementTypes[T]['events'][N]) => void;
};

/** Event handlers named `onAnpError`, `onAnpChecklistChange`: how Vue's `@anp-error` and `./react` name them. */
export type AnpCamelEventHandlers<T extends AnpTagName> = {
  [N in keyof AnpElementTypes[T]['events'] as `on${CamelFromKebab<N & string>}`]?: (event: AnpElementTypes[T]['events'][N]) => void;
};

/** `anp-checklist-change` → `AnpChecklistChange`. */
export type CamelFromKebab<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${CamelFromKebab<Tail>}`
  : Capitalize<S>;
