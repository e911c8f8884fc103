import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../core/article.js';
import { articleContext, compositionContext, type Composition, type ShownPart } from '../core/article-context.js';
import { listen, parentAcrossShadow } from '../core/dom.js';

export interface ArticleContextControllerOptions {
  /** The part of the article the host shows on its own (the provider's meta box leaves it out), if any. */
  shows: () => ShownPart | undefined;
  /** Whether the host shows the provided article now (no input of its own wins). */
  showsProvided: () => boolean;
}

const NONE_SHOWN: ReadonlySet<ShownPart> = new Set();
/** Each host's controller, for `serveContext`. */
const controllers = new WeakMap<object, ArticleContextController>();

/**
 * On a server (src/ssr), where no context request is answered: gives `host`
 * the article of the `<anp-article>` rendered around it and what its other
 * elements show, as the provider does in a browser.
 */
export function serveContext(host: object, article: Article, shownBySiblings: ReadonlySet<ShownPart>): void {
  const controller = controllers.get(host);
  if (!controller) return;
  controller.article = article;
  if (!controller.options.shows()) controller.shownBySiblings = shownBySiblings;
}

/**
 * The host's side of `<anp-article>`: the article the nearest provider
 * around it gives, and what sibling elements show of it. The host tells the
 * provider which part it shows, as early as its input is known and after
 * each update. A provider defined or added after the host asked is heard of
 * (its `context-provider` event), and the host asks again.
 */
export class ArticleContextController implements ReactiveController {
  /** @internal */
  readonly host: ReactiveControllerHost & HTMLElement;
  /** @internal */
  readonly options: ArticleContextControllerOptions;
  /** The article of the nearest `<anp-article>` around the host, already normalized there. */
  article?: Article;
  private composition?: Composition;
  /** What the other elements inside the same provider show of its article. */
  shownBySiblings: ReadonlySet<ShownPart> = NONE_SHOWN;
  /** The provider waits for the sanitizer before it provides its article (see `Composition.pending`). */
  providerPending = false;
  /** The article's consumer, then (once a provider has answered) the composition's. */
  private readonly consumers: ReactiveController[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: ArticleContextControllerOptions) {
    this.host = host;
    this.options = options;
    controllers.set(host, this);
    // Added before the consumers, so that a request they make on connect is known to be waiting first.
    host.addController(this);
    const articleConsumer = new ContextConsumer(host, {
      context: articleContext,
      subscribe: true,
      callback: (article) => {
        // (The consumer itself asks the host to update.)
        if (article !== undefined) waitingForProvider.delete(this);
        this.article = article;
        // Only now is there a provider to hear from: an element outside any <anp-article>, as most are, sends one request, not two.
        if (this.consumers.length === 1) this.consumers.push(this.compositionConsumer());
        this.announce();
      },
    });
    this.consumers.push(articleConsumer);
  }

  /** What the provider's other elements show, and whether it waits (asks at once: the host is connected). */
  private compositionConsumer(): ReactiveController {
    const { host } = this;
    return new ContextConsumer(host, {
      context: compositionContext,
      subscribe: true,
      callback: (composition) => {
        if (!host.isConnected) return; // the provider answering this host's own leaving
        if (this.composition?.announce !== composition?.announce) this.composition?.announce(host, undefined);
        this.composition = composition;
        this.providerPending = composition?.pending === true;
        // Only an element that shows no part of its own (the meta box) reads it; the others would update for nothing.
        if (!this.options.shows()) this.shownBySiblings = composition?.shown ?? NONE_SHOWN;
        this.announce();
      },
    });
  }

  hostConnected(): void {
    listenForProviders(this.host.ownerDocument);
    // Answered synchronously, by the consumers' own hostConnected, when a provider is there.
    waitingForProvider.add(this);
  }

  hostDisconnected(): void {
    waitingForProvider.delete(this);
    // Cleared before the announcement: the provider answers it at once, and the consumers still listen until their own hostDisconnected.
    const composition = this.composition;
    this.composition = undefined;
    composition?.announce(this.host, undefined);
    this.shownBySiblings = NONE_SHOWN;
    this.providerPending = false;
    // Away from its provider the element has no article from it; a provider around its new place answers again on connect.
    this.article = undefined;
  }

  hostUpdated(): void {
    this.announce();
  }

  /** Asks for the article again, after a provider appeared around the host. @internal */
  requestAgain(): void {
    for (const consumer of this.consumers) {
      consumer.hostDisconnected?.();
      consumer.hostConnected?.();
    }
  }

  /** Tells the provider around which part of its article the host shows, if any. */
  private announce(): void {
    this.composition?.announce(this.host, this.options.showsProvided() ? this.options.shows() : undefined);
  }
}

/**
 * Hosts whose request found no `<anp-article>`, while they are on the page.
 * Unlike a ContextRoot this holds only connected elements, so a page that
 * never uses `<anp-article>` accumulates nothing.
 */
const waitingForProvider = new Set<ArticleContextController>();
const LISTENING_KEY = Symbol.for('anp-components.context-listener');

function listenForProviders(doc: Document): void {
  const holder = doc as Document & { [LISTENING_KEY]?: true };
  if (holder[LISTENING_KEY]) return;
  holder[LISTENING_KEY] = true;
  // Through dom.ts: on a document an element named `addEventListener` would stand in for the method.
  listen(doc, 'context-provider', (event) => {
    if ((event as Event & { context?: unknown }).context !== articleContext) return;
    const provider = event.composedPath()[0] as Node;
    for (const waiting of [...waitingForProvider]) if (isInside(waiting.host, provider)) waiting.requestAgain();
  });
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | null = node; current; current = parentAcrossShadow(current)) if (current === ancestor) return true;
  return false;
}
