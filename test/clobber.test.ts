/**
 * Host markup that names an element after something the library reads from
 * `document` or `window` (`<img name=createElement>`, `<form id=AnpComponents>`)
 * must change nothing: `document` and `window` expose such elements as
 * properties, in place of the methods and globals of the same name.
 *
 * Each case is a fresh page (an iframe) holding the markup before the library
 * loads, so both what Lit and DOMPurify read as they load and what every
 * render reads meet it. Each page is loaded twice: through the built classic
 * script (production Lit, as vite.config.ts bundles it) and through
 * src/classic.ts as modules (development Lit, as the test server rewrites it
 * with the same scripts/clobber-guard.mjs). What every element shows must
 * equal what it shows on the same page without that markup, with relative
 * links resolved against the page's base URL, no exception and no anp-error.
 *
 * No runtime import from src/: the pages load the library themselves.
 */
import { expect } from '@open-wc/testing';
import { POSTS_VALUES, postsJson, SEED_VALUES, seedArticle, textOf } from './helpers.js';

const LOADERS = {
  'classic script': '<script src="/dist/anp-components.iife.js"></script>',
  modules: '<script type="module" src="/src/classic.ts"></script>',
} as const;
type Loader = keyof typeof LOADERS;

/** The page's base: relative links must resolve against this, not against the page's address or nothing. */
const BASE_PATH = '/test/fixtures/clobber-base/';

/** Document-level names: what the library, Lit or DOMPurify call or read on a document. */
const DOCUMENT_NAMES = [
  'createElement',
  'importNode',
  'createComment',
  'createTextNode',
  'createTreeWalker',
  'addEventListener',
  'baseURI',
  'parentNode',
  'host',
] as const;

/** Window-level names: globals Lit reads or writes as it loads (an element's id is enough). */
const GLOBAL_NAMES = ['litHtmlVersions', 'reactiveElementVersions', 'litPropertyMetadata', 'litElementHydrateSupport', 'ShadyCSS'] as const;

const CASES: { name: string; markup: string }[] = [
  ...DOCUMENT_NAMES.map((name) => ({ name: `<img name=${name}>`, markup: `<img name="${name}" alt="">` })),
  { name: '<form name=createElement>', markup: '<form name="createElement"></form>' },
  { name: '<embed name=importNode>', markup: '<embed name="importNode" type="text/plain">' },
  { name: '<object id=createTreeWalker>', markup: '<object id="createTreeWalker"></object>' },
  { name: '<object name=baseURI>', markup: '<object name="baseURI"></object>' },
  ...GLOBAL_NAMES.map((name) => ({ name: `<form id=${name}>`, markup: `<form id="${name}"></form>` })),
  { name: '<img name=reactiveElementPolyfillSupport>', markup: '<img name="reactiveElementPolyfillSupport" alt="">' },
];

/** The seed, plus one relative link in a rich field (sanitized, then copied into the page as nodes). */
function seedWithLink(): string {
  const article = seedArticle();
  article.meta.summary += ' <a href="guides/rollback">rollback guide</a>';
  return JSON.stringify(article);
}

/** JSON inside `<script type="application/json">`: nothing in it may close the script. */
const scriptJson = (json: string) => json.replace(/</g, '\\u003c');

/**
 * Every element, alone and composed in an `<anp-article>`; the similar posts
 * get the article that has some (with relative URLs), the rest the seed.
 */
function body(markup: string): string {
  const seed = `<script type="application/json">${scriptJson(seedWithLink())}</script>`;
  const posts = `<script type="application/json">${scriptJson(postsJson())}</script>`;
  return `${markup}
<anp-article>${seed}<anp-meta-box></anp-meta-box><anp-checklist></anp-checklist><anp-score-bars></anp-score-bars></anp-article>
<anp-meta-box>${seed}</anp-meta-box>
<anp-checklist>${seed}</anp-checklist>
<anp-score-bars>${seed}</anp-score-bars>
<anp-similar-posts>${posts}</anp-similar-posts>`;
}

/** What the page reports about itself, gathered from before anything loads. */
const RECORDER = `<script>
window.__seen = { errors: [], anpErrors: [], warnings: [] };
window.addEventListener('error', (e) => __seen.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => __seen.errors.push(String(e.reason)));
window.addEventListener('anp-error', (e) => __seen.anpErrors.push(JSON.stringify(e.detail && e.detail.errors)));
const warn = console.warn;
console.warn = (...args) => { __seen.warnings.push(args.map(String).join(' ')); warn.apply(console, args); };
</script>`;

interface Seen {
  errors: string[];
  anpErrors: string[];
  warnings: string[];
}
type FrameWindow = Window & typeof globalThis & { __seen: Seen; AnpComponents?: Record<string, unknown> };

/** A fresh page from `html`, once it has loaded. */
async function openPage(html: string): Promise<{ frame: HTMLIFrameElement; win: FrameWindow }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as FrameWindow };
}

