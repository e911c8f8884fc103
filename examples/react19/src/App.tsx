// Typed JSX for the anp tags: props, attributes and `onanp-error` handlers.
import type {} from 'anp-components/jsx-react';
import type { AnpErrorEvent } from 'anp-components';
import { useState } from 'react';
import seed from '../../../test/fixtures/seed-article.json';

function describeError(event: AnpErrorEvent): string {
  const { errors } = event.detail;
  return `anp-error: ${errors.length} error(s) at ${errors.map((error) => JSON.stringify(error.path)).join(', ')}: ${errors[0]?.message}`;
}

export function App() {
  const [progress, setProgress] = useState('nothing ticked yet');
  const [errorLog, setErrorLog] = useState<string>();

  return (
    <main>
      <h1>anp-components in React 19</h1>

      <anp-article article={seed}>
        <anp-meta-box heading-level={2}></anp-meta-box>
        <anp-score-bars></anp-score-bars>
        <anp-checklist
          onanp-checklist-change={(event) => setProgress(`${event.detail.done} of ${event.detail.total} done`)}
        ></anp-checklist>
        <anp-similar-posts></anp-similar-posts>
      </anp-article>
      <p id="checklist-log">{progress}</p>

      <h2>Bad input</h2>
      <anp-meta-box article="{not json" no-heading onanp-error={(event) => setErrorLog(describeError(event))}></anp-meta-box>
      {errorLog && <p id="error-log">{errorLog}</p>}

      {/* The typing is checked: headingLevel is a number, so this line must not compile. */}
      {/* @ts-expect-error string given for a number property */}
      <anp-score-bars headingLevel="three" hidden></anp-score-bars>
    </main>
  );
}
