// React 18 sets every prop of a custom element as an attribute and never
// listens for custom events, so it uses the @lit/react wrappers. Importing
// them registers the elements.
import { AnpArticle, AnpChecklist, AnpMetaBox, AnpScoreBars, AnpSimilarPosts, type AnpErrorEvent } from 'anp-components/react';
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
      <h1>anp-components in React 18</h1>

      <AnpArticle article={seed}>
        <AnpMetaBox headingLevel={2} />
        <AnpScoreBars />
        <AnpChecklist onAnpChecklistChange={(event) => setProgress(`${event.detail.done} of ${event.detail.total} done`)} />
        <AnpSimilarPosts />
      </AnpArticle>
      <p id="checklist-log">{progress}</p>

      <h2>Bad input</h2>
      <AnpMetaBox article="{not json" noHeading onAnpError={(event) => setErrorLog(describeError(event))} />
      {errorLog && <p id="error-log">{errorLog}</p>}

      {/* The wrappers are typed from the element classes: items is a string list. */}
      {/* @ts-expect-error a number given for a string[] property */}
      <AnpChecklist items={42} hidden />
    </main>
  );
}
