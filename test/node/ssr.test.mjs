// anp-components/ssr (src/ssr/): elements and whole articles rendered on Node
// with declarative shadow DOM, sanitized by DOMPurify on jsdom.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { renderArticle, renderElement, SSR_ELEMENTS } from '../../dist/ssr/index.js';
import { parseFragment, queryDeep, seedValues, visibleText } from './ssr-read.mjs';

const seedText = readFileSync(new URL('../fixtures/seed-article.json', import.meta.url), 'utf8');
const seed = JSON.parse(seedText);

/** The article's JSON as the fragment carries it (its one script child). */
function embeddedJson(body) {
  const scripts = body.querySelectorAll('script');
  assert.equal(scripts.length, 1, 'one script: the article JSON');
  assert.equal(scripts[0].getAttribute('type'), 'application/json');
  return JSON.parse(scripts[0].textContent);
}

describe('renderElement', () => {
  for (const name of SSR_ELEMENTS) {
    test(`<anp-${name}>: a declarative shadow root and the article as a JSON script child`, async () => {
      const { html, errors } = await renderElement(name, seedText);
      assert.deepEqual(errors, []);
      assert.match(html, new RegExp(`^<anp-${name} lang="en"><template shadowrootmode="open"><style>`));
      assert.ok(html.endsWith(`</anp-${name}>`));
      const body = parseFragment(html);
      assert.equal(body.children.length, 1);
      assert.deepEqual(embeddedJson(body), seed);
      assert.ok(queryDeep(body, '[part~="base"]').length === 1, 'the card');
    });
  }

  test('<anp-meta-box>: every seed meta value appears as text, labels apart from values, lists as lists', async () => {
    const body = parseFragment((await renderElement('meta-box', seed)).html);
    const text = visibleText(body);
    const values = seedValues(seed);
    assert.ok(values.length > 40, `seed values found: ${values.length}`);
    for (const value of values) assert.ok(text.includes(value), `missing: ${value}`);
    assert.equal(queryDeep(body, 'dl[part="list"] > div > dt').length, queryDeep(body, 'dl[part="list"] > div > dd').length);
    const tools = queryDeep(body, '[part~="field-tools"] li');
    assert.deepEqual(
      tools.map((li) => li.textContent),
      seed.meta.tools,
    );
    const meters = queryDeep(body, 'meter');
    assert.deepEqual(
      meters.map((meter) => meter.getAttribute('value')),
      ['78', '67', '86', '87'],
    );
  });

  test('<anp-checklist>: each item a checkbox labelled by its text', async () => {
    const body = parseFragment((await renderElement('checklist', seed)).html);
    const labels = queryDeep(body, 'label[part="row"]');
    assert.deepEqual(
      labels.map((label) => label.querySelector('[part="label"]').textContent),
      seed.meta.checklist,
    );
    for (const label of labels) assert.equal(label.querySelector('input').type, 'checkbox');
  });

  test('<anp-similar-posts>: links for posts, the empty state for none', async () => {
    const posts = [{ title: 'one', url: '/one', topic: 'python', reading_time: 6 }, { title: 'two' }];
    const body = parseFragment((await renderElement('similar-posts', { ...seed, similar_posts: posts })).html);
    assert.deepEqual(
      queryDeep(body, 'a[part="link"]').map((a) => [a.textContent, a.getAttribute('href')]),
      [['one', '/one']],
    );
    assert.match(visibleText(body), /one python · 6 min two/);
    const empty = parseFragment((await renderElement('similar-posts', seed)).html);
    assert.equal(queryDeep(empty, '[part="empty"]').length, 1);
  });

  test('an unknown element name is a TypeError naming the known ones', async () => {
    await assert.rejects(renderElement('meta', seed), /unknown element 'meta': one of meta-box, score-bars, checklist, similar-posts/);
  });
});

