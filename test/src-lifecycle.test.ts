import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { AnpMetaBox } from '../src/index.js';
import { attach, ddFor, nextError, textOf, tick } from './helpers.js';

/** A fetch whose responses the test releases by hand, recording every request's signal. */
function controlledFetch() {
  const calls: { url: string; signal: AbortSignal; respond: (body: string, status?: number) => void }[] = [];
  const original = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init!.signal!;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({ url: String(input), signal, respond: (body, status = 200) => resolve(new Response(body, { status })) });
    })) as typeof fetch;
  return { calls, restore: () => (window.fetch = original) };
}

const topic = (name: string) => JSON.stringify({ meta: { topic: name } });

/**
 * `fixture()` awaits updateComplete, which waits for a pending fetch; these
 * tests hold fetches open, so they attach elements themselves (the markup is
 * parsed before its host is on the page; `attach` removes it after the test).
 */
async function mount(markup: string): Promise<AnpMetaBox> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  attach(host);
  await tick();
  return host.firstElementChild as AnpMetaBox;
}

describe('src fetching', () => {
  let control: ReturnType<typeof controlledFetch>;
  beforeEach(() => (control = controlledFetch()));
  afterEach(() => control.restore());

  it('a late response for an old src never overwrites the newer one', async () => {
    const el = await mount('<anp-meta-box src="/a.json"></anp-meta-box>');
    el.src = '/b.json';
    await tick();
    expect(control.calls.map((c) => new URL(c.url).pathname)).to.deep.equal(['/a.json', '/b.json']);
    expect(control.calls[0].signal.aborted, 'old fetch aborted').to.equal(true);
    control.calls[1].respond(topic('newer'));
    await el.updateComplete;
    control.calls[0].respond(topic('older, late'));
    await tick();
    await el.updateComplete;
    expect(textOf(ddFor(el, 'topic'))).to.equal('newer');
  });

  it('data set by property while a fetch is pending wins over the response', async () => {
    const el = await mount('<anp-meta-box src="/slow.json"></anp-meta-box>');
    el.article = { meta: { topic: 'from property' } };
    await tick();
    expect(textOf(ddFor(el, 'topic'))).to.equal('from property');
    control.calls[0].respond(topic('from src'));
    await tick();
    await el.updateComplete;
    expect(textOf(ddFor(el, 'topic'))).to.equal('from property');
  });

  it('the fetch is aborted when the element leaves the page, and made again when it returns', async () => {
    const el = await mount('<anp-meta-box src="/a.json"></anp-meta-box>');
    const parent = el.parentElement!;
    el.remove();
    expect(control.calls[0].signal.aborted).to.equal(true);
    parent.append(el);
    await tick();
    expect(control.calls).to.have.length(2);
    control.calls[1].respond(topic('after return'));
    await el.updateComplete;
    expect(textOf(ddFor(el, 'topic'))).to.equal('after return');
  });

  it('removing src aborts the fetch and falls back to the next input', async () => {
    const el = await mount(`<anp-meta-box src="/a.json"><script type="application/json">${topic('from script')}</script></anp-meta-box>`);
    el.removeAttribute('src');
    await el.updateComplete;
    expect(control.calls[0].signal.aborted).to.equal(true);
    expect(textOf(ddFor(el, 'topic'))).to.equal('from script');
  });

  it('setting the same src again after removing it fetches again', async () => {
    const el = await mount('<anp-meta-box src="/a.json"></anp-meta-box>');
    control.calls[0].respond(topic('first'));
    await el.updateComplete;
    el.removeAttribute('src');
    await el.updateComplete;
    expect(textOf(el.shadowRoot)).to.equal('');
    el.setAttribute('src', '/a.json');
    await tick();
    expect(control.calls).to.have.length(2);
    control.calls[1].respond(topic('second'));
    await el.updateComplete;
    expect(textOf(ddFor(el, 'topic'))).to.equal('second');
  });

  it('updateComplete waits for a pending fetch', async () => {
    const el = await mount('<anp-meta-box src="/a.json"></anp-meta-box>');
    let settled = false;
    const done = el.updateComplete.then(() => (settled = true));
    await tick();
    expect(settled).to.equal(false);
    control.calls[0].respond(topic('loaded'));
    await done;
    expect(textOf(ddFor(el, 'topic'))).to.equal('loaded');
  });

  for (const [name, body, status, pattern] of [
    ['500', '{}', 500, /HTTP 500/],
    ['an HTML body', '<!doctype html><title>oops</title>', 200, /src: invalid JSON/],
    ['truncated JSON', '{"meta": {"topic": "cut', 200, /src: invalid JSON/],
  ] as const) {
    it(`a response of ${name} gives anp-error and renders nothing broken`, async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.src = '/broken.json';
      document.body.append(el);
      await tick();
      control.calls[0].respond(body, status);
      const event = await error;
      expect(event.detail.errors[0].message).to.match(pattern);
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.source).to.equal('src');
      // Nothing valid: the empty state (SPEC section 2), nothing else.
      expect(textOf(el.shadowRoot)).to.equal('article details Nothing to show.');
      expect(el.shadowRoot!.querySelectorAll('[part~="empty"]')).to.have.length(1);
      el.remove();
    });
  }

  it('a network failure gives anp-error', async () => {
    control.restore();
    const original = window.fetch;
    window.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    try {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.src = '/unreachable.json';
      document.body.append(el);
      expect((await error).detail.errors[0].message).to.match(/src: fetch failed: Failed to fetch/);
      el.remove();
    } finally {
      window.fetch = original;
    }
  });
});
