import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { RichText } from '../core/article.js';

/**
 * What an element binds for a rich value: text stays text; HTML is the string
 * `core/sanitize.ts` produced (a `SanitizedHtml`, which nothing else can
 * make). The only place `unsafeHTML` is fed. It lives here, not in core, so
 * that core stays free of Lit: importing `core/*` pulls in no rendering code.
 */
export function richContent(rich: RichText): unknown {
  return rich.kind === 'html' ? unsafeHTML(rich.html) : rich.text;
}
