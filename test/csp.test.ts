/**
 * A strict host page: every element renders the seed and hostile articles in
 * an iframe served with STRICT_CSP (see web-test-runner.config.mjs), with 0
 * securitypolicyviolation events, in each engine. Trusted Types are enforced
 * where the engine has them; the suite says which. The XSS corpus and markup
 * that only a tokenizer reads right (core/sanitize.ts, `defuse`) go through
 * every input path into every element, with 0 violations and 0 executions.
 */
import { expect } from '@open-wc/testing';
import { writeFile } from '@web/test-runner-commands';
import { seedArticle } from './helpers.js';
import { XSS_PAYLOADS } from './security/xss-payloads.js';

interface Reply {
  id: string;
  /** With `ready`: the page's path. */
  page?: string;
  violations: string[];
  /** From `paths`: per element, its input path, article index, tag, shadow text and `src` errors. */
  elements?: [string, number, string, string, string][];
  hits?: string[];
  rendered?: number;
  trustedTypes?: boolean;
  enforced?: boolean;
  texts?: [string, string][];
  threw?: boolean;
  errors?: string[];
  warnings?: string[];
  /** With `jsonld`: the `code` of every problem the elements' anp-error events listed. */
  codes?: string[];
}

let frame: HTMLIFrameElement;

/** An iframe on a page under /test/csp/ (served with STRICT_CSP), once its driver is ready. */
async function openFrame(src: string): Promise<HTMLIFrameElement> {
  const opened = document.createElement('iframe');
  const ready = new Promise<void>((resolve) => {
    window.addEventListener('message', function listen(event: MessageEvent<Reply>) {
      if (event.origin === location.origin && event.data?.id === 'ready' && event.data.page === src) {
        window.removeEventListener('message', listen);
        resolve();
      }
    });
  });
  opened.src = src;
  opened.style.width = '800px';
  opened.style.height = '600px';
  document.body.append(opened);
  await ready;
  return opened;
}
let counter = 0;

function ask(message: Record<string, unknown>, ms = 15000, target = frame): Promise<Reply> {
  const id = `m${++counter}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${String(message.kind)} within ${ms} ms`)), ms);
    const listen = (event: MessageEvent<Reply>) => {
      if (event.source !== target.contentWindow || event.data?.id !== id) return;
      clearTimeout(timer);
      window.removeEventListener('message', listen);
      resolve(event.data);
    };
    window.addEventListener('message', listen);
    target.contentWindow!.postMessage({ ...message, id }, location.origin);
  });
}

/** Hostile articles of this suite's own: markup and schemes in every kind of field. */
function hostileArticles(): unknown[] {
  const payloads = [
    `<img src=x onerror="__anpXss('csp-img')">`,
    `<svg><script>__anpXss('csp-svg')</script></svg>`,
    `<a href="javascript:__anpXss('csp-a')">x</a>`,
    `<style>body{background:url(http://127.0.0.2:9/beacon)}</style>`,
    `<b style="position:fixed;inset:0">overlay</b>`,
    `javascript:__anpXss('csp-url')`,
    `</dd></dl><script>__anpXss('csp-close')</script>`,
    `<iframe srcdoc="<script>parent.__anpXss('csp-srcdoc')</script>"></iframe>`,
  ];
  return payloads.map((payload) => ({
    title: payload,
    url: payload,
    meta: {
      topic: payload,
      summary: payload,
      ai_brief: payload,
      notes: [payload],
      tools: [payload],
      checklist: [payload],
      ai_outline: { [payload]: payload },
      score: { [payload]: 50 },
      flags: { [payload]: 1 },
      entities: [{ name: payload, type: payload }],
      payload: { [payload]: payload },
      [payload]: payload,
    },
    similar_posts: [{ title: payload, url: payload, topic: payload }],
  }));
}

/**
 * Markup whose handlers and styles only a tokenizer finds: a `>` inside a
 * quoted value, separators other than a space, names right after a quote,
 * comments, end tags, and text-only elements and CDATA sections whose reading
 * depends on the tree. `§X` becomes a call that reports `csp-t<n>` if it ran.
 */
