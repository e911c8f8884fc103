/**
 * JSON-LD (issue 13, item 4): `toJsonLd` and `jsonLdText` on the seed and on
 * hostile strings, the `jsonld` attribute of `<anp-article>`, and the output
 * checked against schema.org's Article (test/shared/schema-org-article.ts
 * says which properties and types, and from which pages).
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { normalizeArticle, toJsonLd, jsonLdText, type AnpArticle, type Article, type JsonLdNode } from '../src/index.js';
import { isoDuration } from '../src/core/json-ld.js';
import { loadSanitizer } from '../src/core/sanitize.js';
import { attach, collectErrors, seedArticle, tick } from './helpers.js';
import { ARTICLE_PROPERTIES, articleProblems } from './shared/schema-org-article.js';

before(() => loadSanitizer());

const SCRIPT = 'script[type="application/ld+json"]';

const normalized = (input: unknown): Article => normalizeArticle(input).value;

/** The JSON-LD script children of an element (light DOM). */
const jsonLdScripts = (el: Element): HTMLScriptElement[] =>
  Array.from(el.children).filter((child) => child.matches(SCRIPT)) as HTMLScriptElement[];

async function articleElement(setup: (el: AnpArticle) => void): Promise<AnpArticle> {
  const el = document.createElement('anp-article');
  setup(el);
  attach(el);
  await el.updateComplete;
  return el;
}

/** The one JSON-LD script of `el`, parsed. */
function parsedScript(el: Element): unknown {
  const scripts = jsonLdScripts(el);
  expect(scripts, 'one JSON-LD script child').to.have.length(1);
  return JSON.parse(scripts[0].textContent!);
}

/** Strings that would end the script, open a comment, end a CDATA section or break a line, in every field that is text. */
const HOSTILE = {
  close: '</script><img src=x onerror="window.__anpJsonLdHit=1">',
  upper: '</SCRIPT ><svg onload="window.__anpJsonLdHit=2">',
  comment: '<!-- <script>',
  cdata: ']]> & &amp; done',
  lines: 'line\u2028separator\u2029paragraph',
};

function hostileArticle(): Record<string, unknown> {
  return {
    id: HOSTILE.cdata,
    title: HOSTILE.close,
    url: 'javascript:window.__anpJsonLdHit=3',
    meta: {
      summary: `${HOSTILE.upper} ${HOSTILE.comment}`,
      stack: [HOSTILE.close, HOSTILE.lines],
      tools: [HOSTILE.comment, HOSTILE.cdata],
      entities: [{ name: HOSTILE.close, type: HOSTILE.comment }],
      reading_time: 3,
      view_count: 7,
      revision: { last_reviewed: '2024-02-29' },
    },
  };
}

