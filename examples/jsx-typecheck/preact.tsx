/** @jsxImportSource preact */
// Type-checked only (npm run typecheck:jsx): the Preact typings against the real Preact types.
import type {} from 'anp-components/jsx-preact';
import type { AnpErrorEvent } from 'anp-components';

export function PreactExample({ article, onError }: { article: unknown; onError: (event: AnpErrorEvent) => void }) {
  return (
    <anp-article article={article}>
      <anp-meta-box heading-level={2} fields="topic,view_count" onanp-error={onError}></anp-meta-box>
      <anp-checklist onanp-checklist-change={(event) => console.log(event.detail.done)}></anp-checklist>
      {/* @ts-expect-error scores is an object of numbers */}
      <anp-score-bars scores="high"></anp-score-bars>
    </anp-article>
  );
}