const TOKENIZER_PAYLOADS = [
  `<b title=">" onclick="§X">quoted gt, double quotes</b>`,
  `<b title=">" style="color:red">quoted gt, style</b>`,
  `<b title='>' onclick='§X'>quoted gt, single quotes</b>`,
  `<b title='>' style='color:red'>quoted gt, single quotes, style</b>`,
  `<b title="a'>'" onclick=§X>a single quote inside double quotes</b>`,
  `<b title=">\n>\n" onclick="§X\n" style="color:\nred">newlines inside quoted values</b>`,
  `<b title=">"\nonclick\n=\n§X\nstyle\n=\ncolor:red>newlines as separators</b>`,
  `<b title=">"onclick=§X>a name right after the closing quote</b>`,
  `<b title='>'style=color:red>a style right after the closing quote</b>`,
  `<b title=&gt; onclick=§X>an entity, unquoted</b>`,
  `<b title="&#62;" style="color:red">a numeric entity</b>`,
  `<b title=a>b onclick=§X>a gt ending an unquoted value</b>`,
  `<b title=\`>\` onclick=§X>backticks do not quote</b>`,
  `<b title=">" ONCLICK="§X" STYLE="color:red">upper case</b>`,
  `<b title=">" OnMouseOver="§X" StYlE="color:red">mixed case</b>`,
  `<b/onclick=§X>a slash as separator</b>`,
  `<b title=">"/onclick=§X/style=color:red>slashes after a quote</b>`,
  `<b\tonclick=§X\fstyle=color:red\ronfocus=§X>tab, form feed, carriage return</b>`,
  `<b =x onclick=§X>an equals sign starting a name</b>`,
  `<b title=">" onclick style>attributes without values</b>`,
  `<b>end tag</b title=">" onclick=§X style=color:red>`,
  `<i>end tag</i/onclick=§X>`,
  `<!x><b title=">" onclick=§X>after a bogus comment</b>`,
  `<?x><b title=">" style=color:red>after a processing instruction</b>`,
  `<!DOCTYPE x "a>b"><b title=">" onclick=§X>after a doctype</b>`,
  `<!-- <b title="--> <i title=">" onclick=§X>after a comment</i> -->`,
  `<!--><b title=">" onclick=§X>after an abrupt comment</b>`,
  `<!-- a --!><b title=">" style=color:red>after --!></b>`,
  `<!-- <!-- nested --><b title=">" onclick=§X>after a nested comment opener</b>`,
  `<b<b title=">" onclick=§X>a less-than sign in a tag name</b>`,
  `<svg><style>svg{}</style><a title=">" style="fill:red">svg</a></svg>`,
  `<math><style>math{}</style><mi title=">" onclick=§X>math</mi></math>`,
  `<svg></p><style><a title="</style><b title='>' onclick=§X>">`,
  `<title><b title="</title><img src=x onerror=§X>">`,
  `<textarea><!--</textarea><img src=x onerror=§X>-->`,
  `<svg><![CDATA[ > <b title="]]><img src=x onerror=§X>">`,
  `<svg><textarea><b title="</textarea>" onclick=§X>svg textarea</b></textarea></svg>`,
  `<noscript><b title="</noscript><img src=x onerror=§X>">`,
  `<xmp><b title="</xmp><img src=x onerror=§X>">`,
  `<script>"<b title='>' onclick=§X>"</script>`,
  `<style>"<b title='>' style=color:red>"</style>`,
  `<SCRIPT/x>§X</SCRIPT/x><STYLE\n>b{}</STYLE\n>`,
  `<b title=">" onclick=§X`,
  `<b title=">" style="color:red`,
  `<b title=">"`,
  `<img src=x title=">" onerror=§X>`,
  `<a href="https://example.com/" title=">" onclick=§X>a link</a>`,
].map((payload, index) => payload.replaceAll('§X', `__anpXss('csp-t${index + 1}')`));

/** An article with `payload` in every rich field and around, and `marker` in the topic so each render can be told apart. */
function markedArticle(payload: string, marker: string): Record<string, unknown> {
  return {
    title: payload,
    url: payload,
    meta: {
      topic: marker,
      summary: payload,
      ai_brief: payload,
      notes: [payload, `${payload} ${payload}`],
      tools: [payload],
      checklist: [payload],
      ai_outline: { [payload]: payload },
      score: { [payload]: 50 },
      entities: [{ name: payload, type: payload }],
      payload: { [payload]: payload },
      [payload]: payload,
    },
    similar_posts: [{ title: payload, url: payload, topic: payload }],
  };
}

const PATHS = ['property', 'attribute', 'script', 'src'];
const TAGS = ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'];

/** JSON text that is safe inside a <script> element parsed as HTML: no '<' at all. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
/** Files are rewritten on every run; the query string keeps a browser from reading an earlier run's copy. */
const RUN = Date.now().toString(36);
const ENGINE = /Firefox\//.test(navigator.userAgent) ? 'firefox' : /Chrome\//.test(navigator.userAgent) ? 'chromium' : 'webkit';

/**
 * Renders `payloads` through every input path into every element, `chunk` at a
 * time, and returns what the page saw. `src` reads files written under
 * test-results/ (one directory per engine, served by the test server).
 */