describe('toJsonLd', () => {
  it('writes each property of the seed from its field', () => {
    const seed = seedArticle();
    const data = toJsonLd(normalized(seed));
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('Article');
    expect(data.headline).to.equal(seed.title);
    expect(data.identifier).to.equal(seed.id);
    // Relative in the JSON; the URL policy resolves it against the page.
    expect(data.url).to.equal(new URL(seed.url, document.baseURI).href);
    expect(data.description).to.equal(seed.meta.summary);
    expect(data.keywords).to.deep.equal([...seed.meta.stack, ...seed.meta.tools]);
    expect(data.timeRequired).to.equal('PT5M');
    expect(data.dateModified).to.equal('2021-10-10');
    expect(data.interactionStatistic).to.deep.equal({
      '@type': 'InteractionCounter',
      interactionType: { '@type': 'ViewAction' },
      userInteractionCount: 513976,
    });
    // The seed's entity types (stack, area, problem) name no schema.org type: Things, typed by additionalType.
    expect(data.about).to.deep.equal(
      seed.meta.entities.map((entity: { name: string; type: string }) => ({
        '@type': 'Thing',
        name: entity.name,
        additionalType: entity.type,
      })),
    );
    expect(Object.keys(data)).to.have.members([
      '@context',
      '@type',
      'headline',
      'identifier',
      'url',
      'description',
      'keywords',
      'about',
      'timeRequired',
      'dateModified',
      'interactionStatistic',
    ]);
  });

  it('writes only the properties that have values', () => {
    expect(toJsonLd(normalized({ title: 'Only a title' }))).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Only a title',
    });
    expect(toJsonLd(normalized({ meta: { stack: [], tools: [' '], entities: [], summary: '   ' } }))).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Article',
    });
    // Broken input is the empty article: nothing to say.
    expect(toJsonLd(normalized('{ not json'))).to.deep.equal({ '@context': 'https://schema.org', '@type': 'Article' });
  });

  it('turns minutes into ISO 8601 durations', () => {
    expect([0, 1, 5, 59, 60, 90, 2.5, 0.25, 125.5].map(isoDuration)).to.deep.equal([
      'PT0M',
      'PT1M',
      'PT5M',
      'PT59M',
      'PT1H',
      'PT1H30M',
      'PT2M30S',
      'PT15S',
      'PT2H5M30S',
    ]);
    // A CMS's " 5 " is the number 5 (SPEC section 1).
    expect(toJsonLd(normalized({ meta: { reading_time: ' 5 ' } })).timeRequired).to.equal('PT5M');
  });

  it('lists stack and tools as keywords, each once', () => {
    const data = toJsonLd(normalized({ meta: { stack: ['python', 'backend'], tools: ['pytest', 'python', ' git '] } }));
    expect(data.keywords).to.deep.equal(['python', 'backend', 'pytest', 'git']);
  });

  it('types an entity by the schema.org type its type names, else keeps the type as additionalType', () => {
    const entities = [
      { name: 'Ada Lovelace', type: 'person' },
      { name: 'ACME', type: 'Organisation' },
      { name: 'Python', type: 'programming language' },
      { name: 'uvicorn', type: 'SoftwareApplication' },
      { name: 'an area', type: 'area' },
      { name: 'no type' },
      { name: 'inherited', type: 'constructor' },
    ];
    expect(toJsonLd(normalized({ meta: { entities } })).about).to.deep.equal([
      { '@type': 'Person', name: 'Ada Lovelace' },
      { '@type': 'Organization', name: 'ACME' },
      { '@type': 'ComputerLanguage', name: 'Python' },
      { '@type': 'SoftwareApplication', name: 'uvicorn' },
      { '@type': 'Thing', name: 'an area', additionalType: 'area' },
      { '@type': 'Thing', name: 'no type' },
      { '@type': 'Thing', name: 'inherited', additionalType: 'constructor' },
    ]);
  });

  it('writes the summary as plain text, without markup', () => {
    const summary = 'Use <b>care</b> &amp; <a href="https://example.com/" title="a > b">measure</a><br>then <script>x()</script>ship';
    const article = normalized({ meta: { summary } });
    // The sanitizer is in (before()): the summary became sanitized HTML, and the JSON-LD reads its text.
    expect(article.meta.fields![0].value).to.have.property('kind', 'html');
    expect(toJsonLd(article).description).to.equal('Use care & measure then ship');
    // Engines that serialize a `>` in an attribute value unescaped (older ones) must not cut the tag there.
    const html = '<a href="/x" title="a>b">link</a>&nbsp;&amp;lt; <b>more</b>';
    const built = {
      meta: { fields: [{ kind: 'rich', key: 'summary', label: 'summary', value: { kind: 'html', html }, more: 0 }], more: {} },
    };
    expect(toJsonLd(built as unknown as Article).description).to.equal('link &lt; more');
  });

  it('leaves out a URL the URL policy refuses, even in an article built by hand', () => {
    expect(toJsonLd(normalized({ title: 't', url: 'javascript:alert(1)' }))).to.not.have.property('url');
    const forged = { title: 't', url: ' JaVaScRiPt:alert(1)', meta: { fields: [], more: {} } } as unknown as Article;
    expect(toJsonLd(forged)).to.not.have.property('url');
    expect(toJsonLd(normalized({ title: 't', url: 'https://example.com/a?b=1' })).url).to.equal('https://example.com/a?b=1');
  });

  it('resolves a relative URL against options.base (a server has no page)', () => {
    // As normalizeArticle leaves a relative URL without a document (core/url.ts).
    const asOnAServer = { url: '/posts/42', meta: { fields: [], more: {} } } as unknown as Article;
    expect(toJsonLd(asOnAServer, { base: 'https://example.com/blog/' }).url).to.equal('https://example.com/posts/42');
    expect(toJsonLd(asOnAServer, { base: 'https://example.com/' }).url).to.equal('https://example.com/posts/42');
    const refused = { url: 'javascript:alert(1)', meta: { fields: [], more: {} } } as unknown as Article;
    expect(toJsonLd(refused, { base: 'https://example.com/' })).to.not.have.property('url');
  });

  it('escapes hostile strings so that no value can close the script, and parses back to the same object', () => {
    const data = toJsonLd(normalized(hostileArticle()));
    expect(data.headline).to.equal(HOSTILE.close);
    expect(data.identifier).to.equal(HOSTILE.cdata);
    expect(data).to.not.have.property('url');
    expect(data.keywords).to.deep.equal([HOSTILE.close, HOSTILE.lines, HOSTILE.comment, HOSTILE.cdata]);
    const text = jsonLdText(data);
    for (const character of ['<', '>', '&', '\u2028', '\u2029']) expect(text, `raw ${JSON.stringify(character)}`).to.not.include(character);
    expect(text).to.include('\\u003c/script\\u003e').and.include('\\u2028').and.include('\\u0026');
    expect(JSON.parse(text)).to.deep.equal(data);
  });

  it('gives text that an HTML parser keeps inside one script element', () => {
    const text = jsonLdText(toJsonLd(normalized(hostileArticle())));
    const parsed = new DOMParser().parseFromString(`<script type="application/ld+json">${text}</script><p>after</p>`, 'text/html');
    const scripts = parsed.querySelectorAll('script');
    expect(scripts).to.have.length(1);
    expect(scripts[0].textContent).to.equal(text);
    expect(Array.from(parsed.body.children).map((node) => node.localName)).to.deep.equal(['p']);
    // The control: the same values unescaped end the script early.
    const raw = JSON.stringify(toJsonLd(normalized(hostileArticle())));
    const broken = new DOMParser().parseFromString(`<script type="application/ld+json">${raw}</script><p>after</p>`, 'text/html');
    expect(broken.querySelectorAll('img, svg').length).to.be.greaterThan(0);
  });
});

