import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AnpInputError } from '../core/article.js';
import { resolveLocale, type LabelPack } from '../core/format.js';
import { parentAcrossShadow, shadowHostOf } from '../core/dom.js';
import { labelPack, labelPackFailure, labelPackPending, loadLabelPacks } from '../core/locales.js';

const NO_ERRORS: readonly AnpInputError[] = Object.freeze([]);

/**
 * The element's locale: its own `lang`, or the nearest `lang` around it
 * across shadow roots (default `en`). One MutationObserver watches `lang` in
 * every tree (document or shadow root) that holds a connected element or one
 * of its hosts, so a `lang` set or removed on any ancestor re-renders.
 * Also the built-in words of that language (core/locales.ts), which load on
 * first need.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  /** A BCP 47 tag the label packs and `Intl` know. */
  value = 'en';
  private failure?: { message: string; errors: readonly AnpInputError[] };

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    watchLang(this.host);
    this.refresh();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** The built-in words of the language: English for a language without a pack, until its pack is in, or when it could not load. */
  get pack(): LabelPack {
    return labelPack(this.value);
  }

  /** The load of the language's pack while it is not in yet (shared by the page), else undefined. */
  packLoad(): Promise<void> | undefined {
    return labelPackPending(this.value) ? loadLabelPacks() : undefined;
  }

  /** `locale-failed` when the language's pack could not load; the same array while nothing changes. */
  get errors(): readonly AnpInputError[] {
    const why = labelPackFailure(this.value);
    if (why === undefined) return NO_ERRORS;
    if (this.failure?.message !== why) {
      this.failure = { message: why, errors: [{ path: '', code: 'locale-failed', message: `labels shown in English: ${why}` }] };
    }
    return this.failure.errors;
  }

  /** Resolves the locale again from the nearest `lang` (the host calls it when its own `lang` changed). */
  refresh(): void {
    // (A server renders an element that is never connected, in the language of its own `lang`.)
    if (!this.host.isConnected && !isServer) return;
    const locale = findLocale(this.host);
    if (locale === this.value) return;
    this.value = locale;
    this.host.requestUpdate();
  }
}

const connected = new Set<LocaleController>();
const watchedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function watchLang(element: Element): void {
  if (typeof MutationObserver !== 'function') return;
  observer ??= new MutationObserver(() => connected.forEach((controller) => controller.refresh()));
  // `document.host` may be a named element: only a shadow root's host counts (else this loops forever).
  for (let root: Node | undefined = element.getRootNode(); root; root = shadowHostOf(root)?.getRootNode()) {
    if (watchedRoots.has(root)) continue;
    watchedRoots.add(root);
    observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

/** The nearest `lang` around `element`, its own first, across shadow roots. */
function findLocale(element: Element): string {
  if (element.hasAttribute('lang')) return resolveLocale(element.getAttribute('lang'));
  for (let node = parentAcrossShadow(element); node; node = parentAcrossShadow(node)) {
    if (node.nodeType === 1 && (node as Element).hasAttribute('lang')) return resolveLocale((node as Element).getAttribute('lang'));
  }
  return 'en';
}
