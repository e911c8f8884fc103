/**
 * The CSS text of the three elements whose styles the library declares inline
 * (in the class, not in a module of their own), copied verbatim from
 * src/components/{checklist,score-bars,similar-posts}/*.ts so that the vanilla
 * variants get the same rules without importing Lit element classes. The
 * check script compares these texts with the library elements’ own
 * `elementStyles`; the shared sheets (host, meta box, score meter) are read
 * from dist/ directly in vanilla.js.
 */

export const checklistStyles = `
      [part~='list'] {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.25rem;
      }
      [part~='item'] {
        display: block;
      }
      label {
        display: flex;
        align-items: baseline;
        gap: 0.6em;
        padding: 0.3rem 0.4rem;
        border-radius: calc(var(--_radius) * 0.6);
        cursor: pointer;
        transition: background-color 0.15s ease-out;
      }
      label:hover {
        background: var(--_surface);
      }
      input {
        inline-size: 1.05em;
        block-size: 1.05em;
        margin: 0;
        flex: none;
        accent-color: var(--_accent);
        translate: 0 0.15em;
      }
      [part~='item-checked'] [part~='label'] {
        color: var(--_muted);
        text-decoration: line-through;
      }
      [part~='progress'] {
        margin: calc(var(--_space) * 0.5) 0 0;
        color: var(--_muted);
        font-size: 0.875em;
      }
      [part~='more'] {
        padding-inline-start: 0.4rem;
      }
    `;

export const scoreBarsStyles = `
      [part~='list'] {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        /* Names take what they need up to half the width, then wrap: bars never leave a narrow screen. */
        grid-template-columns: fit-content(50%) minmax(0, 1fr);
        gap: calc(var(--_space) * 0.6) var(--_space);
      }
      /* Rows share the list's columns, so every bar starts where the others do. */
      [part~='bar'] {
        display: grid;
        grid-column: 1 / -1;
        grid-template-columns: subgrid;
        align-items: center;
      }
      [part~='more'] {
        grid-column: 1 / -1;
      }
      [part~='label'] {
        overflow-wrap: anywhere;
      }
      [part~='label']::first-letter {
        text-transform: uppercase;
      }
    `;

export const similarPostsStyles = `
      [part~='list'] {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_space) * 0.75);
      }
      [part~='item'] {
        display: grid;
        gap: 0.1rem;
      }
      [part~='link'],
      [part~='title'] {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      [part~='details'] {
        color: var(--_muted);
        font-size: 0.875em;
      }
      [part~='empty'] {
        margin: 0;
        padding: var(--_space);
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        color: var(--_muted);
        text-align: center;
      }
    `;
