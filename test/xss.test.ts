/**
 * XSS corpus suite (SPEC section 4): every payload of test/security/xss-payloads.ts
 * is put into every field of one article at once (values, object keys, list
 * items, URLs, unknown fields), and that article is rendered through every
 * input path into every element. Each render is then checked in the live DOM,
 * through every open shadow root: nothing ran, no link or loader points
 * outside http:, https: and mailto:, no handler or style attribute, no
 * script-capable or foreign element, and text fields still show the payload
 * as text.
 *
 * Payloads that would run call `window.__anpXss('<id>')`; a counting stub
 * records them, and a self-test first proves that the stub and the DOM
 * checks can fail.
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { labelFromKey } from '../src/core/format.js';
import { LIMITS } from '../src/core/normalize.js';
import { payloadId, XSS_CLASSES, XSS_PAYLOADS } from './security/xss-payloads.js';

type AnpTag = 'anp-meta-box' | 'anp-checklist' | 'anp-score-bars' | 'anp-similar-posts';
type Rendered = HTMLElement & { updateComplete: Promise<boolean>; article?: unknown };

const TAGS: readonly AnpTag[] = ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'];
const CHUNK = 25;
const SETTLE_MS = 50;
const FINAL_SETTLE_MS = 300;

const XHTML = 'http://www.w3.org/1999/xhtml';
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Attributes a browser loads or navigates to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'srcset',
  'xlink:href',
  'data',
  'poster',
  'background',
  'ping',
  'cite',
  'longdesc',
  'codebase',
  'manifest',
  'lowsrc',
  'dynsrc',
]);
/** Elements that must never appear inside an element's shadow root. */
const FORBIDDEN_IN_SHADOW = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'form',
  'base',
  'meta',
  'link',
  'img',
  'image',
  'video',
  'audio',
  'source',
  'track',
  'template',
  'noscript',
  'textarea',
  'select',
  'button',
  'area',
  'map',
  'marquee',
  'portal',
]);
/** The ids the elements' own templates use; anything else came from data. */
const OWN_IDS = /^(heading|outline-heading|score-label-\d+|bar-label-\d+)$/;
const OWN_SLOT_NAMES = new Set(['heading', 'outline-heading', 'empty']);

// ---------------------------------------------------------------------------
// The execution counter
// ---------------------------------------------------------------------------

