// Runs inside test/csp/strict.html, a page served with a strict CSP and
// Trusted Types enforced where the engine supports them. It records every
// securitypolicyviolation and every payload that ran, renders what the parent
// test sends, and answers with what it saw.
const violations = [];
const hits = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`.trim());
});
window.__anpXss = (id) => hits.push(String(id));
// Errors and console warnings from the first moment, before any anp script runs.
const errors = [];
const warnings = [];
window.addEventListener('error', (event) => errors.push(String(event.message || event.error)));
const warn = console.warn.bind(console);
console.warn = (...args) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};

const TAGS = ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'];

function settle(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function allRendered(root) {
  const elements = [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('anp-'));
  await Promise.all(elements.map((el) => el.updateComplete));
  return elements;
}

/** True when the page really refuses a plain string in an HTML sink. */
function trustedTypesEnforced() {
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
    return false;
  } catch {
    return true;
  }
}

async function handle(message) {
  if (message.kind === 'control') {
    // Proves violations are counted: default-src 'self' refuses this image.
    const img = document.createElement('img');
    img.src = 'http://127.0.0.2:9/control.png';
    document.body.append(img);
    await settle(200);
    img.remove();
    return { violations: violations.splice(0) };
  }
  if (message.kind === 'static') {
    // The provider's fetch first, then what its children render from it.
    await allRendered(document.getElementById('static'));
    await settle(100);
    const elements = await allRendered(document.getElementById('static'));
    const seen = violations.splice(0);
    const enforced = trustedTypesEnforced();
    // The probe is refused by design; its report (queued as a task) is not the library's.
    await settle(100);
    violations.splice(0);
    return {
      violations: seen,
      hits: hits.splice(0),
      trustedTypes: typeof window.trustedTypes !== 'undefined',
      enforced,
      texts: elements.map((el) => [el.localName, (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()]),
    };
  }
  if (message.kind === 'duplicate-policy') {
    // The control for 'twice': this page refuses a second policy named lit-html (when it has Trusted Types).
    let threw = false;
    try {
      window.trustedTypes?.createPolicy('lit-html', { createHTML: (s) => s });
    } catch {
      threw = true;
    }
    await settle(100);
    return { violations: violations.splice(0), threw, trustedTypes: typeof window.trustedTypes !== 'undefined' };
  }
  if (message.kind === 'twice') {
    // test/csp/twice.html loads the classic script twice: what did the page see from the start?
    const box = document.getElementById('after-twice');
    await box.updateComplete;
    const text = (box.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { violations: violations.splice(0), errors: errors.splice(0), warnings: warnings.splice(0), texts: [['anp-meta-box', text]] };
  }
  if (message.kind === 'locale') {
    // The label packs: the classic script's second sibling file, loaded through the `anp` policy on first need.
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    for (const tag of TAGS) {
      const el = document.createElement(tag);
      el.article = message.article;
      wrapper.append(el);
    }
    document.getElementById('dynamic').append(wrapper);
    const elements = await allRendered(wrapper);
    await settle(100);
    const loads = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/anp-components.locales.iife.js') && entry.initiatorType === 'script').length;
    const texts = elements.map((el) => [el.localName, (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()]);
    wrapper.remove();
    return { violations: violations.splice(0), hits: hits.splice(0), errors: errors.splice(0), texts, rendered: loads };
  }
  if (message.kind === 'paths') return renderPaths(message);
  if (message.kind === 'jsonld') return renderJsonLd(message);
  const host = document.getElementById('dynamic');
  let rendered = 0;
  for (const article of message.articles) {
    const provider = document.createElement('anp-article');
    provider.article = article;
    for (const tag of TAGS) provider.append(document.createElement(tag));
    const byAttribute = document.createElement('anp-meta-box');
    byAttribute.setAttribute('article', JSON.stringify(article));
    host.append(provider, byAttribute);
  }
  for (const el of await allRendered(host)) if ((el.shadowRoot?.textContent ?? '').trim()) rendered++;
  await settle(300);
  host.replaceChildren();
  return { violations: violations.splice(0), hits: hits.splice(0), rendered };
}

/**
 * `<anp-article jsonld>` for each article: the text of the JSON-LD script it
 * wrote (as `texts`, or "none"), the codes of its anp-error events, and the
 * page's violations and uncaught errors.
 */
async function renderJsonLd(message) {
  const host = document.getElementById('dynamic');
  const codes = [];
  const providers = message.articles.map((article) => {
    const provider = document.createElement('anp-article');
    provider.addEventListener('anp-error', (event) => codes.push(...event.detail.errors.map((error) => error.code)));
    provider.jsonld = true;
    provider.article = article;
    host.append(provider);
    return provider;
  });
  await allRendered(host);
  await settle(100);
  const texts = providers.map((provider) => {
    const scripts = [...provider.children].filter((child) => child.matches('script[type="application/ld+json"]'));
    return ['anp-article', scripts.length === 1 ? scripts[0].textContent : `${scripts.length} scripts`];
  });
  host.replaceChildren();
  return { violations: violations.splice(0), hits: hits.splice(0), errors: errors.splice(0), codes, texts };
}

/** An HTML document, parsed by XMLHttpRequest (no Trusted Types sink: no string reaches the parser from script). */
function fetchDocument(url) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = 'document';
    request.onload = () =>
      request.status === 200 && request.response ? resolve(request.response) : reject(new Error(`${url}: ${request.status}`));
    request.onerror = () => reject(new Error(`${url}: network error`));
    request.send();
  });
}

/**
 * Every article through every input path the page has, into every element:
 * `property` (the `article` property of each element, and of an <anp-article>
 * whose four children read it by context), `attribute`, `script` (a child
 * <script type="application/json">) and `src`. For `src` the test wrote
 * `srcBase` + index + `.json`; for `script` it wrote `srcBase` + `script.html`
 * with the elements and their script children (both are asked for with
 * `?run=`, so no cached copy of an earlier run is read). That page is parsed
 * by XMLHttpRequest and its elements adopted: a script child made with
 * createElement would be reported by Trusted Types (its text is a sink),
 * whatever its type, and so would hide the library's own reports.
 * Answers with the violations, the executions and, per element, its path,
 * article index, tag, text and what it reported about `src`.
 */
async function renderPaths({ articles, paths, srcBase, run }) {
  const host = document.getElementById('dynamic');
  const made = [];
  // What a `src` element reports (a fetch that failed or timed out), so a missing render says why.
  const srcErrors = new Map();
  const noteSrcError = (event) => {
    if (event.detail?.source !== 'src') return;
    srcErrors.set(event.target, event.detail.errors.map((e) => e.message).join('; '));
  };
  host.addEventListener('anp-error', noteSrcError);
  const add = (path, index, el) => {
    made.push([path, index, el]);
    return el;
  };
  articles.forEach((article, index) => {
    const json = JSON.stringify(article);
    for (const path of paths) {
      if (path === 'property') {
        const provider = add(path, index, document.createElement('anp-article'));
        provider.article = article;
        for (const tag of TAGS) provider.append(add('context', index, document.createElement(tag)));
        host.append(provider);
      }
      if (path !== 'property' && path !== 'attribute') continue;
      for (const tag of TAGS) {
        const el = add(path, index, document.createElement(tag));
        if (path === 'property') el.article = article;
        else el.setAttribute('article', json);
        host.append(el);
      }
    }
  });
  if (paths.includes('script')) {
    const parsed = await fetchDocument(`${srcBase}script.html?run=${run}`);
    for (const el of [...parsed.body.children]) {
      host.append(add('script', Number(el.dataset.index), document.adoptNode(el)));
    }
  }
  await allRendered(host);
  // `src` last, once the rest is rendered: its fetches have 10 s each, which a
  // loaded machine can spend on rendering the other paths (WebKit did).
  if (paths.includes('src')) {
    articles.forEach((_, index) => {
      for (const tag of TAGS) {
        const el = add('src', index, document.createElement(tag));
        el.setAttribute('src', `${srcBase}${index}.json?run=${run}`);
        host.append(el);
      }
    });
    await allRendered(host);
  }
  await settle(300);
  const texts = made.map(([path, index, el]) => [
    path,
    index,
    el.localName,
    (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    srcErrors.get(el) ?? '',
  ]);
  host.removeEventListener('anp-error', noteSrcError);
  host.replaceChildren();
  return { violations: violations.splice(0), hits: hits.splice(0), elements: texts };
}

window.addEventListener('message', async (event) => {
  if (event.origin !== location.origin || !event.data || typeof event.data.id !== 'string') return;
  const reply = await handle(event.data);
  parent.postMessage({ id: event.data.id, ...reply }, location.origin);
});
// The page names itself: WebKit gives this message the parent as its source when the page's load waited
// for the sanitizer's file (seen in WebKitGTK 2.50), so the parent cannot tell frames apart by source.
window.addEventListener('load', () => parent.postMessage({ id: 'ready', page: location.pathname }, location.origin));
