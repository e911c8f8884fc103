import type { ReactiveElement } from 'lit';

/** Elements whose shadow root was there before their first render: a server rendered it (declarative shadow DOM). */
const fromServer = new WeakSet<Element>();

/** Called as the render root is made: remembers an element whose shadow root came with the page. */
export function noteServerMarkup(host: Element): void {
  if (host.shadowRoot) fromServer.add(host);
}

/**
 * True until the first render of server markup. That render hydrates it
 * (`@lit-labs/ssr-client`): it must run with the data the server rendered,
 * so an element waits for its data rather than render "nothing" first, and
 * renders it all at once (no rows task by task).
 */
export function isHydrating(host: ReactiveElement & Element): boolean {
  return !host.hasUpdated && fromServer.has(host);
}