const hits: string[] = [];
// Not writable, so no payload can replace or clobber it.
Object.defineProperty(window, '__anpXss', {
  value: (id: unknown) => {
    hits.push(String(id));
  },
  writable: false,
  configurable: true,
  enumerable: false,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// The article: one payload in every field at once
// ---------------------------------------------------------------------------

/** An object shaped like a Lit TemplateResult: must never reach a render as one. */
function litLike(p: string): Record<string, unknown> {
  return { _$litType$: 1, strings: [p, p], values: [p] };
}

function articleFor(p: string): Record<string, unknown> {
  return {
    id: p,
    title: p,
    url: p,
    meta: {
      topic: p,
      code_language: p,
      difficulty: p,
      reference: p,
      hash: p,
      summary: p,
      ai_brief: p,
      ai_outline: { [p]: p, context: p },
      stack: [p, 'python'],
      tools: [p, litLike(p)],
      checklist: [p, 'second item'],
      notes: [p, `note: ${p}`],
      reading_time: 5,
      view_count: 42,
      score: { [p]: 50, quality: 80 },
      revision: { status: p, version: p, last_reviewed: '2024-01-02', [p]: p },
      flags: { [p]: 1, reviewed: 0 },
      entities: [{ name: p, type: p }],
      payload: { [p]: p, lit: litLike(p), nested: { [p]: [p, { [p]: p }] } },
      [p]: p,
      extra_field: { deep: [p, { [p]: p }], lit: litLike(p) },
    },
    similar_posts: [
      { title: p, url: p, topic: p, reading_time: 3, [p]: p, lit: litLike(p) },
      { title: 'a safe post', url: `/posts/${encodeURIComponent(p)}`, topic: p },
      { title: p, url: `https://example.com/?q=${encodeURIComponent(p)}` },
    ],
    [p]: { [p]: p },
  };
}

/** A string as normalize keeps it (values and keys are capped). */
function cappedText(p: string): string {
  return p.length > LIMITS.maxStringLength ? p.slice(0, LIMITS.maxStringLength) + '…' : p;
}
function cappedKey(p: string): string {
  return p.length > 200 ? p.slice(0, 200) + '…' : p;
}

// ---------------------------------------------------------------------------
// The DOM checks
// ---------------------------------------------------------------------------

interface Item {
  id: string;
  cls: string;
  payload: string;
}

/** Every element under `root` (root included), descending into open shadow roots; `shadow` is true inside one. */
function walk(root: Element, inShadow = false, out: [Element, boolean][] = []): [Element, boolean][] {
  out.push([root, inShadow]);
  if (root.shadowRoot) for (const child of Array.from(root.shadowRoot.children)) walk(child, true, out);
  for (const child of Array.from(root.children)) walk(child, inShadow, out);
  return out;
}

function protocolOf(value: string): string {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    return 'invalid URL';
  }
}

function urlsOf(name: string, value: string): string[] {
  if (name !== 'srcset') return [value];
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}

function describeElement(el: Element): string {
  const attributes = Array.from(el.attributes)
    .map((a) => `${a.name}=${JSON.stringify(a.value.slice(0, 60))}`)
    .join(' ');
  return `<${el.localName}${attributes ? ' ' + attributes : ''}>`;
}

/** What is wrong with the DOM under `root`: an empty list when it is safe. */
function domProblems(root: Element): string[] {
  const problems: string[] = [];
  for (const [el, inShadow] of walk(root)) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`handler attribute ${name} on ${describeElement(el)}`);
      if (URL_ATTRIBUTES.has(name)) {
        for (const url of urlsOf(name, attr.value)) {
          const protocol = protocolOf(url);
          if (!ALLOWED_PROTOCOLS.has(protocol)) problems.push(`${name} with scheme ${protocol} on ${describeElement(el)}`);
        }
      }
      if (inShadow && name === 'style') problems.push(`style attribute on ${describeElement(el)}`);
      if (inShadow && name === 'id' && !OWN_IDS.test(attr.value)) problems.push(`id from data on ${describeElement(el)}`);
      if (inShadow && name === 'name' && !(el.localName === 'slot' && OWN_SLOT_NAMES.has(attr.value)))
        problems.push(`name attribute on ${describeElement(el)}`);
    }
    if (inShadow) {
      if (el.namespaceURI !== XHTML) problems.push(`foreign-namespace element ${describeElement(el)} (${el.namespaceURI})`);
      else if (FORBIDDEN_IN_SHADOW.has(el.localName)) problems.push(`forbidden element ${describeElement(el)}`);
      else if (el.localName === 'input' && !((el as HTMLInputElement).type === 'checkbox' && el.getAttribute('part') === 'checkbox'))
        problems.push(`input from data ${describeElement(el)}`);
    }
  }
  return problems;
}

const text = (node: Node | null | undefined) => node?.textContent ?? undefined;
const all = (el: Element, selector: string) => Array.from(el.shadowRoot?.querySelectorAll(selector) ?? []);
const one = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector) ?? null;