describe('<anp-article jsonld>', () => {
  afterEach(() => {
    delete (window as { __anpJsonLdHit?: unknown }).__anpJsonLdHit;
  });

  it('writes no script without the attribute', async () => {
    const el = await articleElement((el) => (el.article = seedArticle()));
    await tick(20);
    expect(el.querySelectorAll('script')).to.have.length(0);
    expect(document.querySelector(SCRIPT)).to.equal(null);
  });

  it('writes the seed as a light-DOM child script equal to toJsonLd', async () => {
    const el = await articleElement((el) => {
      el.setAttribute('jsonld', '');
      el.article = seedArticle();
    });
    const script = jsonLdScripts(el)[0];
    expect(script.parentNode).to.equal(el);
    expect(script.type).to.equal('application/ld+json');
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    expect(parsedScript(el)).to.deep.equal(toJsonLd(normalized(seedArticle())));
    expect(articleProblems(parsedScript(el))).to.deep.equal([]);
  });

  it('reads an article from its other inputs too (a JSON script child)', async () => {
    const el = await articleElement((el) => {
      el.jsonld = true;
      const json = document.createElement('script');
      json.type = 'application/json';
      json.textContent = JSON.stringify(seedArticle());
      el.append(json);
    });
    expect(el.children).to.have.length(2);
    expect((parsedScript(el) as JsonLdNode).headline).to.equal(seedArticle().title);
  });

  it('adds and removes the script with the attribute', async () => {
    const el = await articleElement((el) => (el.article = seedArticle()));
    expect(jsonLdScripts(el)).to.have.length(0);
    el.setAttribute('jsonld', '');
    await el.updateComplete;
    expect(el.jsonld).to.equal(true);
    expect(jsonLdScripts(el)).to.have.length(1);
    el.removeAttribute('jsonld');
    await el.updateComplete;
    expect(jsonLdScripts(el)).to.have.length(0);
    el.jsonld = true;
    await el.updateComplete;
    expect(jsonLdScripts(el)).to.have.length(1);
  });

  it('rewrites the script when the article changes, and removes it when there is no article', async () => {
    const el = await articleElement((el) => {
      el.jsonld = true;
      el.article = seedArticle();
    });
    const script = jsonLdScripts(el)[0];
    el.article = { title: 'Another article', meta: { reading_time: 90 } };
    await el.updateComplete;
    expect(jsonLdScripts(el)).to.deep.equal([script]);
    expect(parsedScript(el)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Another article',
      timeRequired: 'PT1H30M',
    });
    el.article = undefined;
    await el.updateComplete;
    expect(jsonLdScripts(el)).to.have.length(0);
    // Invalid JSON leaves an empty article: nothing to write, and the usual anp-error.
    const errors = collectErrors(el);
    el.article = '{ not json';
    await el.updateComplete;
    expect(jsonLdScripts(el)).to.have.length(0);
    expect(errors).to.have.length(1);
  });

  it('does not touch the script when equal data is set again', async () => {
    const el = await articleElement((el) => {
      el.jsonld = true;
      el.article = seedArticle();
    });
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    el.article = seedArticle();
    await el.updateComplete;
    await tick();
    observer.disconnect();
    expect(changes).to.have.length(0);
    expect(jsonLdScripts(el)).to.have.length(1);
  });

  it('keeps hostile strings inside the script: no new element, no `</`, the same object', async () => {
    const before = new Set(document.querySelectorAll('*'));
    const errors: unknown[] = [];
    const el = await articleElement((el) => {
      el.addEventListener('anp-error', (event) => errors.push(event));
      el.jsonld = true;
      el.article = hostileArticle();
    });
    await tick(50);
    const added = Array.from(document.querySelectorAll('*')).filter((node) => !before.has(node));
    expect(added.map((node) => node.localName)).to.deep.equal(['anp-article', 'script']);
    expect(document.querySelectorAll('img, svg')).to.have.length(0);
    expect((window as { __anpJsonLdHit?: unknown }).__anpJsonLdHit).to.equal(undefined);
    const text = jsonLdScripts(el)[0].textContent!;
    expect(text).to.not.include('</');
    expect(text).to.not.include('<!--');
    expect(JSON.parse(text)).to.deep.equal(toJsonLd(normalized(hostileArticle())));
    // The refused URL is reported, as everywhere.
    expect(errors).to.have.length(1);
  });
});

