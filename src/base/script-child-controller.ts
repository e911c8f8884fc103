import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LIMITS } from '../core/normalize.js';

export interface ScriptChildControllerOptions {
  /** Text longer than this is measured, never read (default: the JSON cap of core/normalize). */
  maxLength?: number;
}

/**
 * The element's child `<script type="application/json">`, read on connect
 * and again whenever the children change (the parser may add the script
 * after the element upgraded).
 */
export class ScriptChildController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly maxLength: number;
  private observer?: MutationObserver;
  /** The script's JSON text, or its length when that is over the cap; `undefined` without such a child. */
  value?: string | number;

  constructor(host: ReactiveControllerHost & HTMLElement, { maxLength = LIMITS.maxJsonLength }: ScriptChildControllerOptions = {}) {
    this.host = host;
    this.maxLength = maxLength;
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    if (typeof MutationObserver !== 'function') return;
    this.observer ??= new MutationObserver(() => this.read());
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private read(): void {
    let text: string | number | undefined;
    for (const child of Array.from(this.host.children)) {
      if (child.localName === 'script' && (child.getAttribute('type') ?? '').trim().toLowerCase() === 'application/json') {
        // Measured before it is read: 50 MB of text would cost a copy of it just to be refused.
        const length = textLength(child);
        text = length > this.maxLength ? length : (child.textContent ?? '');
        break;
      }
    }
    if (text === this.value) return;
    this.value = text;
    this.host.requestUpdate();
  }
}

/** Characters of text below `node`, counted without reading the text. */
function textLength(node: Node): number {
  let length = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    length += child.nodeType === 3 ? (child as Text).length : child.nodeType === 1 ? textLength(child) : 0;
  }
  return length;
}
