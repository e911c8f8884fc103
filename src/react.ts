/**
 * React components for every anp element, made with `@lit/react`, for React
 * 18 (which sets every JSX prop on a custom element as an attribute and never
 * listens for custom events). React 19 can use the elements directly: see
 * `anp-components/jsx-react`.
 *
 * ```tsx
 * import { AnpMetaBox } from 'anp-components/react';
 * <AnpMetaBox article={article} onAnpError={(event) => console.warn(event.detail.errors)} />
 * ```
 *
 * Importing this module registers every element (as `anp-components/define.js`
 * does). Needs the optional peer dependencies `react` and `@lit/react`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AnpArticle as AnpArticleElement } from './components/article/anp-article.js';
import { AnpMetaBox as AnpMetaBoxElement } from './components/meta-box/anp-meta-box.js';
import { AnpChecklist as AnpChecklistElement } from './components/checklist/anp-checklist.js';
import { AnpScoreBars as AnpScoreBarsElement } from './components/score-bars/anp-score-bars.js';
import { AnpSimilarPosts as AnpSimilarPostsElement } from './components/similar-posts/anp-similar-posts.js';
import { AnpChecklistChangeEvent } from './events/anp-checklist-change.js';
import { AnpErrorEvent } from './events/anp-error.js';

/** `onAnpError` → `anp-error`, typed with the event's class. */
const errorEvents = {
  onAnpError: AnpErrorEvent.eventName as EventName<AnpErrorEvent>,
};

/** `<anp-article>`: provides one article to every anp element inside it. */
export const AnpArticle = createComponent({
  react: React,
  tagName: 'anp-article',
  elementClass: AnpArticleElement,
  events: errorEvents,
  displayName: 'AnpArticle',
});

/** `<anp-meta-box>`: every meta field and the outline. */
export const AnpMetaBox = createComponent({
  react: React,
  tagName: 'anp-meta-box',
  elementClass: AnpMetaBoxElement,
  events: errorEvents,
  displayName: 'AnpMetaBox',
});

/** `<anp-checklist>`: the checklist as checkboxes; `onAnpChecklistChange` when a reader ticks one. */
export const AnpChecklist = createComponent({
  react: React,
  tagName: 'anp-checklist',
  elementClass: AnpChecklistElement,
  events: {
    ...errorEvents,
    onAnpChecklistChange: AnpChecklistChangeEvent.eventName as EventName<AnpChecklistChangeEvent>,
  },
  displayName: 'AnpChecklist',
});

/** `<anp-score-bars>`: the scores as meters. */
export const AnpScoreBars = createComponent({
  react: React,
  tagName: 'anp-score-bars',
  elementClass: AnpScoreBarsElement,
  events: errorEvents,
  displayName: 'AnpScoreBars',
});

/** `<anp-similar-posts>`: the similar posts as links. */
export const AnpSimilarPosts = createComponent({
  react: React,
  tagName: 'anp-similar-posts',
  elementClass: AnpSimilarPostsElement,
  events: errorEvents,
  displayName: 'AnpSimilarPosts',
});

export type { AnpErrorEvent, AnpErrorDetail } from './events/anp-error.js';
export type { AnpChecklistChangeEvent, AnpChecklistChangeDetail } from './events/anp-checklist-change.js';