describe('renderArticle', () => {
  test('<anp-article> holding every element: every seed value once, the meta box leaving out what its siblings show', async () => {
    const { html, errors } = await renderArticle(seedText);
    assert.deepEqual(errors, []);
    const body = parseFragment(html);
    const article = body.firstElementChild;
    assert.equal(article.localName, 'anp-article');
    assert.deepEqual(
      [...article.children].map((child) => child.localName),
      ['template', 'script', 'anp-meta-box', 'anp-score-bars', 'anp-checklist', 'anp-similar-posts'],
    );
    assert.equal(article.firstElementChild.content.querySelectorAll('slot').length, 1, 'the provider slots its elements');
    const text = visibleText(body);
    for (const value of seedValues(seed)) assert.ok(text.includes(value), `missing: ${value}`);
    const box = article.querySelector('anp-meta-box > template').content;
    assert.equal(box.querySelector('[part~="field-score"]'), null, 'scores are the score bars’');
    assert.equal(box.querySelector('[part~="field-checklist"]'), null, 'the checklist is the checklist’s');
    assert.ok(box.querySelector('[part~="field-tools"]'));
  });

  test('--elements: only those, and the meta box keeps what no sibling shows', async () => {
    const body = parseFragment((await renderArticle(seed, { elements: ['meta-box', 'score-bars'] })).html);
    assert.deepEqual(
      [...body.firstElementChild.children].map((child) => child.localName),
      ['template', 'script', 'anp-meta-box', 'anp-score-bars'],
    );
    const box = body.querySelector('anp-meta-box > template').content;
    assert.equal(box.querySelector('[part~="field-score"]'), null);
    assert.ok(box.querySelector('[part~="field-checklist"] li'));
  });

  test('lang: numbers, dates and built-in words in that language', async () => {
    const body = parseFragment((await renderElement('meta-box', seed, { lang: 'de' })).html);
    assert.equal(body.firstElementChild.getAttribute('lang'), 'de');
    const text = visibleText(body);
    assert.ok(text.includes('513.976'), text.slice(0, 200));
    assert.ok(!text.includes('513,976'));
  });
});

describe('hostile input, sanitized as in the browser', () => {
  const hostile = {
    title: 'x',
    meta: {
      summary: 'hi <img src=x onerror=alert(1)> <b>bold</b> <a href="javascript:alert(1)">j</a> <a href="https://ok.example/">ok</a>',
      topic: '<b>not bold</b>',
      notes: ['</script><script>alert(2)</script><!--/lit-part-->'],
    },
    similar_posts: [
      { title: 'evil', url: ' JaVaScRiPt:alert(1)' },
      { title: 'fine', url: 'https://example.com/' },
    ],
  };

  test('markup: handlers and javascript: links gone, allowed tags kept, text stays text, each problem reported', async () => {
    const { html, errors } = await renderArticle(hostile, { elements: ['meta-box', 'similar-posts'] });
    const body = parseFragment(html);
    const markup = html.replace(/<script type="application\/json">.*?<\/script>/s, '');
    assert.doesNotMatch(markup, /onerror|javascript:|<img|alert/i);
    const summary = body.querySelector('anp-meta-box > template').content.querySelector('[part~="field-summary"] dd');
    assert.equal(
      summary.innerHTML,
      'hi  <b>bold</b> <a rel="noopener noreferrer nofollow ugc">j</a> <a href="https://ok.example/" rel="noopener noreferrer nofollow ugc">ok</a>',
    );
    const topic = body.querySelector('anp-meta-box > template').content.querySelector('[part~="field-topic"] dd');
    assert.equal(topic.textContent, '<b>not bold</b>');
    assert.equal(topic.children.length, 0);
    const links = queryDeep(body, 'a[part="link"]');
    assert.deepEqual(
      links.map((a) => a.getAttribute('href')),
      ['https://example.com/'],
    );
    assert.deepEqual(
      errors.map((error) => [error.path, error.code]),
      [
        ['/meta/summary', 'markup-removed'],
        ['/meta/notes/0', 'markup-removed'],
        ['/similar_posts/0/url', 'url-refused'],
      ],
    );
  });

  test('the JSON script cannot be closed or commented by a value: one script, and it parses back to the input', async () => {
    const { html } = await renderArticle(hostile);
    assert.equal(html.match(/<script/g).length, 1);
    assert.doesNotMatch(html.slice(html.indexOf('<script')), /<\/script><script|<!--\/lit-part-->.*<\/script>/);
    assert.deepEqual(embeddedJson(parseFragment(html)), hostile);
  });
});
