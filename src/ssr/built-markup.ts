import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { createElementIn } from '../core/dom.js';
import { buildOnServer } from '../internal/static-dom.js';

/**
 * The server's one place that turns DOM into HTML text: the rows, values,
 * bars and posts that `src/internal/static-dom.ts` builds with DOM calls (text
 * as text, attributes set one by one, rich values as the nodes DOMPurify left
 * in `core/sanitize.ts`) are built in the server's jsdom document, and their
 * serialization is the part's markup. Nothing else reaches `unsafeHTML`
 * here: the input is nodes our builders made, never a string from data.
 * Browsers never load this module (only `anp-components/ssr` does).
 */
export function useServerDocument(doc: Document | undefined): void {
  buildOnServer(
    doc && {
      doc,
      markup(nodes) {
        // A template's content is inert: the nodes are only serialized.
        const holder = createElementIn(doc, 'template');
        holder.content.append(...nodes);
        const markup = holder.innerHTML;
        return markup ? unsafeHTML(markup) : nothing;
      },
    },
  );
}
