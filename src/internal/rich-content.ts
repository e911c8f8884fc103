import { noChange, render, type ChildPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { RichText } from '../core/article.js';
import { pageCreationScope } from '../core/dom.js';
import { cleanedFragment } from '../core/sanitize.js';

/**
 * Renders a rich value. On a server (`render`) its HTML goes through
 * `unsafeHTML`; in the browser (`update`) the nodes DOMPurify left are copied
 * in directly, so the sanitized HTML is not parsed a second time (and Lit
 * makes no template of its own for every distinct string).
 */
class RichHtmlDirective extends Directive {
  private shown?: RichText;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('richContent() belongs in child position');
  }

  render(rich: RichText): unknown {
    return rich.kind === 'html' ? unsafeHTML(rich.html) : rich.text;
  }

  override update(part: ChildPart, [rich]: [RichText]): unknown {
    if (rich === this.shown) return noChange;
    this.shown = rich;
    if (rich.kind !== 'html') return rich.text;
    const doc = part.parentNode.ownerDocument;
    return (doc && cleanedFragment(rich, doc)) ?? this.render(rich);
  }
}

const richHtml = directive(RichHtmlDirective);

/**
 * What an element binds for a rich value: text stays text; HTML is what
 * `core/sanitize.ts` produced (a `SanitizedHtml`, which nothing else can
 * make). The only place `unsafeHTML` is fed. It lives here, not in core, so
 * that core stays free of Lit: importing `core/*` pulls in no rendering code.
 */
export function richContent(rich: RichText): unknown {
  return rich.kind === 'html' ? richHtml(rich) : rich.text;
}

/**
 * A rich value appended to DOM built by `src/internal/static-dom.ts`: text
 * as a text node, HTML as a fresh copy of the nodes DOMPurify left (nothing
 * is parsed, and no Lit part is made per value). A value this page did not
 * sanitize (one rendered on a server) goes through `richContent` as above.
 */
export function appendRich(parent: HTMLElement, rich: RichText): void {
  // (Text through `append`, not `new Text`: a server's DOM has no global Text.)
  if (rich.kind !== 'html') return parent.append(rich.text);
  const nodes = cleanedFragment(rich, parent.ownerDocument);
  if (nodes) parent.appendChild(nodes);
  else render(richContent(rich), parent, pageCreationScope && { creationScope: pageCreationScope });
}