describe('toJsonLd as a schema.org Article', () => {
  it('lists only properties schema.org defines on Article, from CreativeWork or Thing', () => {
    expect(Object.values(ARTICLE_PROPERTIES).map((property) => property.definedOn)).to.satisfy((owners: string[]) =>
      owners.every((owner) => ['Article', 'CreativeWork', 'Thing'].includes(owner)),
    );
  });

  it('has the expected type for every property, on the seed and on a fuller article', () => {
    expect(articleProblems(toJsonLd(normalized(seedArticle())))).to.deep.equal([]);
    const fuller = {
      id: '42',
      title: 'A fuller article',
      url: 'https://example.com/posts/42',
      meta: {
        summary: 'With <em>markup</em>.',
        stack: ['rust'],
        tools: ['cargo'],
        entities: [
          { name: 'Ferris', type: 'person' },
          { name: 'Mozilla', type: 'organization' },
          { name: 'Rust', type: 'programming_language' },
          { name: 'Berlin', type: 'place' },
          { name: 'RustConf', type: 'event' },
          { name: 'cargo', type: 'tool' },
          { name: 'a widget', type: 'product' },
          { name: 'memory safety', type: 'concept' },
        ],
        reading_time: 12.5,
        view_count: '0',
        revision: { last_reviewed: '2025-06-01T10:30:00Z' },
      },
    };
    const data = toJsonLd(normalized(fuller));
    expect(Object.keys(data)).to.have.length(11);
    expect(articleProblems(data)).to.deep.equal([]);
    expect(articleProblems(toJsonLd(normalized(hostileArticle())))).to.deep.equal([]);
  });

  it('reports what is not an Article (the checker can fail)', () => {
    const wrong = {
      '@context': 'http://schema.org/',
      '@type': 'BlogPost',
      headline: '',
      readingTime: 'PT5M',
      timeRequired: '5 min',
      dateModified: '2021-02-30',
      keywords: [],
      url: 'javascript:alert(1)',
      about: ['python', { '@type': 'Person', name: 'x', email: 'x@example.com' }, { '@type': 'NotAType', name: 'en' }],
      interactionStatistic: { '@type': 'InteractionCounter', interactionType: 'ViewAction', userInteractionCount: 1.5 },
    };
    expect(articleProblems(wrong)).to.deep.equal([
      '/@context: expected "https://schema.org"',
      '/@type: expected "Article"',
      '/headline: "" is not Text',
      '/readingTime: not a property schema.org defines on Article (or not listed here)',
      '/timeRequired: "5 min" is not Duration',
      '/dateModified: "2021-02-30" is not Date or DateTime',
      '/keywords: an empty list (leave the property out)',
      '/url: "javascript:alert(1)" is not URL',
      '/about/0: "python" is not Thing',
      '/about/1/email: not a property this checker knows on Thing',
      '/about/2: {"@type":"NotAType","name":"en"} is not Thing',
      '/interactionStatistic/interactionType: expected { "@type": ReadAction | ViewAction }',
      '/interactionStatistic/userInteractionCount: expected an Integer ≥ 0',
    ]);
  });
});
