/** @jsxImportSource solid-js */
// Type-checked only (npm run typecheck:jsx): the Solid typings against the real Solid types.
import type {} from 'anp-components/jsx-solid';
import type { AnpErrorEvent } from 'anp-components';

export function SolidExample(props: { article: unknown; onError: (event: AnpErrorEvent) => void }) {
  return (
    <anp-article article={props.article}>
      <anp-meta-box headingLevel={2} exclude="hash" on:anp-error={props.onError}></anp-meta-box>
      <anp-checklist on:anp-checklist-change={(event) => console.log(event.detail.total)}></anp-checklist>
      {/* @ts-expect-error posts is a list */}
      <anp-similar-posts posts="none"></anp-similar-posts>
    </anp-article>
  );
}
