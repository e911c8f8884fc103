import { expect } from '@open-wc/testing';
import '../src/define.js';
import { setSrcTimeLimitForTests } from '../src/base/read-body.js';
import { LIMITS } from '../src/core/normalize.js';
import type { AnpMetaBox } from '../src/index.js';
import { attach, collectErrors, ddFor, nextError, textOf, tick } from './helpers.js';

/** A fetch whose responses the test releases by hand, recording every request's signal. */
function controlledFetch() {
  const calls: {
    url: string;
    signal: AbortSignal;
    respond: (body: string, status?: number) => void;
    answer: (response: Response) => void;
  }[] = [];
  const original = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init!.signal!;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({ url: String(input), signal, respond: (body, status = 200) => resolve(new Response(body, { status })), answer: resolve });
    })) as typeof fetch;
  return { calls, restore: () => (window.fetch = original) };
}

const CHUNK = 64 * 1024;
/** Past this a never-ending body stalls instead, so that a build without the byte cap cannot eat the test browser's memory. */
const GUARD = 10 * LIMITS.maxSrcBytes;

/**
 * A body of `total` bytes (JSON whitespace) in CHUNK-byte pieces, made only
 * when read (high-water mark 0), counting what it gave and whether it was
 * cancelled. `stallAfter` bytes given, it stops answering without closing.
 */
