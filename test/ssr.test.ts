/**
 * Server rendering in the browser (docs/ssr.md), per element and for a whole
 * <anp-article>, in three modes:
 *   - server only, JavaScript off: the page of scripts/ssr-pages.mjs (made in
 *     Node by dist/ssr/ when asked for) in an <iframe sandbox="allow-same-origin">,
 *     which runs no script: every seed value visible, and structured;
 *   - client only: the bare tags with their JSON child, rendered by a build;
 *   - server then hydrated: the server page, then the classic script or the
 *     ES (CDN) module: no console warning or error, no mutation in the shadow
 *     roots or on the hosts, the same markup, no fetch of the article, and the
 *     checklist ticks.
 * The client-only and server markup must be the same (Lit's comments and the
 * server's <style> aside), hostile input included.
 */
import { expect } from '@open-wc/testing';
import { seedValues } from './shared/seed-values.mjs';
import { seedArticle, until } from './helpers.js';

const ELEMENTS = ['meta-box', 'score-bars', 'checklist', 'similar-posts'] as const;
type Page = (typeof ELEMENTS)[number] | 'article';
const BUILDS = { classic: '/dist/anp-components.iife.js', module: '/dist/anp-components.js' } as const;

type FrameWindow = Window & typeof globalThis;

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/** Loads `/ssr-pages/<fixture>/<page>.html` in an iframe (with `sandbox` when given); resolves once it has loaded. */
async function openPage(
  fixture: string,
  page: Page,
  render: 'server' | 'client' | 'stale',
  sandbox?: string,
  query = '',
): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.style.cssText = 'width: 800px; height: 3000px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/ssr-pages/${fixture}/${page}.html?render=${render}${query}`;
  frames.push(frame);
  document.body.append(frame);
  await loaded;
  return frame;
}

/** The anp elements of a frame's page, in document order. */
function hostsIn(frame: HTMLIFrameElement): HTMLElement[] {
  return [...frame.contentDocument!.querySelectorAll<HTMLElement>('*')].filter((el) => el.localName.startsWith('anp-'));
}

/** Whether `el` is rendered (has boxes, is not hidden). */
function rendered(el: Element): boolean {
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  return el.getClientRects().length > 0 && style.visibility !== 'hidden';
}

/**
 * The text a reader sees below `node`, through shadow roots and slots; a
 * meter's fallback text (its number is shown beside it) and unslotted light
 * DOM (the JSON script) left out.
 */
function readerText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node): void => {
    if (current.nodeType === Node.TEXT_NODE) {
      const parent = current.parentElement;
      if (parent && rendered(parent)) parts.push((current as Text).data);
      return;
    }
    if (current.nodeType !== Node.ELEMENT_NODE && current.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const el = current as Element;
    if (el.localName === 'meter' || el.localName === 'script' || el.localName === 'style') return;
    if (el.localName === 'slot') {
      const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...el.childNodes]).forEach(walk);
    } else (el.shadowRoot ? [...el.shadowRoot.childNodes] : [...current.childNodes]).forEach(walk);
    parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ');
}

/**
 * A shadow root's markup as two renders must share it: without Lit's
 * comments and the server's `<style>`, attributes in name order, links as the
 * URL they lead to (a server keeps relative links relative).
 */
function markupOf(host: Element): string {
  const write = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const el = node as HTMLAnchorElement;
    if (el.localName === 'style') return '';
    const attributes = [...el.attributes]
      .map(({ name, value }) => `${name}="${name === 'href' ? el.href : value}"`)
      .sort()
      .join(' ');
    return `<${el.localName} ${attributes}>${[...el.childNodes].map(write).join('')}</${el.localName}>`;
  };
  return [...host.shadowRoot!.childNodes].map(write).join('');
}

/** Adds a build's script to the frame's page and waits until every element there has rendered. */
async function loadBuild(frame: HTMLIFrameElement, build: keyof typeof BUILDS): Promise<void> {
  const doc = frame.contentDocument!;
  const win = frame.contentWindow as FrameWindow;
  const script = doc.createElement('script');
  if (build === 'module') script.type = 'module';
  script.src = BUILDS[build];
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', () => reject(new Error(`${BUILDS[build]} did not load (run npm run build)`)), { once: true });
  });
  doc.head.append(script);
  await loaded;
  for (const host of hostsIn(frame)) {
    await win.customElements.whenDefined(host.localName);
    await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  }
  // The provider's composition reaches the meta box in a later update.
  await new Promise((resolve) => win.setTimeout(resolve, 50));
  for (const host of hostsIn(frame)) await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Console warnings and errors, window errors and unhandled rejections of a frame, from now on. */