async function renderThroughEveryPath(name: string, payloads: string[], chunk: number) {
  const violations: string[] = [];
  const hits: string[] = [];
  const missing: string[] = [];
  let metaBoxes = 0;
  for (let start = 0; start < payloads.length; start += chunk) {
    const articles = payloads.slice(start, start + chunk).map((payload, k) => markedArticle(payload, `marker-${start + k}-end`));
    const dir = `csp-src/${ENGINE}/${name}/${start}/`;
    // The script children as a CMS prints them: JSON with every `<` escaped, so no text in it closes the script.
    const scriptChildren = articles.flatMap((article, k) =>
      TAGS.map((tag) => `<${tag} data-index="${k}"><script type="application/json">${scriptSafeJson(article)}</script></${tag}>`),
    );
    await Promise.all([
      ...articles.map((article, k) => writeFile({ path: `../test-results/${dir}${k}.json`, content: JSON.stringify(article) })),
      writeFile({
        path: `../test-results/${dir}script.html`,
        content: `<!doctype html><title>script children</title>${scriptChildren.join('')}`,
      }),
    ]);
    const reply = await ask({ kind: 'paths', articles, paths: PATHS, srcBase: `/test-results/${dir}`, run: RUN }, 60000);
    violations.push(...reply.violations.map((v) => `${v} (payloads ${start}..)`));
    hits.push(...reply.hits!);
    for (const [path, index, tag, text, srcError] of reply.elements!) {
      if (tag !== 'anp-meta-box') continue;
      metaBoxes++;
      // Each meta box shows its own article's topic, so that article really went through this path.
      if (!text.includes(`marker-${start + index}-end`)) missing.push(`${path} #${start + index}: ${text.slice(0, 80)} ${srcError}`.trim());
    }
  }
  return { violations, hits, missing, metaBoxes };
}

