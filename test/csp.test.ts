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
}

let frame: HTMLIFrameElement;
let counter = 0;

function ask(message: Record<string, unknown>, ms = 15000): Promise<Reply> {
  const id = `m${++counter}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${String(message.kind)} within ${ms} ms`)), ms);
    const listen = (event: MessageEvent<Reply>) => {
      if (event.source !== frame.contentWindow || event.data?.id !== id) return;
      clearTimeout(timer);
      window.removeEventListener('message', listen);
      resolve(event.data);
    };
    window.addEventListener('message', listen);
    frame.contentWindow!.postMessage({ ...message, id }, location.origin);
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
    frame = document.createElement('iframe');
    const ready = new Promise<void>((resolve) => {
      window.addEventListener('message', function listen(event: MessageEvent<Reply>) {
        if (event.source === frame.contentWindow && event.data?.id === 'ready') {
          window.removeEventListener('message', listen);
          resolve();
        }
      });
    });
    frame.src = '/test/csp/strict.html';
    frame.style.width = '800px';
    frame.style.height = '600px';
    document.body.append(frame);
    await ready;
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

  it('renders hostile articles with 0 violations and 0 executions', async () => {
    const articles = hostileArticles();
    const reply = await ask({ kind: 'render', articles });
    expect(reply.violations).to.deep.equal([]);
    expect(reply.hits).to.deep.equal([]);
    expect(reply.rendered).to.equal(articles.length * 5);
  });
});
