/**
 * A strict host page: every element renders the seed and hostile articles in
 * an iframe served with STRICT_CSP (see web-test-runner.config.mjs), with 0
 * securitypolicyviolation events, in each engine. Trusted Types are enforced
 * where the engine has them; the suite says which.
 */
import { expect } from '@open-wc/testing';
import { seedArticle } from './helpers.js';

interface Reply {
  id: string;
  violations: string[];
  hits?: string[];
  rendered?: number;
  trustedTypes?: boolean;
  enforced?: boolean;
  texts?: [string, string][];
  threw?: boolean;
  errors?: string[];
  warnings?: string[];
}

let frame: HTMLIFrameElement;

/** An iframe on a page under /test/csp/ (served with STRICT_CSP), once its driver is ready. */
async function openFrame(src: string): Promise<HTMLIFrameElement> {
  const opened = document.createElement('iframe');
  const ready = new Promise<void>((resolve) => {
    window.addEventListener('message', function listen(event: MessageEvent<Reply>) {
      if (event.source === opened.contentWindow && event.data?.id === 'ready') {
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
});