describe('strict host page (CSP + Trusted Types)', function () {
  this.timeout(60000);

  before(async () => {
    frame = await openFrame('/test/csp/strict.html');
  });

  after(() => frame.remove());

  it('counts violations (control: a cross-origin image is refused)', async () => {
    const reply = await ask({ kind: 'control' });
    expect(reply.violations.length).to.be.greaterThan(0);
  });

  it('renders the seed from src and a script child with 0 violations', async () => {
    const reply = await ask({ kind: 'static' });
    expect(reply.violations).to.deep.equal([]);
    expect(reply.hits).to.deep.equal([]);
    const text = (tag: string) => reply.texts!.filter(([name]) => name === tag).map(([, t]) => t);
    expect(text('anp-meta-box')[0]).to.include('tracking data quality signals / python services');
    expect(text('anp-meta-box')[1]).to.include('from a script child');
    expect(text('anp-checklist')[0]).to.include('review query plans');
    expect(text('anp-score-bars')[0]).to.include('quality');
    expect(text('anp-similar-posts')[0]).to.include('No similar posts yet.');
    // Say in the log which engines enforced Trusted Types on this run.
    console.log(
      `csp: trusted types ${reply.trustedTypes ? (reply.enforced ? 'enforced' : 'present, not enforced') : 'not supported'} in ${navigator.userAgent}`,
    );
    if (reply.trustedTypes) expect(reply.enforced, 'the page refuses string HTML').to.equal(true);
  });

  it('renders the seed by property and attribute, every element, with 0 violations', async () => {
    const reply = await ask({ kind: 'render', articles: [seedArticle()] });
    expect(reply.violations).to.deep.equal([]);
    expect(reply.rendered).to.equal(5);
  });

  it('loads the label packs file through the anp policy for a German page, with 0 violations', async () => {
    const reply = await ask({ kind: 'locale', article: seedArticle() });
    expect(reply.violations).to.deep.equal([]);
    expect(reply.errors).to.deep.equal([]);
    // `rendered`: how many times the page loaded the file as a script.
    expect(reply.rendered).to.equal(1);
    const text = (tag: string) => reply.texts!.find(([name]) => name === tag)![1];
    expect(text('anp-meta-box')).to.include('Artikeldetails');
    expect(text('anp-meta-box')).not.to.include('article details');
    expect(text('anp-checklist')).to.include('0 von 5 erledigt');
    expect(text('anp-score-bars')).to.include('Qualität');
    expect(text('anp-similar-posts')).to.include('Noch keine ähnlichen Beiträge.');
  });

  describe('<anp-article jsonld>', () => {
    it('writes the JSON-LD script through the anp policy, for the seed and hostile strings, with 0 violations', async () => {
      const hostile = { title: '</script><img src=x onerror="__anpXss(\'jsonld\')">', meta: { stack: ['<!--', 'a\u2028b'] } };
      const reply = await ask({ kind: 'jsonld', articles: [seedArticle(), hostile] });
      expect(reply.violations).to.deep.equal([]);
      expect(reply.hits).to.deep.equal([]);
      expect(reply.errors).to.deep.equal([]);
      expect(reply.codes).to.deep.equal([]);
      const [seed, bad] = reply.texts!.map(([, text]) => text);
      expect(JSON.parse(seed)).to.include({ '@type': 'Article', identifier: 'alphanode-002918', timeRequired: 'PT5M' });
      expect(bad).to.not.include('<');
      expect(JSON.parse(bad)).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: hostile.title,
        keywords: hostile.meta.stack,
      });
    });

    it('on a page whose CSP does not allow the anp policy: no script, an anp-error, nothing thrown', async () => {
      const page = await openFrame('/test/csp/no-anp-policy.html');
      const reply = await ask({ kind: 'jsonld', articles: [seedArticle()] }, 15000, page).finally(() => page.remove());
      expect(reply.errors).to.deep.equal([]);
      if (!('trustedTypes' in window)) {
        console.log(`csp: no Trusted Types in ${navigator.userAgent}; the script is written as a string`);
        expect(reply.codes).to.deep.equal([]);
        return;
      }
      expect(reply.texts).to.deep.equal([['anp-article', '0 scripts']]);
      expect(reply.codes).to.deep.equal(['jsonld-refused']);
      // The refused policy and the refused string are the page's own reports, as its CSP asks.
      expect(reply.violations.length).to.be.greaterThan(0);
    });
  });

  describe('the classic script loaded a second time', () => {
    it('control: the page refuses a second "lit-html" policy where it has Trusted Types', async () => {
      const reply = await ask({ kind: 'duplicate-policy' });
      if (!reply.trustedTypes) {
        console.log(`csp: no Trusted Types in ${navigator.userAgent}; the duplicate-policy control has nothing to refuse`);
        expect(reply.threw).to.equal(false);
        return;
      }
      expect(reply.threw, 'createPolicy threw').to.equal(true);
      expect(reply.violations.length, 'a violation was reported').to.be.greaterThan(0);
    });

    it('throws nothing, reports no violation, warns once, and the first copy keeps working', async () => {
      // test/csp/twice.html: two <script src> tags of the classic script, Trusted Types enforced.
      const twice = await openFrame('/test/csp/twice.html');
      const reply = await ask({ kind: 'twice' }, 15000, twice).finally(() => twice.remove());
      expect(reply.errors).to.deep.equal([]);
      expect(reply.violations).to.deep.equal([]);
      expect(reply.warnings).to.have.length(1);
      expect(reply.warnings![0]).to.match(/^anp-components: .*more than once/);
      expect(reply.texts![0][1]).to.include('after the second copy');
    });
  });

  it('renders hostile articles with 0 violations and 0 executions', async () => {
    const articles = hostileArticles();
    const reply = await ask({ kind: 'render', articles });
    expect(reply.violations).to.deep.equal([]);
    expect(reply.hits).to.deep.equal([]);
    expect(reply.rendered).to.equal(articles.length * 5);
  });

  describe('markup only a tokenizer reads right (issue 11, item 6)', () => {
    it(`${TOKENIZER_PAYLOADS.length} payloads through property, context, attribute, script child and src: 0 violations, 0 executions`, async () => {
      const seen = await renderThroughEveryPath('tokenizer', TOKENIZER_PAYLOADS, 12);
      console.log(
        `csp: tokenizer payloads in ${ENGINE}: ${seen.violations.length} violations, ${seen.hits.length} executions, ${seen.metaBoxes} meta boxes`,
      );
      expect(seen.violations).to.deep.equal([]);
      expect(seen.hits).to.deep.equal([]);
      expect(seen.missing).to.deep.equal([]);
      // property, context, attribute, script and src: five meta boxes per payload.
      expect(seen.metaBoxes).to.equal(TOKENIZER_PAYLOADS.length * 5);
    });

    it(`the whole XSS corpus (${XSS_PAYLOADS.length} payloads) through every path: 0 violations, 0 executions`, async function () {
      this.timeout(600000);
      const payloads = XSS_PAYLOADS.map((p) => p.payload);
      const seen = await renderThroughEveryPath('corpus', payloads, 20);
      console.log(
        `csp: XSS corpus in ${ENGINE}: ${seen.violations.length} violations, ${seen.hits.length} executions, ${seen.metaBoxes} meta boxes`,
      );
      expect(seen.violations).to.deep.equal([]);
      expect(seen.hits).to.deep.equal([]);
      expect(seen.missing).to.deep.equal([]);
      expect(seen.metaBoxes).to.equal(payloads.length * 5);
    });
  });
});