/** Nothing lost: where the payload is text, the reader sees it as given. */
function textProblems(el: Element, p: string): string[] {
  const problems: string[] = [];
  const value = cappedText(p);
  const label = labelFromKey(cappedKey(p));
  const expectText = (where: string, actual: string | undefined) => {
    if (actual !== value) problems.push(`${where} shows ${JSON.stringify(actual)}, not the payload as text`);
  };
  const expectSome = (where: string, actual: (string | undefined)[], wanted = value) => {
    if (!actual.includes(wanted)) problems.push(`${where}: none of ${JSON.stringify(actual)} is ${JSON.stringify(wanted)}`);
  };
  switch (el.localName) {
    case 'anp-meta-box': {
      for (const key of ['topic', 'code_language', 'difficulty']) expectText(key, text(one(el, `[part~="field-${key}"] > dd`)));
      for (const key of ['reference', 'hash']) expectText(key, text(one(el, `[part~="field-${key}"] > dd > code`)));
      if (!p.includes('<')) {
        for (const key of ['summary', 'ai_brief']) expectText(key, text(one(el, `[part~="field-${key}"] > dd`)));
        expectText('notes[0]', text(one(el, '[part~="field-notes"] > dd li')));
      }
      for (const key of ['stack', 'tools', 'checklist']) expectText(`${key}[0]`, text(one(el, `[part~="field-${key}"] > dd li`)));
      expectText('entity name', text(one(el, '[part~="field-entities"] [part~="entity-name"]')));
      expectText('entity type', text(one(el, '[part~="field-entities"] [part~="entity-type"]')));
      expectSome('revision values', all(el, '[part~="field-revision"] dd').map(text));
      expectText('revision version', text(one(el, '[part~="field-revision"] dd > code')));
      expectSome('outline values', all(el, 'section[part~="outline"] dd').map(text));
      expectSome('outline labels', all(el, 'section[part~="outline"] dt').map(text), label);
      expectSome('unknown field values', all(el, '[part="field"] > dd').map(text));
      expectSome('unknown field labels', all(el, '[part="field"] > dt').map(text), label);
      expectSome('score labels', all(el, '[part~="field-score"] dt').map(text), label);
      expectSome('flag labels', all(el, '[part~="field-flags"] dt').map(text), label);
      expectSome('payload labels', all(el, '[part~="field-payload"] dt').map(text), label);
      break;
    }
    case 'anp-checklist': {
      const labels = all(el, '[part~="label"]').map(text);
      if (labels.length !== 2) problems.push(`checklist shows ${labels.length} items, not 2`);
      expectText('checklist item', labels[0]);
      break;
    }
    case 'anp-score-bars': {
      const meters = all(el, 'meter') as HTMLMeterElement[];
      if (meters.map((m) => m.value).join() !== '50,80') problems.push(`score meters ${meters.map((m) => m.value).join()}, not 50,80`);
      expectSome('score labels', all(el, '[part~="label"]').map(text), label);
      break;
    }
    case 'anp-similar-posts': {
      const items = all(el, '[part~="item"]');
      if (items.length !== 3) problems.push(`similar posts shows ${items.length} posts, not 3`);
      const titles = items.map((item) => text(item.querySelector('[part~="link"], [part~="title"]')));
      expectText('post title', titles[0]);
      expectText('post title (https URL)', titles[2]);
      expectSome('post topics', all(el, '[part~="details"]').map(text));
      const links = all(el, 'a[part~="link"]').map((a) => a.textContent);
      if (!links.includes('a safe post')) problems.push('the post with a safe relative URL is not a link');
      if (!items[2]?.querySelector('a[part~="link"]')) problems.push('the post with an https URL is not a link');
      break;
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Input paths
// ---------------------------------------------------------------------------

interface Mounted {
  /** Everything to scan (the four elements, plus a provider where there is one). */
  roots: Element[];
  elements: Rendered[];
}

interface InputPath {
  name: string;
  /**
   * Rendered on screen (laid out, so handlers that need layout, focus or
   * animation could fire). The others render into a display:none container:
   * the same DOM, checked the same way, without the cost of layout.
   */
  visible?: boolean;
  mount(container: HTMLElement, item: Item): Mounted;
}

function make(tag: AnpTag): Rendered {
  return document.createElement(tag) as Rendered;
}

/** JSON text that is safe inside a <script> element parsed as HTML: no '<' at all. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const PATHS: InputPath[] = [
  {
    name: 'article property (object)',
    visible: true,
    mount(container, { payload }) {
      const elements = TAGS.map((tag) => {
        const el = make(tag);
        el.article = articleFor(payload);
        return el;
      });
      container.append(...elements);
      return { roots: elements, elements };
    },
  },
  {
    name: 'article property (JSON string)',
    mount(container, { payload }) {
      const elements = TAGS.map((tag) => {
        const el = make(tag);
        el.article = JSON.stringify(articleFor(payload));
        return el;
      });
      container.append(...elements);
      return { roots: elements, elements };
    },
  },
  {
    name: 'article attribute',
    mount(container, { payload }) {
      const elements = TAGS.map((tag) => {
        const el = make(tag);
        el.setAttribute('article', JSON.stringify(articleFor(payload)));
        return el;
      });
      container.append(...elements);
      return { roots: elements, elements };
    },
  },
  {
    name: 'src attribute (fetched)',
    mount(container, { id }) {
      const elements = TAGS.map((tag) => {
        const el = make(tag);
        el.setAttribute('src', `/xss/${id}.json`);
        return el;
      });
      container.append(...elements);
      return { roots: elements, elements };
    },
  },
  {
    name: 'child <script type="application/json"> (parsed HTML)',
    mount(container, { payload }) {
      const wrapper = document.createElement('div');
      const json = scriptSafeJson(articleFor(payload));
      // As a CMS would print it; JSON holds '<' only inside strings, where \u003c is the same character.
      wrapper.innerHTML = TAGS.map((tag) => `<${tag}><script type="application/json">${json}</script></${tag}>`).join('');
      container.append(wrapper);
      const elements = Array.from(wrapper.children) as Rendered[];
      return { roots: elements, elements };
    },
  },
  {
    name: 'the nearest <anp-article>',
    mount(container, { payload }) {
      const provider = document.createElement('anp-article') as Rendered;
      provider.article = articleFor(payload);
      const inner = document.createElement('div');
      const elements = TAGS.map(make);
      // exclude="" keeps every field in the meta box, scores and checklist too, though siblings show them.
      for (const el of elements) if (el.localName === 'anp-meta-box') el.setAttribute('exclude', '');
      inner.append(...elements);
      provider.append(inner);
      container.append(provider);
      return { roots: [provider], elements: [provider, ...elements] };
    },
  },
];

// ---------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------

const ITEMS: Item[] = XSS_PAYLOADS.map(({ cls, payload }, index) => ({ id: payloadId(index), cls, payload }));
const BY_ID = new Map(ITEMS.map((item) => [item.id, item]));

/** fetch answers /xss/<id>.json with that payload's article; anything else goes to the real fetch. */
const realFetch = window.fetch;
function stubFetch(): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    const match = url.origin === location.origin ? /^\/xss\/(p\d+)\.json$/.exec(url.pathname) : null;
    const item = match ? BY_ID.get(match[1]) : undefined;
    if (!item) return realFetch.call(window, input, init);
    return new Response(JSON.stringify(articleFor(item.payload)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}

let executionsBaseline = 0;
let elapsedMs = 0;
const pathsRun = new Set<string>();

describe('XSS corpus', () => {
  after(() => {
    const executions = hits.length - executionsBaseline;
    console.log(`xss: ${XSS_PAYLOADS.length} payloads x ${pathsRun.size} paths x ${TAGS.length} elements, ${executions} executions`);
    console.log(`xss: ${XSS_PAYLOADS.length * pathsRun.size * TAGS.length} renders checked in ${(elapsedMs / 1000).toFixed(1)} s`);
  });

  it('self-test: the stub counts executions, and the DOM checks catch unsafe markup', async () => {
    const before = hits.length;
    // A script element runs when it is attached.
    const script = document.createElement('script');
    script.textContent = "__anpXss('self-script')";
    document.body.append(script);
    script.remove();
    // An image handler runs once a broken image fails (created detached, then attached).
    const scratch = document.createElement('div');
    scratch.innerHTML = `<img src="data:image/png;base64,AAAA" onerror="__anpXss('self-img')">`;
    document.body.append(scratch);
    const start = performance.now();
    while (!hits.includes('self-img') && performance.now() - start < 4000) await sleep(10);
    scratch.remove();
    expect(hits.slice(before)).to.include.members(['self-script', 'self-img']);
    executionsBaseline = hits.length;

    // The checks see through shadow roots and report each kind of problem.
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.append(inner);
    const shadow = inner.attachShadow({ mode: 'open' });
    shadow.innerHTML = [
      '<a href="javascript:void 0">a</a>',
      '<a href=" &#x6A;avascript:void 0">b</a>',
      '<b onclick="void 0">c</b>',
      '<span style="color:red">d</span>',
      '<style>p{}</style>',
      '<svg></svg>',
      '<span id="cookie">e</span>',
      '<img srcset="https://example.com/a 1x, data:image/png;base64,AAAA 2x">',
    ].join('');
    const problems = domProblems(host);
    const expected = [
      'href with scheme javascript:',
      'handler attribute onclick',
      'style attribute',
      'forbidden element <style>',
      'foreign-namespace element <svg>',
      'id from data',
      'srcset with scheme data:',
    ];
    for (const wanted of expected)
      expect(
        problems.some((p) => p.startsWith(wanted)),
        `${wanted} in ${problems.join('; ')}`,
      ).to.equal(true);
    expect(problems.filter((p) => p.startsWith('href with scheme javascript:'))).to.have.length(2);
    // And a safe element passes.
    const safe = document.createElement('anp-checklist') as Rendered;
    safe.article = { meta: { checklist: ['one', 'two'] } };
    document.body.append(safe);
    await safe.updateComplete;
    expect(domProblems(safe)).to.deep.equal([]);
    expect(textProblems(safe, 'one')).to.deep.equal([]);
    expect(textProblems(safe, 'three')).to.have.length(1);
    safe.remove();
  });

  it(`the corpus: at least 200 payloads, at least 8 in each of the ${XSS_CLASSES.length} classes, all distinct`, () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(200);
    const counts = new Map<string, number>();
    for (const { cls } of XSS_PAYLOADS) counts.set(cls, (counts.get(cls) ?? 0) + 1);
    expect([...counts.keys()].sort()).to.deep.equal([...XSS_CLASSES].sort());
    for (const cls of XSS_CLASSES) expect(counts.get(cls), cls).to.be.at.least(8);
    expect(new Set(XSS_PAYLOADS.map((p) => p.payload)).size).to.equal(XSS_PAYLOADS.length);
    for (const item of ITEMS) {
      expect(item.payload, item.id).not.to.include('§');
      // A payload that would call the stub names its own id.
      if (/anpXss\s*\(/.test(item.payload)) expect(item.payload, item.id).to.include(item.id);
    }
  });

  for (const path of PATHS) {
    it(`through ${path.name}: no execution, no unsafe DOM, text stays text`, async function () {
      this.timeout(180_000);
      pathsRun.add(path.name);
      const started = performance.now();
      const before = hits.length;
      const failures: string[] = [];
      if (path.name.startsWith('src')) stubFetch();
      try {
        for (let start = 0; start < ITEMS.length; start += CHUNK) {
          const chunk = ITEMS.slice(start, start + CHUNK);
          const container = document.createElement('div');
          container.className = 'xss-chunk';
          if (!path.visible) container.style.display = 'none';
          document.body.append(container);
          const mounted = chunk.map((item) => ({ item, ...path.mount(container, item) }));
          const elements = mounted.flatMap((m) => m.elements);
          await Promise.all(elements.map((el) => el.updateComplete));
          await sleep(SETTLE_MS);
          await Promise.all(elements.map((el) => el.updateComplete));
          for (const { item, roots, elements } of mounted) {
            const where = `${item.id} [${item.cls}] ${JSON.stringify(item.payload)}`;
            for (const root of roots) for (const problem of domProblems(root)) failures.push(`${where} in <${root.localName}>: ${problem}`);
            for (const el of elements) {
              if (el.localName === 'anp-article') continue;
              for (const problem of textProblems(el, item.payload)) failures.push(`${where} in <${el.localName}>: ${problem}`);
            }
          }
          for (const problem of domProblems(container)) {
            // Counted per element above; this catches anything outside them.
            if (!failures.some((f) => f.endsWith(problem))) failures.push(`chunk ${chunk[0].id}..: ${problem}`);
          }
          container.remove();
        }
        // Handlers that fire late (broken images, animations).
        await sleep(FINAL_SETTLE_MS);
      } finally {
        if (path.name.startsWith('src')) window.fetch = realFetch;
      }
      elapsedMs += performance.now() - started;
      const executed = hits.slice(before);
      for (const id of new Set(executed)) {
        const item = BY_ID.get(id);
        failures.unshift(`EXECUTED ${id} [${item?.cls}] ${JSON.stringify(item?.payload)} (${executed.filter((h) => h === id).length}x)`);
      }
      expect(failures, `${failures.length} problems:\n${failures.slice(0, 40).join('\n')}`).to.deep.equal([]);
    });
  }
});
