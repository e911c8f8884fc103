// Registers every element before React renders, so that React 19 finds the
// elements' properties (`article`, `items`, ...) and sets them as properties.
import 'anp-components/define.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