function countingBody(total: number, stallAfter = GUARD) {
  const seen = { pulls: 0, bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.bytes >= total) return controller.close();
        if (seen.bytes >= stallAfter) return new Promise<void>(() => {});
        seen.pulls++;
        const size = Math.min(CHUNK, total - seen.bytes);
        seen.bytes += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

/** Whether `promise` settles within `ms`. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), tick(ms).then(() => false)]);
}

/** A meta box fetching `src`, on the page, with every anp-error it sends collected. */
async function fetching(src: string) {
  const el = document.createElement('anp-meta-box');
  const errors = collectErrors(el);
  el.src = src;
  attach(el);
  await tick();
  return { el, errors };
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

  describe('caps on the body', () => {
    const tooLarge = `src: body too large: more than ${LIMITS.maxSrcBytes} bytes; not read further`;
    const EMPTY = 'article details Nothing to show.';
    /** At most the cap and the chunk that went past it. */
    const MAX_PULLS = Math.ceil((LIMITS.maxSrcBytes + 1) / CHUNK);

    afterEach(() => setSrcTimeLimitForTests());

    it('a 63 MB body is read only to the byte cap, then cancelled, with one anp-error', async () => {
      const { el, errors } = await fetching('/huge.json');
      const body = countingBody(63_000_000);
      control.calls[0].answer(new Response(body.stream));
      const settled = await settlesWithin(el.updateComplete, 4000);
      await tick();
      expect(body.seen.pulls, 'chunks pulled').to.be.at.most(MAX_PULLS);
      expect(body.seen.bytes, 'bytes pulled').to.be.at.most(LIMITS.maxSrcBytes + CHUNK);
      expect(body.seen.cancelled, 'stream cancelled').to.equal(true);
      expect(settled, 'updateComplete resolves').to.equal(true);
      expect(control.calls[0].signal.aborted, 'request aborted').to.equal(true);
      expect(errors.map((e) => e.detail.errors.map((x) => x.message))).to.deep.equal([[tooLarge]]);
      expect(errors[0].detail.source).to.equal('src');
      expect(textOf(el.shadowRoot)).to.equal(EMPTY);
    });

    it('a body that never ends stops at the byte cap', async () => {
      const { el, errors } = await fetching('/endless.json');
      const body = countingBody(Infinity);
      control.calls[0].answer(new Response(body.stream));
      const error = nextError(el);
      expect((await error).detail.errors[0].message).to.equal(tooLarge);
      expect(await settlesWithin(el.updateComplete, 4000), 'updateComplete resolves').to.equal(true);
      await tick();
      expect(body.seen.cancelled, 'stream cancelled').to.equal(true);
      expect(body.seen.bytes, 'bytes pulled').to.be.at.most(LIMITS.maxSrcBytes + CHUNK);
      expect(errors).to.have.length(1);
      expect(textOf(el.shadowRoot)).to.equal(EMPTY);
    });

    it('a Content-Length over the cap reads nothing', async () => {
      const { el, errors } = await fetching('/announced.json');
      const body = countingBody(LIMITS.maxSrcBytes + 1);
      control.calls[0].answer(new Response(body.stream, { headers: { 'Content-Length': String(LIMITS.maxSrcBytes + 1) } }));
      await el.updateComplete;
      await tick();
      expect(body.seen.pulls, 'chunks pulled').to.equal(0);
      expect(body.seen.cancelled, 'stream cancelled').to.equal(true);
      expect(errors.map((e) => e.detail.errors.map((x) => x.message))).to.deep.equal([[tooLarge]]);
      expect(textOf(el.shadowRoot)).to.equal(EMPTY);
    });

    it('a body of exactly the cap is read (and then capped by characters, before parsing)', async () => {
      const { el, errors } = await fetching('/at-cap.json');
      const body = countingBody(LIMITS.maxSrcBytes);
      control.calls[0].answer(new Response(body.stream));
      await el.updateComplete;
      await tick();
      expect(body.seen.bytes).to.equal(LIMITS.maxSrcBytes);
      expect(errors).to.have.length(1);
      expect(errors[0].detail.errors[0].message).to.match(/^src: JSON too large \(3000000 characters/);
    });

    for (const [name, answer] of [
      ['a body that stalls', true],
      ['a request that is never answered', false],
    ] as const) {
      it(`${name} ends with the time-limit error, and updateComplete resolves`, async () => {
        setSrcTimeLimitForTests(200);
        const started = performance.now();
        const { el, errors } = await fetching('/stalled.json');
        const body = countingBody(Infinity, 0);
        if (answer) control.calls[0].answer(new Response(body.stream));
        expect(await settlesWithin(el.updateComplete, 3000), 'updateComplete resolves').to.equal(true);
        const elapsed = performance.now() - started;
        await tick();
        expect(elapsed, 'ms to the error').to.be.within(190, 2000);
        expect(errors.map((e) => e.detail.errors.map((x) => x.message))).to.deep.equal([
          ['src: no answer within 0.2 s; the request was stopped'],
        ]);
        expect(control.calls[0].signal.aborted, 'request aborted').to.equal(true);
        if (answer) expect(body.seen.cancelled, 'stream cancelled').to.equal(true);
        expect(textOf(el.shadowRoot)).to.equal(EMPTY);
      });
    }

    it('the time limit covers the whole request: a body trickling past it is stopped', async () => {
      setSrcTimeLimitForTests(300);
      const { el, errors } = await fetching('/trickle.json');
      let sent = 0;
      let cancelled = false;
      const stream = new ReadableStream<Uint8Array>(
        {
          pull: async (controller) => {
            await tick(50);
            if (++sent > 200) return controller.close();
            controller.enqueue(new Uint8Array([0x20]));
          },
          cancel: () => void (cancelled = true),
        },
        { highWaterMark: 0 },
      );
      control.calls[0].answer(new Response(stream));
      expect(await settlesWithin(el.updateComplete, 3000), 'updateComplete resolves').to.equal(true);
      await tick();
      expect(cancelled, 'stream cancelled').to.equal(true);
      expect(sent, 'chunks sent').to.be.below(40);
      expect(errors).to.have.length(1);
      expect(errors[0].detail.errors[0].message).to.match(/^src: no answer within 0.3 s/);
    });

    it('removing the element mid-stream cancels the read and reports nothing', async () => {
      const { el, errors } = await fetching('/removed.json');
      const body = countingBody(Infinity, CHUNK);
      control.calls[0].answer(new Response(body.stream));
      const complete = el.updateComplete;
      await tick(20);
      expect(body.seen.pulls, 'reading began').to.equal(1);
      el.remove();
      expect(await settlesWithin(complete, 2000), 'the earlier updateComplete resolves').to.equal(true);
      expect(await settlesWithin(el.updateComplete, 2000), 'updateComplete resolves').to.equal(true);
      await tick();
      expect(body.seen.cancelled, 'stream cancelled').to.equal(true);
      expect(control.calls[0].signal.aborted, 'request aborted').to.equal(true);
      expect(errors).to.have.length(0);
    });

    it('changing src mid-stream cancels the old read and shows the new one, with no anp-error', async () => {
      const { el, errors } = await fetching('/old.json');
      const body = countingBody(Infinity, CHUNK);
      control.calls[0].answer(new Response(body.stream));
      const complete = el.updateComplete;
      await tick(20);
      el.src = '/new.json';
      await tick();
      expect(body.seen.cancelled, 'old stream cancelled').to.equal(true);
      control.calls[1].respond(topic('new'));
      expect(await settlesWithin(complete, 2000), 'the earlier updateComplete resolves').to.equal(true);
      await el.updateComplete;
      expect(textOf(ddFor(el, 'topic'))).to.equal('new');
      expect(errors).to.have.length(0);
    });

    /** A response that offers no body stream, as some fetch polyfills give: read with `text()`. */
    const withoutStream = (response: Response) => Object.defineProperty(response, 'body', { value: null });

    it('a response without a body stream is read with text()', async () => {
      const { el, errors } = await fetching('/no-stream.json');
      control.calls[0].answer(withoutStream(new Response(topic('read whole'))));
      await el.updateComplete;
      expect(textOf(ddFor(el, 'topic'))).to.equal('read whole');
      expect(errors).to.have.length(0);
    });

    it('a response without a body stream is still held to the byte cap', async () => {
      const { el, errors } = await fetching('/no-stream-huge.json');
      control.calls[0].answer(withoutStream(new Response(' '.repeat(LIMITS.maxSrcBytes + 1))));
      await el.updateComplete;
      await tick();
      expect(errors.map((e) => e.detail.errors.map((x) => x.message))).to.deep.equal([[tooLarge]]);
      expect(textOf(el.shadowRoot)).to.equal(EMPTY);
    });

    it('a body split inside a UTF-8 character decodes whole', async () => {
      const { el } = await fetching('/split.json');
      const bytes = new TextEncoder().encode(topic('Zürich – 東京'));
      const at = bytes.indexOf(0xc3) + 1; // inside "ü"
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, at));
          controller.enqueue(bytes.slice(at));
          controller.close();
        },
      });
      control.calls[0].answer(new Response(stream));
      await el.updateComplete;
      expect(textOf(ddFor(el, 'topic'))).to.equal('Zürich – 東京');
    });
  });
});