function watchConsole(win: FrameWindow): string[] {
  const seen: string[] = [];
  for (const level of ['warn', 'error'] as const) {
    const original = win.console[level].bind(win.console);
    win.console[level] = (...args: unknown[]) => {
      seen.push(`console.${level}: ${args.map(String).join(' ')}`);
      original(...args);
    };
  }
  win.addEventListener('error', (event) => seen.push(`error: ${event.message}`));
  win.addEventListener('unhandledrejection', (event) => seen.push(`rejection: ${String(event.reason)}`));
  return seen;
}

describe('server rendering, JavaScript off', () => {
  for (const page of [...ELEMENTS, 'article'] as const) {
    it(`<anp-${page}>: shown from its declarative shadow root, with no script run`, async () => {
      const frame = await openPage('seed-article', page, 'server', 'allow-same-origin');
      const win = frame.contentWindow as FrameWindow;
      const hosts = hostsIn(frame);
      expect(hosts.length).to.equal(page === 'article' ? 5 : 1);
      expect(win.customElements.get(hosts[0].localName), 'no script ran').to.equal(undefined);
      for (const host of hosts) {
        expect(host.shadowRoot, `${host.localName}'s shadow root`).to.not.equal(null);
        const card = host.shadowRoot!.querySelector('[part~="base"]');
        if (host.localName === 'anp-article') continue;
        expect(card && rendered(card), `${host.localName}'s card`).to.equal(true);
        // Its own styles apply: the card's border.
        expect(win.getComputedStyle(card!).borderTopWidth).to.equal('1px');
      }
    });
  }

  it('<anp-meta-box>: every seed value visible; labels apart from values; lists as lists', async () => {
    const frame = await openPage('seed-article', 'meta-box', 'server', 'allow-same-origin');
    const [box] = hostsIn(frame);
    const text = readerText(box);
    for (const value of seedValues(seedArticle())) expect(text, value).to.include(value);
    const rows = [...box.shadowRoot!.querySelectorAll('dl[part="list"] > [part~="field"]')];
    expect(rows.length).to.be.greaterThan(15);
    for (const row of rows) {
      const [dt, dd] = [row.querySelector(':scope > dt')!, row.querySelector(':scope > dd')!];
      const [label, value] = [dt.getBoundingClientRect(), dd.getBoundingClientRect()];
      const apart = value.top >= label.bottom - 1 || value.left >= label.right - 1 || value.right <= label.left + 1;
      expect(apart, `${dt.textContent}: label and value do not overlap`).to.equal(true);
    }
    const tools = [...box.shadowRoot!.querySelectorAll('[part~="field-tools"] li')];
    expect(tools.map((li) => li.textContent)).to.deep.equal(seedArticle().meta.tools);
    for (const li of tools) expect(rendered(li)).to.equal(true);
    const tops = new Set(tools.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(tops.size, 'tools: one line each, or wrapped as items, never one string').to.be.greaterThan(1);
  });

  it('<anp-article>: every seed value visible through the provider’s slot; the meta box leaves out what its siblings show', async () => {
    const frame = await openPage('seed-article', 'article', 'server', 'allow-same-origin');
    const [article] = hostsIn(frame);
    const text = readerText(article);
    for (const value of seedValues(seedArticle())) expect(text, value).to.include(value);
    const box = frame.contentDocument!.querySelector('anp-meta-box')!;
    expect(box.shadowRoot!.querySelector('[part~="field-score"]')).to.equal(null);
    const bars = frame.contentDocument!.querySelector('anp-score-bars')!;
    const meters = [...bars.shadowRoot!.querySelectorAll('meter')];
    expect(meters.map((meter) => meter.value)).to.deep.equal([78, 67, 86, 87]);
    const checklist = frame.contentDocument!.querySelector('anp-checklist')!;
    const boxes = [...checklist.shadowRoot!.querySelectorAll('input[type="checkbox"]')];
    expect(boxes.length).to.equal(5);
    expect(boxes.map((input) => (input as HTMLInputElement).checked)).to.deep.equal([false, false, false, false, false]);
    for (const input of boxes) expect(rendered(input) && input.closest('label')!.textContent!.trim().length > 0).to.equal(true);
  });
});

describe('server then hydrated, and client only: the same markup', () => {
  const cases: [string, Page, string][] = [
    ...ELEMENTS.map((element): [string, Page, string] => ['seed-article', element, '']),
    ['article-with-posts', 'similar-posts', ''],
    ['wordpress-hostile', 'meta-box', ''],
    ['seed-article', 'meta-box', '&lang=de'],
    ['seed-article', 'article', ''],
  ];
  for (const build of Object.keys(BUILDS) as (keyof typeof BUILDS)[]) {
    for (const [fixture, page, query] of cases) {
      it(`${build}: <anp-${page}> (${fixture}${query}) hydrates without a change, a warning or a fetch`, async () => {
        const frame = await openPage(fixture, page, 'server', undefined, query);
        const win = frame.contentWindow as FrameWindow;
        const hosts = hostsIn(frame);
        const before = hosts.map((host) => host.shadowRoot!.innerHTML);
        const records: MutationRecord[] = [];
        const observer = new win.MutationObserver((list) => records.push(...list));
        for (const host of hosts) {
          observer.observe(host.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
          observer.observe(host, { attributes: true });
        }
        const seen = watchConsole(win);
        await loadBuild(frame, build);
        records.push(...observer.takeRecords());
        observer.disconnect();
        expect(seen).to.deep.equal([]);
        expect(
          records.map((record) => `${record.type} ${(record.target as Element).localName ?? ''} ${record.attributeName ?? ''}`),
          'mutations while hydrating',
        ).to.deep.equal([]);
        expect(hosts.map((host) => host.shadowRoot!.innerHTML)).to.deep.equal(before);
        for (const host of hosts) {
          expect((host as HTMLElement & { dataSource: string }).dataSource).to.equal(
            host.localName === 'anp-article' || page !== 'article' ? 'script' : 'context',
          );
        }
        const fetched = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
          (entry) => entry.initiatorType === 'fetch' || entry.initiatorType === 'xmlhttprequest' || entry.name.endsWith('.json'),
        );
        expect(fetched.map((entry) => entry.name)).to.deep.equal([]);

        const client = await openPage(fixture, page, 'client', undefined, query);
        await loadBuild(client, build);
        expect(hostsIn(client).map(markupOf), 'client-only markup').to.deep.equal(hosts.map(markupOf));
      });
    }

    it(`${build}: data changed since the server rendered: only the row that differs is replaced`, async () => {
      const frame = await openPage('seed-article', 'meta-box', 'stale');
      const [box] = hostsIn(frame);
      const rowsBefore = [...box.shadowRoot!.querySelectorAll('dl[part="list"] > [part~="field"]')];
      const records: MutationRecord[] = [];
      const observer = new (frame.contentWindow as FrameWindow).MutationObserver((list) => records.push(...list));
      observer.observe(box.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
      await loadBuild(frame, build);
      records.push(...observer.takeRecords());
      observer.disconnect();
      const rowsAfter = [...box.shadowRoot!.querySelectorAll('dl[part="list"] > [part~="field"]')];
      expect(rowsAfter.length).to.equal(rowsBefore.length);
      const replaced = rowsAfter.filter((row, index) => row !== rowsBefore[index]);
      expect(replaced.map((row) => row.getAttribute('part'))).to.deep.equal(['field field-topic']);
      expect(replaced[0].querySelector('dd')!.textContent).to.equal('a topic edited after the build');
      expect(records.map((record) => `${record.type} ${(record.target as Element).localName}`)).to.deep.equal(['childList dl']);
    });

    it(`${build}: a hydrated checklist ticks, and reports it`, async () => {
      const frame = await openPage('seed-article', 'checklist', 'server');
      await loadBuild(frame, build);
      const [checklist] = hostsIn(frame);
      const changes: number[] = [];
      checklist.addEventListener('anp-checklist-change', (event) => changes.push((event as CustomEvent<{ done: number }>).detail.done));
      const progress = () => checklist.shadowRoot!.querySelector('[part="progress"]')!.textContent!.trim();
      expect(progress()).to.equal('0 of 5 done');
      const inputs = [...checklist.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      inputs[1].click();
      await until(() => progress() === '1 of 5 done', 4000, 'the progress after a tick');
      expect(inputs[1].checked).to.equal(true);
      expect(inputs[1].closest('li')!.getAttribute('part')).to.equal('item item-checked');
      expect(changes).to.deep.equal([1]);
    });
  }
});