function page(markup: string, loader: Loader): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base href="${BASE_PATH}"><title>clobber</title>${RECORDER}</head>
<body>${body(markup)}${LOADERS[loader]}</body></html>`;
}

/** What one element shows: its text, its links, its styles, its errors. */
interface Shown {
  tag: string;
  text: string;
  links: string[];
  styled: string;
  errors: number;
}

async function whatEveryElementShows(win: FrameWindow): Promise<Shown[]> {
  // Module scripts run before `load`; give a failed start a moment to report itself.
  for (let i = 0; i < 50 && !win.customElements.get('anp-similar-posts'); i++) await new Promise((r) => setTimeout(r, 20));
  const elements = Array.from(win.document.body.querySelectorAll('*')).filter((el) => el.localName.startsWith('anp-')) as (HTMLElement & {
    updateComplete?: Promise<unknown>;
    errors?: readonly unknown[];
  })[];
  // Bounded: an element whose render threw may never complete, and that must fail this test, not stall the file.
  const within = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms, 'timed out'));
  const pending = await Promise.race([Promise.all(elements.map((el) => el.updateComplete)), within(3000)]);
  return elements.map((el) => {
    const root = el.shadowRoot;
    return {
      tag: el.localName,
      text: textOf(root),
      links: Array.from(root?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href') ?? ''),
      styled: `${root?.adoptedStyleSheets.length ?? 0} sheets, ${root?.querySelectorAll('style').length ?? 0} style elements`,
      errors: el.errors?.length ?? -1,
      ...(pending === 'timed out' ? { timedOut: true } : {}),
    };
  });
}

let opened: HTMLIFrameElement | undefined;
afterEach(() => {
  opened?.remove();
  opened = undefined;
});

async function render(markup: string, loader: Loader): Promise<{ shown: Shown[]; seen: Seen; win: FrameWindow }> {
  const { frame, win } = await openPage(page(markup, loader));
  opened = frame;
  const shown = await whatEveryElementShows(win);
  return { shown, seen: win.__seen, win };
}

const resolved = (href: string) => new URL(href, new URL(BASE_PATH, location.href)).href;

for (const loader of Object.keys(LOADERS) as Loader[]) {
  describe(`host markup named like what the library reads (${loader})`, () => {
    let reference: Shown[];

    before(async () => {
      const { shown, seen } = await render('', loader);
      reference = shown;
      opened?.remove();
      expect(seen.errors, 'exceptions on the plain page').to.deep.equal([]);
      expect(seen.anpErrors, 'anp-errors on the plain page').to.deep.equal([]);
    });

    it('the plain page shows the seed in every element, with relative links resolved against its base', () => {
      expect(reference.map((el) => el.tag)).to.deep.equal([
        'anp-article',
        'anp-meta-box',
        'anp-checklist',
        'anp-score-bars',
        'anp-meta-box',
        'anp-checklist',
        'anp-score-bars',
        'anp-similar-posts',
      ]);
      const metaBox = reference[4];
      for (const value of SEED_VALUES.text) expect(metaBox.text.toLowerCase(), value).to.contain(value);
      expect(metaBox.links).to.deep.equal([resolved('guides/rollback')]);
      for (const item of SEED_VALUES.listItems.checklist) expect(reference[5].text, item).to.contain(item);
      for (const name of Object.keys(SEED_VALUES.scores)) expect(reference[6].text, name).to.contain(name);
      for (const post of POSTS_VALUES) expect(reference[7].text, post.title).to.contain(post.title);
      // Against this page's base, which is not the test runner's: the relative one is resolved here.
      expect(reference[7].links).to.deep.equal(
        ['/posts/alphanode-002918', 'https://example.com/posts/connection-pools', 'http://example.org/flame-graphs'].map(resolved),
      );
      for (const el of reference) expect(el.errors, el.tag).to.equal(0);
      expect(reference[4].styled).to.not.equal('0 sheets, 0 style elements');
    });

    for (const { name, markup } of CASES) {
      it(`${name} before the library loads changes nothing`, async () => {
        const { shown, seen } = await render(markup, loader);
        expect(seen.errors, 'exceptions').to.deep.equal([]);
        expect(seen.anpErrors, 'anp-errors').to.deep.equal([]);
        expect(shown).to.deep.equal(reference);
      });
    }
  });
}

/** What `window.AnpComponents` is, as plain data (chai gets no element of another page to print). */
function theGlobal(win: FrameWindow) {
  const api = win.AnpComponents;
  return {
    isElement: api instanceof win.HTMLElement,
    namesTheRegisteredClass: api?.AnpMetaBox !== undefined && api.AnpMetaBox === win.customElements.get('anp-meta-box'),
    normalizeArticle: typeof api?.normalizeArticle,
  };
}

describe('the global AnpComponents', () => {
  for (const loader of Object.keys(LOADERS) as Loader[]) {
    for (const markup of ['<form id="AnpComponents"></form>', '<img name="AnpComponents" alt="">']) {
      it(`is the API beside ${markup} (${loader})`, async () => {
        const { win, seen } = await render(markup, loader);
        expect(theGlobal(win)).to.deep.equal({ isElement: false, namesTheRegisteredClass: true, normalizeArticle: 'function' });
        expect(seen.errors).to.deep.equal([]);
      });
    }
  }

  it('a second copy of the classic script beside <form id=AnpComponents> does nothing but warn', async () => {
    const { frame, win } = await openPage(
      `<!doctype html><html><head><meta charset="utf-8">${RECORDER}</head><body><form id="AnpComponents"></form>
<script src="/dist/anp-components.iife.js"></script><script src="/dist/anp-components.iife.js"></script></body></html>`,
    );
    opened = frame;
    expect(win.__seen.errors).to.deep.equal([]);
    expect(win.__seen.warnings.filter((w) => w.includes('loaded more than once'))).to.have.length(1);
    expect(theGlobal(win)).to.deep.equal({ isElement: false, namesTheRegisteredClass: true, normalizeArticle: 'function' });
  });
});
