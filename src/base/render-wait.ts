import type { PropertyValues, ReactiveElement } from 'lit';

export interface RenderWaitOptions {
  /**
   * What the next render needs that is still loading (the sanitizer, a label
   * pack), each a load shared by the page; empty when everything is in.
   */
  loads: () => Promise<unknown>[];
  /** Told when the host starts and stops waiting. */
  waitChanged: (waiting: boolean) => void;
}

/**
 * Holds an update back while something its render needs is loading: the
 * host skips that update (`holds`, from `shouldUpdate`), and once the loads
 * are in, the same changes are requested again. So nothing is shown first
 * one way and then swapped (markup as text, English words), and the wait is
 * part of the host's `updateComplete` (`wait`). Once everything is in, this
 * costs nothing.
 */
export class RenderWait {
  private readonly host: ReactiveElement;
  private readonly options: RenderWaitOptions;
  /** The loads the host waits for, while it waits. */
  wait?: Promise<void>;

  constructor(host: ReactiveElement, options: RenderWaitOptions) {
    this.host = host;
    this.options = options;
  }

  /** True when the update with `changed` must wait; its changes are replayed once the loads are in. */
  holds(changed: PropertyValues): boolean {
    const loads = this.options.loads();
    if (!loads.length) return false;
    const replay = new Map(changed as Map<PropertyKey, unknown>);
    const wait: Promise<void> = Promise.all(loads).then(() => {
      // A later wait (other changes, or another load) ends on its own.
      if (this.wait === wait) {
        this.wait = undefined;
        this.options.waitChanged(false);
      }
      for (const [name, old] of replay) this.host.requestUpdate(name, old);
      this.host.requestUpdate();
    });
    this.wait = wait;
    this.options.waitChanged(true);
    return true;
  }
}
