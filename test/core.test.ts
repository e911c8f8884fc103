/**
 * Unit tests of src/core (URL policy, sanitizer, labels and formats,
 * normalization), run in each real browser so that the URL parser, the HTML
 * parser and Intl are the browser's own.
 */
import { expect } from '@open-wc/testing';
import type { Article, Entity, Entry, GenericValue, Meta, MetaField, Normalized, RichText } from '../src/core/article.js';
import {
  canonicalKey,
  DEFAULT_UI_LABELS,
  fieldLabel,
  formatDate,
  formatInteger,
  formatMinutes,
  isIsoDate,
  labelFromKey,
  resolveLocale,
  uiLabel,
} from '../src/core/format.js';
import {
  describeThrown,
  jsonPointer,
  KNOWN_META_KEYS,
  LIMITS,
  META_SCHEMA,
  metaField,
  normalizeArticle,
  parseJson,
} from '../src/core/normalize.js';
import { loadSanitizer, RICH_ALLOWED_ATTRIBUTES, RICH_ALLOWED_TAGS, RICH_LINK_REL, sanitizeRich } from '../src/core/sanitize.js';
import { holdsMarkup, withoutTags } from '../src/core/rich-rules.js';
import { ALLOWED_URL_SCHEMES, judgeUrl, safeHref } from '../src/core/url.js';
import { throwingProxy, wordpressStored } from './helpers.js';

// The sanitizer loads when markup is first met (test/lazy-sanitizer.test.ts); these suites call it directly.
before(() => loadSanitizer());

const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/** What an `<a href>` with this attribute value points to, by the browser's own reckoning. */
function browserHref(raw: string): string {
  const a = document.createElement('a');
  a.setAttribute('href', raw);
  return a.href;
}

// ---------------------------------------------------------------------------
// url.ts
// ---------------------------------------------------------------------------

describe('core/url: judgeUrl and safeHref', () => {
  it('allows exactly http:, https: and mailto:', () => {
    expect([...ALLOWED_URL_SCHEMES].sort()).to.deep.equal([...ALLOWED_PROTOCOLS].sort());
  });

  const accepted: [string, string][] = [
    ['http://example.com/a?b=1#c', 'http://example.com/a?b=1#c'],
    ['https://example.com', 'https://example.com/'],
    ['HTTPS://EXAMPLE.com/Path', 'https://example.com/Path'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['/posts/x', new URL('/posts/x', document.baseURI).href],
    ['x', new URL('x', document.baseURI).href],
    ['//host.example/p', new URL('//host.example/p', document.baseURI).href],
    ['?q=1', new URL('?q=1', document.baseURI).href],
    ['#h', new URL('#h', document.baseURI).href],
    ['  https://example.com/padded  ', 'https://example.com/padded'],
  ];

  for (const [raw, expected] of accepted) {
    it(`accepts ${JSON.stringify(raw)} and returns the browser-resolved href`, () => {
      const verdict = judgeUrl(raw);
      expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
      const href = (verdict as { href: string }).href;
      expect(href).to.equal(expected);
      expect(href).to.equal(browserHref(raw));
      expect(ALLOWED_PROTOCOLS).to.include(new URL(href).protocol);
      expect(safeHref(raw)).to.equal(href);
    });
  }

  const rejected: [string, unknown][] = [
    ['javascript:', 'javascript:alert(1)'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['data:text/html', 'data:text/html,<script>alert(1)</script>'],
    ['data: base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['leading spaces', '  javascript:alert(1)'],
    ['leading control character', '\u0001javascript:alert(1)'],
    ['leading NUL and newline', '\u0000\njavascript:alert(1)'],
    ['tab inside the scheme', 'java\tscript:alert(1)'],
    ['newline inside the scheme', 'java\nscript:alert(1)'],
    ['carriage return inside the scheme', 'java\rscript:alert(1)'],
    ['javascript:// comment trick', 'javascript://%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://example.com/file'],
    ['blob:', 'blob:https://example.com/0f7e6b5e-6a43-4d2b-9f10-5b8d1f1e2a3c'],
    ['tel:', 'tel:+15555550100'],
    ['about:', 'about:blank'],
    ['invalid URL', 'https://'],
    ['port out of range', 'http://example.com:99999/'],
    ['unclosed IPv6 host', 'http://[::1/'],
    ['empty string', ''],
    ['only spaces', '   '],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { href: 'https://example.com/' }],
    ['a URL object', new URL('https://example.com/')],
    ['a String object', new String('https://example.com/')],
    ['an array', ['https://example.com/']],
    ['a symbol', Symbol('https://example.com/')],
  ];

  for (const [what, raw] of rejected) {
    it(`rejects ${what}`, () => {
      const verdict = judgeUrl(raw);
      expect(verdict.ok, `${what}: ${JSON.stringify(verdict)}`).to.equal(false);
      expect((verdict as { reason: string }).reason)
        .to.be.a('string')
        .and.not.equal('');
      expect(safeHref(raw)).to.equal(undefined);
    });
  }

  it('what it rejects as javascript: really is javascript: to the browser (the test inputs are meaningful)', () => {
    for (const raw of [
      'JaVaScRiPt:alert(1)',
      '  javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
    ]) {
      expect(new URL(browserHref(raw)).protocol, JSON.stringify(raw)).to.equal('javascript:');
    }
  });

  it('"javascript\\u0000:" is not a scheme to the URL parser: a harmless relative path', () => {
    const raw = 'javascript\u0000:alert(1)';
    const verdict = judgeUrl(raw);
    if (verdict.ok) {
      expect(['http:', 'https:']).to.include(new URL(verdict.href).protocol);
      expect(verdict.href).to.equal(browserHref(raw));
      expect(verdict.href.toLowerCase().startsWith('javascript:')).to.equal(false);
    } else {
      // Rejecting it is fine too; following it as javascript: is not.
      expect(verdict.reason).to.be.a('string');
    }
    expect(new URL(browserHref(raw)).protocol).not.to.equal('javascript:');
  });

  it('an entity-encoded scheme is not decoded here: a relative path that stays on http(s)', () => {
    const raw = '&#106;avascript:alert(1)';
    const verdict = judgeUrl(raw);
    expect(verdict.ok).to.equal(true);
    const href = (verdict as { href: string }).href;
    expect(['http:', 'https:']).to.include(new URL(href).protocol);
    expect(href).to.equal(browserHref(raw));
    expect(new URL(href).origin).to.equal(new URL(document.baseURI).origin);
  });

  it('a non-breaking space before javascript: is a relative path on http(s), never javascript:', () => {
    const href = safeHref('\u00a0javascript:alert(1)');
    expect(href).to.be.a('string');
    expect(['http:', 'https:']).to.include(new URL(href!).protocol);
  });

  it('without an http(s) document, a relative path that would serialize as //host is not a relative URL', () => {
    // The base used where there is no http(s) document: a server, or a page opened from file:.
    const noDocument = 'https://anp.invalid/';
    for (const raw of ['/.//evil.example/x', '/%2e//evil.example/x', '/./\\evil.example/x', '/%2E/%2e//evil.example/x']) {
      const verdict = judgeUrl(raw, noDocument);
      expect(verdict.ok, JSON.stringify(raw)).to.equal(false);
      expect((verdict as { reason: string }).reason, JSON.stringify(raw)).to.match(/another host/);
    }
    // Plain relative paths keep working there, written as the author wrote them.
    expect(safeHref('/posts/42?x=1#top', noDocument)).to.equal('/posts/42?x=1#top');
    expect(safeHref('./sub/page', noDocument)).to.equal('/sub/page');
    // On an http(s) page the same strings resolve on the page's own origin, and are used that way.
    const href = safeHref('/.//evil.example/x', 'https://example.com/dir/page');
    expect(new URL(href!).origin).to.equal('https://example.com');
  });

  it('resolves against an explicit base', () => {
    expect(safeHref('/x?y#z', 'https://example.com/dir/page')).to.equal('https://example.com/x?y#z');
    expect(safeHref('sub', 'https://example.com/dir/page')).to.equal('https://example.com/dir/sub');
    expect(safeHref('javascript:alert(1)', 'https://example.com/')).to.equal(undefined);
  });

  it('every accepted href, over a list of mixed inputs, is http:, https: or mailto:', () => {
    const inputs = [
      'https://a.example/',
      'http://b.example',
      'mailto:x@y.z',
      '/p',
      'p',
      '../p',
      './p',
      '//c.example',
      '?q',
      '#h',
      'javascript:1',
      'JAVASCRIPT:1',
      ' \t\njavascript:1',
      'jav\u0009ascript:1',
      'data:,x',
      'vbscript:1',
      'file:///x',
      '\u0000javascript:1',
      '&#x6A;avascript:1',
      'javascript&colon;1',
      'https:example.com',
      'http:/example.com',
      'x:y',
      'a+b:c',
      '%6Aavascript:1',
    ];
    for (const raw of inputs) {
      const href = safeHref(raw);
      if (href === undefined) continue;
      expect(ALLOWED_PROTOCOLS, JSON.stringify(raw)).to.include(new URL(href).protocol);
      expect(href, JSON.stringify(raw)).to.equal(browserHref(raw));
    }
    expect(safeHref('x:y')).to.equal(undefined);
    expect(safeHref('a+b:c')).to.equal(undefined);
  });
});

// ---------------------------------------------------------------------------
// sanitize.ts
// ---------------------------------------------------------------------------

/** The sanitized string, whichever kind it came back as. */
function out(rich: RichText): string {
  return rich.kind === 'html' ? rich.html : rich.text;
}

/** Parses sanitized HTML inertly, as the element would see it. */
function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Every element in sanitized output is allowed, with only allowed attributes (plus the rel the sanitizer sets on links). */
function expectOnlyAllowed(html: string, input: string): void {
  const allowedTags = new Set(RICH_ALLOWED_TAGS);
  const allowedAttributes = new Set(RICH_ALLOWED_ATTRIBUTES);
  for (const element of Array.from(parse(html).querySelectorAll('*'))) {
    const tag = element.localName;
    expect(allowedTags.has(tag), `<${tag}> in the output of ${JSON.stringify(input)}: ${html}`).to.equal(true);
    expect(element.namespaceURI, `${tag} is HTML`).to.equal('http://www.w3.org/1999/xhtml');
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === 'rel' && tag === 'a') {
        expect(attribute.value).to.equal(RICH_LINK_REL);
        continue;
      }
      expect(
        allowedAttributes.has(attribute.name),
        `${attribute.name} on <${tag}> in the output of ${JSON.stringify(input)}: ${html}`,
      ).to.equal(true);
      expect(attribute.name.startsWith('on')).to.equal(false);
    }
    if (tag === 'a') {
      expect(element.getAttribute('rel'), `rel of a link in ${html}`).to.equal(RICH_LINK_REL);
      const href = element.getAttribute('href');
      if (href !== null) expect(ALLOWED_PROTOCOLS, href).to.include(new URL(href, document.baseURI).protocol);
    }
  }
}

/** 30+ rich inputs of every sort: plain, allowed markup, forbidden markup, obfuscations, broken markup. */
const RICH_INPUTS: string[] = [
  'plain text without markup',
  'a < b and c > d',
  'AT&amp;T &lt;tag&gt; &#60;script&#62;',
  '<b>bold</b> and <em>em</em> and <code>code()</code>',
  '<strong>strong</strong><i>i</i><u>u</u><s>s</s><small>small</small><mark>mark</mark>',
  '<a href="https://example.com/">a link</a>',
  '<a href="/relative/path">relative</a>',
  '<a href="mailto:x@example.com" title="mail">mail</a>',
  '<a href="javascript:alert(1)">js</a>',
  '<a href="JaVaScRiPt:alert(1)">js case</a>',
  '<a href="&#106;avascript:alert(1)">js entity</a>',
  '<a href="java&#x09;script:alert(1)">js tab entity</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<a href="ftp://example.com/">ftp</a>',
  '<a href="https://example.com/" target="_blank" rel="opener">target</a>',
  '<script>alert(1)</script>after script',
  '<style>body{display:none}</style>after style',
  '<svg><circle r="5"/><script>alert(1)</script></svg>after svg',
  '<math><mi>x</mi><mtext><img src=x onerror=alert(1)></mtext></math>after math',
  '<img src=x onerror="alert(1)">after img',
  '<iframe src="https://example.com/"></iframe>after iframe',
  '<form action="https://example.com/"><input name="q"><button>go</button></form>after form',
  '<b onclick="alert(1)" onmouseover="alert(2)">handlers</b>',
  '<span style="color:red;background:url(javascript:alert(1))">styled</span>',
  '<span class="c" id="i" data-x="1" aria-label="l">attrs</span>',
  '<time datetime="2021-10-10">Oct 10</time> <data value="42">forty-two</data>',
  '<abbr title="HyperText Markup Language">HTML</abbr> <bdo dir="rtl">abc</bdo> <q lang="de">zitat</q>',
  'x<sub>2</sub> y<sup>3</sup> <kbd>Ctrl</kbd>+<kbd>C</kbd> <var>n</var> <samp>out</samp>',
  '<div><p>block</p><ul><li>item</li></ul><h1>head</h1></div>',
  '<table><tr><td>cell</td></tr></table>',
  '<b>unclosed <i>nesting',
  '<a href="https://a.example/">outer <a href="https://b.example/">inner</a></a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<b title="&quot;><img src=x onerror=alert(1)>">quoted</b>',
  '<!-- comment --><b>after comment</b>',
  '<template><script>alert(1)</script></template>tmpl',
  '<object data="x"></object><embed src="x"><video src="x"></video><audio src="x"></audio>',
  '<base href="https://evil.example/"><link rel="stylesheet" href="x"><meta http-equiv="refresh" content="0">',
  '<select><option>opt</option></select><textarea>ta</textarea>',
  '<a href="https://example.com/" onclick="x()" style="color:red">all at once</a><script>1</script>',
  '<span dir="rtl" lang="ar">مرحبا</span><wbr><br>',
  '<del>old</del><ins>new</ins><dfn>term</dfn><cite>cite</cite><bdi>bdi</bdi>',
  '<svg><a href="javascript:alert(1)"><text>svg link</text></a></svg>',
  '<a href=" javascript:alert(1)">leading space</a>',
  '<A HREF="HTTPS://EXAMPLE.COM/UP">upper</A>',
];

describe('core/sanitize: sanitizeRich', () => {
  it('holdsMarkup and withoutTags agree on where a tag can start: "a < b" is text, "<b>" is a tag', () => {
    const cases: [string, boolean, string][] = [
      ['a < b > c', false, 'a < b > c'],
      ['1 <2 and 3> 2', false, '1 <2 and 3> 2'],
      ['<b>bold</b> and <i>it</i>', true, 'bold and it'],
      ['x <!-- c --> y </p> z <?pi?>', true, 'x  y  z '],
      ['a < b <em>c</em> <x', true, 'a < b c <x'],
    ];
    for (const [input, markup, plain] of cases) {
      expect(holdsMarkup(input), input).to.equal(markup);
      expect(withoutTags(input), input).to.equal(plain);
    }
  });

  it('keeps a string without "<" as text, untouched, with nothing removed', () => {
    for (const input of ['plain', 'AT&amp;T &#106; & > " \'', '', '   spaced   ', 'javascript:alert(1)', 'a > b']) {
      const result = sanitizeRich(input);
      expect(result.rich, JSON.stringify(input)).to.deep.equal({ kind: 'text', text: input });
      expect(result.removed).to.deep.equal([]);
    }
  });

  it('keeps allowed inline tags', () => {
    const { rich, removed } = sanitizeRich('<b>bold</b> <em>em</em> <code>x()</code> <strong>s</strong>');
    expect(rich.kind).to.equal('html');
    expect(out(rich)).to.equal('<b>bold</b> <em>em</em> <code>x()</code> <strong>s</strong>');
    expect(removed).to.deep.equal([]);
  });

  it('keeps https links and gives them rel="noopener noreferrer nofollow ugc"', () => {
    const { rich, removed } = sanitizeRich('see <a href="https://example.com/x" title="t">this</a>');
    expect(rich.kind).to.equal('html');
    const a = parse(out(rich)).querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://example.com/x');
    expect(a.getAttribute('title')).to.equal('t');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer nofollow ugc');
    expect(RICH_LINK_REL).to.equal('noopener noreferrer nofollow ugc');
    expect(a.textContent).to.equal('this');
    expect(removed).to.deep.equal([]);
  });

  it('replaces an author rel and drops target', () => {
    const { rich, removed } = sanitizeRich('<a href="https://example.com/" rel="opener" target="_blank">x</a>');
    const a = parse(out(rich)).querySelector('a')!;
    expect(a.getAttribute('rel')).to.equal(RICH_LINK_REL);
    expect(a.hasAttribute('target')).to.equal(false);
    expect(removed).to.include('target');
  });

  it('resolves relative link hrefs through the URL policy', () => {
    const a = parse(out(sanitizeRich('<a href="/posts/x">x</a>').rich)).querySelector('a')!;
    expect(a.getAttribute('href')).to.equal(new URL('/posts/x', document.baseURI).href);
  });

  const removals: [string, string, string, string][] = [
    // [what, input, something that must be gone from the output, what `removed` must name]
    ['script', '<script>alert(1)</script>text', '<script', '<script>'],
    ['style', '<style>*{color:red}</style>text', '<style', '<style>'],
    ['script after text', 'text <script>alert(1)</script>', '<script', '<script>'],
    ['style after text', 'text <style>*{color:red}</style>', '<style', '<style>'],
    ['svg', '<svg><circle r="1"></circle></svg>text', '<svg', '<svg>'],
    ['math', '<math><mi>x</mi></math>text', '<math', '<math>'],
    ['img', '<img src="x" onerror="alert(1)">text', '<img', '<img>'],
    ['iframe', '<iframe src="https://example.com/"></iframe>text', '<iframe', '<iframe>'],
    ['form', '<form action="/x"><input name="a"></form>text', '<form', '<form>'],
    ['onclick', '<b onclick="alert(1)">text</b>', 'onclick', 'onclick'],
    ['onmouseover', '<span onmouseover="alert(1)">text</span>', 'onmouseover', 'onmouseover'],
    ['style attribute', '<em style="color:red">text</em>', 'style', 'style'],
    ['class attribute', '<em class="x">text</em>', 'class', 'class'],
    ['javascript: href', '<a href="javascript:alert(1)">text</a>', 'javascript', 'href'],
    ['javascript: href, entity-encoded', '<a href="&#106;avascript:alert(1)">text</a>', 'avascript', 'href'],
    ['javascript: href, tab inside', '<a href="java&#9;script:alert(1)">text</a>', 'script:', 'href'],
    ['data: href', '<a href="data:text/html,hi">text</a>', 'data:', 'href'],
    ['ftp: href (allowed by DOMPurify, not by the URL policy)', '<a href="ftp://example.com/">text</a>', 'ftp:', 'href'],
    ['tel: href (allowed by DOMPurify, not by the URL policy)', '<a href="tel:+15555550100">text</a>', 'tel:', 'href'],
  ];

  for (const [what, input, gone, named] of removals) {
    it(`removes ${what} and reports it`, () => {
      const { rich, removed } = sanitizeRich(input);
      expect(rich.kind).to.equal('html');
      expect(out(rich).toLowerCase(), out(rich)).not.to.include(gone.toLowerCase());
      expect(parse(out(rich)).textContent).to.include('text');
      expect(removed, JSON.stringify(removed)).to.include(named);
      expectOnlyAllowed(out(rich), input);
    });
  }

  it('a link whose href was removed keeps its text and gets rel', () => {
    const a = parse(out(sanitizeRich('<a href="javascript:alert(1)">x</a>').rich)).querySelector('a')!;
    expect(a.hasAttribute('href')).to.equal(false);
    expect(a.textContent).to.equal('x');
    expect(a.getAttribute('rel')).to.equal(RICH_LINK_REL);
  });

  it('reports each removal once, and nothing when nothing was removed', () => {
    const { removed } = sanitizeRich('<b onclick="a()">1</b><b onclick="b()">2</b><script>x</script><script>y</script>');
    expect([...removed].sort()).to.deep.equal(['<script>', 'onclick']);
    expect(sanitizeRich('<b>fine</b>').removed).to.deep.equal([]);
  });

  it('does not carry removals over from one call to the next', () => {
    sanitizeRich('<script>x</script><b onclick="y()">z</b>');
    expect(sanitizeRich('<i>clean</i>').removed).to.deep.equal([]);
  });

  it(`over ${RICH_INPUTS.length} inputs: only allowed tags and attributes, nothing that runs`, async () => {
    expect(RICH_INPUTS.length).to.be.at.least(30);
    const ran = window as unknown as { __anpCoreRan?: number };
    for (const input of RICH_INPUTS) {
      const { rich } = sanitizeRich(input);
      if (rich.kind === 'text') {
        // Text only where no tag can start: "a < b" is text to an HTML parser too.
        expect(/<[A-Za-z/!?]/.test(input), JSON.stringify(input)).to.equal(false);
        continue;
      }
      expectOnlyAllowed(rich.html, input);
      // Render it for real, in the document: nothing may load or run.
      const host = document.createElement('div');
      host.innerHTML = rich.html.replace(/alert\(1\)/g, 'window.__anpCoreRan=1');
      document.body.append(host);
      expect(host.querySelectorAll('script, style, svg, math, img, iframe, form, object, embed, link, meta, base').length, input).to.equal(
        0,
      );
      host.remove();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran.__anpCoreRan).to.equal(undefined);
  });

  it(`is idempotent over ${RICH_INPUTS.length} inputs: sanitizing the output again changes nothing`, () => {
    for (const input of RICH_INPUTS) {
      const first = sanitizeRich(input);
      const second = sanitizeRich(out(first.rich));
      expect(out(second.rich), JSON.stringify(input)).to.equal(out(first.rich));
      // The rel the sanitizer itself sets is not an author attribute: re-sanitizing may name it, nothing else.
      expect(
        second.removed.filter((name) => name !== 'rel'),
        `${JSON.stringify(input)} → ${out(first.rich)}`,
      ).to.deep.equal([]);
      const third = sanitizeRich(out(second.rich));
      expect(out(third.rich)).to.equal(out(first.rich));
    }
  });

  it('keeps the text of what it unwraps but not the contents of script, style or template', () => {
    const text = parse(
      out(sanitizeRich('<div>kept <p>too</p></div><script>dropped()</script><style>.dropped{}</style>').rich),
    ).textContent!;
    expect(text).to.include('kept');
    expect(text).to.include('too');
    expect(text).not.to.include('dropped');
  });
});

// ---------------------------------------------------------------------------
// format.ts
// ---------------------------------------------------------------------------

describe('core/format', () => {
  it('canonicalKey: viewCount, view-count, view count and view_count are view_count', () => {
    for (const key of [
      'viewCount',
      'view-count',
      'view count',
      'view_count',
      '  view_count  ',
      'view__count',
      'View_Count',
      'view - count',
    ]) {
      expect(canonicalKey(key), JSON.stringify(key)).to.equal('view_count');
    }
    expect(canonicalKey('aiBrief')).to.equal('ai_brief');
    expect(canonicalKey('last-reviewed')).to.equal('last_reviewed');
    expect(canonicalKey('readingTime')).to.equal('reading_time');
    expect(canonicalKey('topic')).to.equal('topic');
    expect(canonicalKey('source2Id')).to.equal('source2_id');
  });

  it('labelFromKey: words from keys, acronyms in capitals', () => {
    expect(labelFromKey('view_count')).to.equal('view count');
    expect(labelFromKey('recommendedAction')).to.equal('recommended action');
    expect(labelFromKey('code-language')).to.equal('code language');
    expect(labelFromKey('  reading   time ')).to.equal('reading time');
    expect(labelFromKey('ai_brief')).to.equal('AI brief');
    expect(labelFromKey('source_id')).to.equal('source ID');
    expect(labelFromKey('seo_url')).to.equal('SEO URL');
    expect(labelFromKey('Topic')).to.equal('topic');
    expect(labelFromKey('___')).to.equal('___');
    expect(labelFromKey('')).to.equal('');
  });

  it('fieldLabel: an override by exact or canonical key, else made from the key', () => {
    expect(fieldLabel('view_count')).to.equal('view count');
    expect(fieldLabel('view_count', { view_count: 'Aufrufe' })).to.equal('Aufrufe');
    expect(fieldLabel('viewCount', { view_count: 'Aufrufe' })).to.equal('Aufrufe');
    expect(fieldLabel('view-count', { view_count: 'Aufrufe' })).to.equal('Aufrufe');
    expect(fieldLabel('viewCount', { viewCount: 'exact', view_count: 'canonical' })).to.equal('exact');
    expect(fieldLabel('view_count', { view_count: undefined })).to.equal('view count');
    expect(fieldLabel('view_count', { view_count: 5 as unknown as string })).to.equal('view count');
    expect(fieldLabel('quality', { view_count: 'Aufrufe' })).to.equal('quality');
  });

  it('fieldLabel: inherited properties are never labels', () => {
    expect(fieldLabel('toString', {})).to.equal('to string');
    expect(fieldLabel('constructor', {})).to.equal('constructor');
    expect(fieldLabel('__proto__', {})).to.equal('proto');
    const inherited = Object.create({ topic: 'inherited' }) as Record<string, string>;
    expect(fieldLabel('topic', inherited)).to.equal('topic');
  });

  it('uiLabel: defaults, overrides and placeholders', () => {
    expect(uiLabel('yes')).to.equal(DEFAULT_UI_LABELS.yes);
    expect(uiLabel('yes', { yes: 'ja' })).to.equal('ja');
    expect(uiLabel('more', undefined, { n: 3 })).to.equal('3 more');
    expect(uiLabel('more', { more: 'noch {n}, also {n}' }, { n: '1.500' })).to.equal('noch 1.500, also 1.500');
    expect(uiLabel('checklistProgress', undefined, { done: 1, total: 5 })).to.equal('1 of 5 done');
    expect(uiLabel('checklistProgress', { checklistProgress: '{done}/{total}' }, { done: 2, total: 7 })).to.equal('2/7');
    expect(uiLabel('checklistProgress', undefined, { done: 1 })).to.equal('1 of {total} done');
    expect(uiLabel('similarPostsEmpty')).to.equal('No similar posts yet.');
  });

  it('formatInteger in en, de and fr', () => {
    expect(formatInteger(513976, 'en')).to.equal('513,976');
    expect(formatInteger(513976, 'de')).to.equal('513.976');
    expect(formatInteger(513976, 'fr')).to.match(/^513[\u202f\u00a0 ]976$/);
    expect(formatInteger(0, 'en')).to.equal('0');
    expect(formatInteger(1234.6, 'en')).to.equal('1,235');
  });

  it('formatMinutes: 5 → "5 min" in en', () => {
    expect(formatMinutes(5, 'en')).to.equal('5 min');
    expect(formatMinutes(12, 'en')).to.equal('12 min');
    expect(formatMinutes(2.5, 'en')).to.equal('2.5 min');
    expect(formatMinutes(5, 'de')).to.equal('5 Min.');
  });

  it('formatDate: a date-only value is the same calendar day in every time zone', () => {
    expect(formatDate('2021-10-10', 'en')).to.equal('Oct 10, 2021');
    // The first and last day of a year are where a time-zone shift would show.
    expect(formatDate('2021-01-01', 'en')).to.equal('Jan 1, 2021');
    expect(formatDate('2020-12-31', 'en')).to.equal('Dec 31, 2020');
    expect(formatDate('2021-10-10', 'de')).to.equal('10.10.2021');
  });

  it('formatDate: a date-time is localized; what is not a date is returned as it was', () => {
    expect(formatDate('2021-10-10T12:00:00Z', 'en')).to.match(/2021/);
    expect(formatDate('not a date', 'en')).to.equal('not a date');
  });

  it('isIsoDate: real days only', () => {
    for (const valid of [
      '2021-10-10',
      '2024-02-29',
      '2000-02-29',
      '2021-10-10T12:30',
      '2021-10-10T12:30:45',
      '2021-10-10T12:30:45.123Z',
      '2021-10-10 12:30:00+02:00',
      '2021-10-10T12:30:00-0530',
    ]) {
      expect(isIsoDate(valid), valid).to.equal(true);
    }
    for (const invalid of [
      '2021-02-30',
      '2023-02-29',
      '1900-02-29',
      '2021-13-01',
      '2021-00-10',
      '2021-10-00',
      '2021-10-32',
      '2021-04-31',
      '21-10-10',
      '2021/10/10',
      '2021-1-1',
      '20211010',
      '',
      'yesterday',
      ' 2021-10-10',
      '2021-10-10 ',
      '2021-10-10Tnoon',
    ]) {
      expect(isIsoDate(invalid), JSON.stringify(invalid)).to.equal(false);
    }
  });

  it('isIsoDate: impossible times of day are not dates', () => {
    for (const invalid of ['2021-10-10T25:00', '2021-10-10T24:30', '2021-10-10T12:60', '2021-10-10T12:30:61', '2021-10-10T99:99:99Z']) {
      expect(isIsoDate(invalid), JSON.stringify(invalid)).to.equal(false);
    }
  });

  it('resolveLocale: a valid tag canonicalized, junk → "en"', () => {
    expect(resolveLocale('de')).to.equal('de');
    expect(resolveLocale('EN-us')).to.equal('en-US');
    for (const junk of ['', null, undefined, 'not a locale!!', 'en_US', '12', '-', 'x'.repeat(300)]) {
      expect(resolveLocale(junk as string), JSON.stringify(junk)).to.equal('en');
    }
  });
});

// ---------------------------------------------------------------------------
// normalize.ts
// ---------------------------------------------------------------------------

const seedText = await (await fetch('/test/fixtures/seed-article.json')).text();
const seed = (): Record<string, any> => JSON.parse(seedText);

/** Calls normalizeArticle and fails the test (rather than the page) when it throws. */
function normalize(input: unknown): Normalized<Article> {
  let result: Normalized<Article> | undefined;
  expect(() => {
    result = normalizeArticle(input);
  }, 'normalizeArticle must not throw').not.to.throw();
  expect(result).to.be.an('object');
  expect(result!.value).to.be.an('object');
  expect(result!.value.meta).to.be.an('object');
  expect(result!.errors).to.be.an('array');
  for (const error of result!.errors) {
    expect(error.path).to.be.a('string');
    expect(error.path === '' || error.path.startsWith('/'), error.path).to.equal(true);
    expect(error.message).to.be.a('string').and.not.equal('');
  }
  return result!;
}

/** The meta as the assertions read it (see `view`). */
interface MetaView {
  order: string[];
  extra: Entry<GenericValue>[];
  more: Record<string, number>;
  topic?: string;
  code_language?: string;
  difficulty?: string;
  reference?: string;
  hash?: string;
  summary?: RichText;
  ai_brief?: RichText;
  ai_outline?: Entry<string>[];
  stack?: string[];
  tools?: string[];
  checklist?: string[];
  notes?: RichText[];
  reading_time?: number;
  view_count?: number;
  score?: Entry<number>[];
  revision?: Entry<unknown>[];
  flags?: Entry<boolean>[];
  entities?: Entity[];
  payload?: Entry<GenericValue>[];
}

/** A field's value; an object field's as `{ key, value }` entries of its fields. */
function plainValue(field: MetaField): unknown {
  return field.kind === 'object' ? field.value.map((child) => ({ key: child.label, value: plainValue(child) })) : field.value;
}

/**
 * The meta's fields, for assertions: known fields by key (their values),
 * `order` (each field's label key, in order), `extra` (the generic fields as
 * `{ key, value }`) and `more` (each field's "n more", when there is one).
 */
function view(meta: Meta): MetaView {
  const fields = meta.fields ?? [];
  const known: Record<string, unknown> = {};
  for (const field of fields) if (field.kind !== 'generic') known[field.key] = plainValue(field);
  return {
    ...(known as Partial<MetaView>),
    order: fields.map((field) => field.label),
    extra: fields.flatMap((field) => (field.kind === 'generic' ? [{ key: field.label, value: field.value }] : [])),
    more: Object.fromEntries(fields.filter((field) => field.more).map((field) => [field.key, field.more])),
  };
}

const paths = (result: Normalized<Article>) => result.errors.map((error) => error.path);
const messages = (result: Normalized<Article>) => result.errors.map((error) => `${error.path} ${error.message}`);

/** Depth of a normalized generic value (a scalar is 0). */
function genericDepth(value: GenericValue): number {
  if (value.kind === 'list') return 1 + Math.max(0, ...value.items.map(genericDepth));
  if (value.kind === 'map') return 1 + Math.max(0, ...value.entries.map((entry) => genericDepth(entry.value)));
  return 0;
}

/** Number of values in a normalized generic value. */
function genericCount(value: GenericValue): number {
  if (value.kind === 'list') return 1 + value.items.reduce((sum, item) => sum + genericCount(item), 0);
  if (value.kind === 'map') return 1 + value.entries.reduce((sum, entry) => sum + genericCount(entry.value), 0);
  return 1;
}

describe('core/normalize: normalizeArticle', () => {
  describe('the seed', () => {
    it('gives zero errors', () => {
      expect(normalize(seed()).errors).to.deep.equal([]);
    });

    it('types every known field', () => {
      const input = seed();
      const { value } = normalize(input);
      expect(value.id).to.equal('alphanode-002918');
      expect(value.title).to.equal(input.title);
      expect(value.url).to.equal(new URL('/posts/alphanode-002918', document.baseURI).href);
      expect(value.similar_posts).to.deep.equal([]);
      const meta = view(value.meta);
      expect(meta.topic).to.equal('tracking data quality signals / python services');
      expect(meta.code_language).to.equal('python');
      expect(meta.difficulty).to.equal('advanced');
      expect(meta.reference).to.equal('anp-ref-002918-3305');
      expect(meta.hash).to.equal('8554871f141cbe5b67b921d3');
      expect(meta.summary).to.deep.equal({ kind: 'text', text: input.meta.summary });
      expect(meta.ai_brief).to.deep.equal({ kind: 'text', text: input.meta.ai_brief });
      expect(meta.ai_outline).to.deep.equal(Object.entries(input.meta.ai_outline).map(([key, v]) => ({ key, value: v })));
      expect(meta.stack).to.deep.equal(input.meta.stack);
      expect(meta.tools).to.deep.equal(input.meta.tools);
      expect(meta.checklist).to.deep.equal(input.meta.checklist);
      expect(meta.notes).to.deep.equal(input.meta.notes.map((text: string) => ({ kind: 'text', text })));
      expect(meta.reading_time).to.equal(5);
      expect(meta.view_count).to.equal(513976);
      expect(meta.score).to.deep.equal([
        { key: 'quality', value: 78 },
        { key: 'freshness', value: 67 },
        { key: 'depth', value: 86 },
        { key: 'clarity', value: 87 },
      ]);
      expect(meta.revision).to.deep.equal([
        { key: 'status', value: 'drafted' },
        { key: 'version', value: '1.5.8' },
        { key: 'last_reviewed', value: '2021-10-10' },
      ]);
      expect(meta.flags).to.deep.equal([
        { key: 'ai_generated_style', value: true },
        { key: 'has_images', value: false },
        { key: 'image_heavy', value: false },
        { key: 'needs_human_review', value: false },
      ]);
      for (const flag of meta.flags!) expect(flag.value).to.be.a('boolean');
      expect(meta.entities).to.deep.equal(input.meta.entities);
      expect(meta.payload).to.deep.equal([
        { key: 'source_id', value: { kind: 'text', text: 'alphanode-002918' } },
        { key: 'generator', value: { kind: 'text', text: 'anp content synthesizer' } },
        { key: 'paragraphs', value: { kind: 'number', value: 3 } },
        { key: 'scenario', value: { kind: 'text', text: 'before a major migration' } },
        { key: 'seed', value: { kind: 'number', value: 2918 } },
      ]);
      expect(meta.extra).to.deep.equal([]);
      expect(meta.order).to.deep.equal(Object.keys(input.meta));
      expect(Object.keys(meta.more)).to.deep.equal([]);
    });

    it('is one field per key, in input order, each of the kind the meta schema gives its key', () => {
      const input = seed();
      const fields = normalize(input).value.meta.fields!;
      expect(fields.map((field) => field.key)).to.deep.equal(Object.keys(input.meta));
      expect(fields.map((field) => field.kind)).to.deep.equal(
        Object.keys(input.meta).map((key) => META_SCHEMA[key as keyof typeof META_SCHEMA]),
      );
      expect(fields.every((field) => field.label === field.key && field.more === 0)).to.equal(true);
      expect(KNOWN_META_KEYS).to.deep.equal(Object.keys(META_SCHEMA));
      const revision = metaField(normalize(input).value.meta, 'revision', 'object')!;
      expect(revision.value.map((field) => field.kind)).to.deep.equal(['text', 'code', 'date']);
      expect(metaField(normalize(input).value.meta, 'revision', 'list')).to.equal(undefined);
      // Unknown keys are generic fields: the canonical key to match, the input's spelling to label.
      const [odd] = normalize({ meta: { 'Odd Key': [1] } }).value.meta.fields!;
      expect(odd).to.deep.include({ kind: 'generic', key: 'odd_key', label: 'Odd Key', more: 0 });
    });

    it('keeps the deprecated views the sibling elements read, out of the model (not enumerable)', () => {
      const meta = normalize(seed()).value.meta;
      expect(meta.checklist).to.equal(metaField(meta, 'checklist', 'list')!.value);
      expect(meta.score).to.equal(metaField(meta, 'score', 'scores')!.value);
      expect(Object.keys(meta)).to.deep.equal(['fields']);
      const capped = normalize({ meta: { checklist: Array.from({ length: LIMITS.maxItems + 3 }, () => 'x') } }).value.meta;
      expect(capped.more.checklist).to.equal(3);
    });

    it('as JSON text gives the same as the object', () => {
      const fromText = normalize(seedText);
      expect(fromText.errors).to.deep.equal([]);
      expect(fromText.value).to.deep.equal(normalize(seed()).value);
    });

    it('its meta sent alone (no meta key) is taken as the meta', () => {
      const alone = normalize(seed().meta);
      expect(alone.errors).to.deep.equal([]);
      expect(alone.value.meta).to.deep.equal(normalize(seed()).value.meta);
    });

    it('never writes to its input', () => {
      const input = seed();
      normalize(input);
      expect(input).to.deep.equal(seed());
    });

    it('normalizing the same input twice gives deep-equal results', () => {
      const input = seed();
      expect(normalize(input)).to.deep.equal(normalize(input));
      const messy = {
        meta: {
          topic: 42,
          summary: '<b>x</b><script>y</script>',
          tools: ['a', 7],
          score: { q: 140, d: 50 },
          odd: { list: [1, 'two', null, true] },
        },
        similar_posts: [{ title: 't', url: 'javascript:alert(1)' }, { url: '/no-title' }],
      };
      const first = normalize(messy);
      expect(first.errors.length).to.be.greaterThan(0);
      expect(normalize(messy)).to.deep.equal(first);
      expect(normalize(JSON.stringify(messy))).to.deep.equal(first);
    });
  });

  it('clean inline HTML in rich fields is kept and reports nothing', () => {
    const result = normalize({
      meta: { summary: 'an <em>emphasised</em> summary', ai_brief: '<b>bold</b> brief', notes: ['<code>x()</code> note', 'plain note'] },
    });
    expect(result.errors).to.deep.equal([]);
    expect(view(result.value.meta).summary).to.deep.equal({ kind: 'html', html: 'an <em>emphasised</em> summary' });
    expect(view(result.value.meta).ai_brief).to.deep.equal({ kind: 'html', html: '<b>bold</b> brief' });
    expect(view(result.value.meta).notes).to.deep.equal([
      { kind: 'html', html: '<code>x()</code> note' },
      { kind: 'text', text: 'plain note' },
    ]);
  });

  it('markup that is not allowed in rich fields is removed and reported by path, naming what went', () => {
    const result = normalize({ meta: { summary: 'ok <script>alert(1)</script>', notes: ['fine', '<img src=x onerror=alert(1)>gone'] } });
    expect(paths(result)).to.deep.equal(['/meta/summary', '/meta/notes/1']);
    expect(result.errors[0].message).to.match(/<script>/);
    expect(result.errors[1].message).to.match(/<img>/);
    expect(view(result.value.meta).summary).to.deep.equal({ kind: 'html', html: 'ok ' });
  });

  it('rich markup the sanitizer removes entirely is no value: no field, no empty note, and the removal is reported', () => {
    const result = normalize({
      meta: {
        summary: '<script>x</script>',
        ai_brief: ' <img src=x onerror=alert(1)> ',
        notes: ['<img src=x onerror=alert(1)>', 'kept', '<b></b>'],
        topic: 't',
      },
    });
    expect(view(result.value.meta).order).to.deep.equal(['notes', 'topic']);
    // An allowed element is something left, even empty.
    expect(view(result.value.meta).notes).to.deep.equal([
      { kind: 'text', text: 'kept' },
      { kind: 'html', html: '<b></b>' },
    ]);
    expect(paths(result)).to.deep.equal(['/meta/summary', '/meta/ai_brief', '/meta/notes/0']);
    expect(result.errors.map((error) => error.code)).to.deep.equal(['markup-removed', 'markup-removed', 'markup-removed']);
    expect(result.errors[0].message).to.equal('removed markup that is not allowed: <script>; nothing is left, dropped');
    expect(result.errors[2].message).to.match(/<img>.*nothing is left, dropped$/);
    // Notes that were nothing but such markup leave no notes field at all.
    expect(view(normalize({ meta: { notes: ['<script>x</script>'] } }).value.meta).order).to.deep.equal([]);
  });

  it('markup in text fields stays text', () => {
    const result = normalize({ meta: { topic: '<img src=x onerror=alert(1)>', tools: ['<b>x</b>'] } });
    expect(result.errors).to.deep.equal([]);
    expect(view(result.value.meta).topic).to.equal('<img src=x onerror=alert(1)>');
    expect(view(result.value.meta).tools).to.deep.equal(['<b>x</b>']);
  });

  it('keeps input order in meta.fields: canonical names for known keys, the input spelling for the rest', () => {
    const { value, errors } = normalize({ meta: { zeta: 1, topic: 't', Alpha_Key: 'a', viewCount: 3, 'reading-time': 4, middle: [1] } });
    expect(errors).to.deep.equal([]);
    expect(view(value.meta).order).to.deep.equal(['zeta', 'topic', 'Alpha_Key', 'view_count', 'reading_time', 'middle']);
    expect(view(value.meta).extra.map((entry) => entry.key)).to.deep.equal(['zeta', 'Alpha_Key', 'middle']);
    expect(view(value.meta).view_count).to.equal(3);
    expect(view(value.meta).reading_time).to.equal(4);
  });

  it('meta sent alone keeps article keys at the article level', () => {
    const { value, errors } = normalize({ title: 'T', topic: 'x', url: '/p', id: 7 });
    expect(errors).to.deep.equal([]);
    expect(value.title).to.equal('T');
    expect(value.id).to.equal('7');
    expect(view(value.meta).topic).to.equal('x');
    expect(view(value.meta).order).to.deep.equal(['topic']);
  });

  it('an object with neither meta nor meta fields has an empty meta', () => {
    const { value, errors } = normalize({ title: 'T', whatever: 1 });
    expect(errors).to.deep.equal([]);
    expect(view(value.meta).order).to.deep.equal([]);
    expect(view(value.meta).extra).to.deep.equal([]);
  });

  it('invalid JSON text: one error at "", naming the input', () => {
    for (const text of ['{"meta": {', '', 'undefined', "{'a':1}", '{"a":1,}', 'NaN']) {
      const result = normalize(text);
      expect(result.errors, JSON.stringify(text)).to.have.length(1);
      expect(result.errors[0].path).to.equal('');
      expect(result.errors[0].message).to.match(/^article: invalid JSON/);
      expect(view(result.value.meta).order).to.deep.equal([]);
    }
  });

  it('JSON text of a non-object is reported at ""', () => {
    for (const text of ['null', '[1,2]', '5', '"text"', 'true']) {
      const result = normalize(text);
      expect(paths(result), text).to.deep.equal(['']);
    }
  });

  it('escapes "/" and "~" in keys in JSON pointers', () => {
    const result = normalize({ meta: { payload: { 'a/b': Infinity, 'c~d': NaN, '~1': -Infinity, ok: 1 } } });
    expect(paths(result)).to.include.members(['/meta/payload/a~1b', '/meta/payload/c~0d', '/meta/payload/~01']);
    expect(jsonPointer([])).to.equal('');
    expect(jsonPointer(['meta', 'a/b', 0, '~'])).to.equal('/meta/a~1b/0/~0');
    expect(jsonPointer([''])).to.equal('/');
  });

  it('duplicate aliases: the first is kept, the second reported', () => {
    const result = normalize({ meta: { viewCount: 1, view_count: 2, 'view count': 3 } });
    expect(view(result.value.meta).view_count).to.equal(1);
    expect(view(result.value.meta).order).to.deep.equal(['view_count']);
    expect(paths(result)).to.deep.equal(['/meta/view_count', '/meta/view count']);
    for (const error of result.errors) expect(error.message).to.match(/duplicate/);
  });

  describe('caps from LIMITS', () => {
    it('a string longer than maxStringLength is cut and reported', () => {
      const result = normalize({
        meta: { topic: 'x'.repeat(LIMITS.maxStringLength + 5000), payload: { long: 'y'.repeat(LIMITS.maxStringLength * 3) } },
      });
      expect(messages(result).some((m) => m.startsWith('/meta/topic string too long'))).to.equal(true);
      expect(messages(result).some((m) => m.startsWith('/meta/payload/long string too long'))).to.equal(true);
      expect(view(result.value.meta).topic!.length).to.be.at.most(LIMITS.maxStringLength + 1);
      const long = view(result.value.meta).payload![0].value as { kind: 'text'; text: string };
      expect(long.text.length).to.be.at.most(LIMITS.maxStringLength + 1);
    });

    it('a string of exactly maxStringLength is kept whole', () => {
      const text = 'z'.repeat(LIMITS.maxStringLength);
      const result = normalize({ meta: { topic: text } });
      expect(result.errors).to.deep.equal([]);
      expect(view(result.value.meta).topic).to.equal(text);
    });

    it('a list longer than maxItems keeps maxItems and counts the rest', () => {
      const tools = Array.from({ length: LIMITS.maxItems + 123 }, (_, i) => `t${i}`);
      const result = normalize({ meta: { tools, payload: { list: tools } } });
      expect(messages(result).some((m) => m.startsWith('/meta/tools too many items'))).to.equal(true);
      expect(messages(result).some((m) => m.startsWith('/meta/payload/list too many items'))).to.equal(true);
      expect(view(result.value.meta).tools).to.have.length(LIMITS.maxItems);
      expect(view(result.value.meta).tools![0]).to.equal('t0');
      expect(view(result.value.meta).more.tools).to.equal(123);
      const list = view(result.value.meta).payload![0].value as { kind: 'list'; items: GenericValue[]; more: number };
      expect(list.items).to.have.length(LIMITS.maxItems);
      expect(list.more).to.equal(123);
    });

    it('an object with more than maxKeys keys keeps maxKeys and reports the rest', () => {
      const payload: Record<string, number> = {};
      for (let i = 0; i < LIMITS.maxKeys + 40; i++) payload[`k${i}`] = i;
      const result = normalize({ meta: { payload } });
      expect(messages(result).some((m) => m.startsWith('/meta/payload too many keys'))).to.equal(true);
      expect(view(result.value.meta).payload).to.have.length(LIMITS.maxKeys);
      expect(view(result.value.meta).payload![0].key).to.equal('k0');
    });

    it('nesting deeper than maxDepth is cut and reported', () => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < LIMITS.maxDepth * 3; i++) deep = i % 2 ? { d: deep } : [deep];
      const result = normalize({ meta: { payload: { deep }, extra_deep: deep } });
      expect(messages(result).some((m) => /nested too deep/.test(m) && m.startsWith('/meta/payload/deep'))).to.equal(true);
      expect(messages(result).some((m) => /nested too deep/.test(m) && m.startsWith('/meta/extra_deep'))).to.equal(true);
      for (const entry of [...view(result.value.meta).payload!, ...view(result.value.meta).extra]) {
        expect(genericDepth(entry.value)).to.be.at.most(LIMITS.maxDepth);
      }
    });

    it('more than maxNodes values in one article is cut and reported once', () => {
      const payload: Record<string, number[]> = {};
      for (let i = 0; i < LIMITS.maxKeys; i++) payload[`k${i}`] = Array.from({ length: 60 }, (_, j) => j);
      const result = normalize({ meta: { payload, topic: 'after the flood' } });
      const tooLarge = result.errors.filter((e) => /input too large/.test(e.message));
      expect(tooLarge).to.have.length(1);
      const count = view(result.value.meta).payload!.reduce((sum, entry) => sum + genericCount(entry.value), 0);
      expect(count).to.be.at.most(LIMITS.maxNodes);
      expect(count).to.be.greaterThan(LIMITS.maxNodes / 2);
    });

    it('JSON text longer than maxJsonLength is not parsed', () => {
      const text = ' '.repeat(LIMITS.maxJsonLength) + '{}';
      const result = parseJson(text, 'src');
      expect(result.value).to.equal(undefined);
      expect(result.errors).to.have.length(1);
      expect(result.errors[0].path).to.equal('');
      expect(result.errors[0].message).to.match(/^src: JSON too large/);
    });
  });

  describe('never throws', () => {
    const roots: [string, () => unknown][] = [
      ['undefined', () => undefined],
      ['null', () => null],
      ['a number', () => 42],
      ['NaN', () => NaN],
      ['Infinity', () => Infinity],
      ['a bigint', () => 10n],
      ['a boolean', () => true],
      ['a symbol', () => Symbol('x')],
      ['a function', () => () => 1],
      ['an array', () => [seed()]],
      ['a Date', () => new Date()],
      ['a Map', () => new Map([['meta', { topic: 'x' }]])],
      ['a Set', () => new Set([1])],
      ['a typed array', () => new Uint8Array([1, 2, 3])],
      ['an ArrayBuffer', () => new ArrayBuffer(8)],
      ['a RegExp', () => /x/],
      ['a Promise', () => Promise.resolve(1)],
      ['an Error', () => new Error('x')],
      ['a DOM node', () => document.createElement('div')],
      ['window', () => window],
    ];
    for (const [what, make] of roots) {
      it(`on ${what} as the article: an error at ""`, () => {
        const result = normalize(make());
        expect(paths(result), what).to.include('');
        expect(view(result.value.meta).order).to.deep.equal([]);
      });
    }

    it('on a Proxy whose traps throw: an error at ""', () => {
      const boom = () => {
        throw new Error('trap');
      };
      const hostile = [
        new Proxy({}, { get: boom, ownKeys: boom }),
        new Proxy({}, { ownKeys: boom }),
        new Proxy({ topic: 'x' }, { get: boom }),
        new Proxy({}, { getPrototypeOf: boom }),
        new Proxy({ topic: 'x' }, { getOwnPropertyDescriptor: boom }),
      ];
      for (const proxy of hostile) {
        const result = normalize(proxy);
        // A trap on one key's value is reported at that key; any other at the root.
        expect(paths(result)).to.include('');
        expect(paths(result).every((path) => path === '' || path === '/topic')).to.equal(true);
        expect(result.errors[0].message).to.match(/trap/);
      }
      const nested = normalize({ meta: { topic: 'x', payload: new Proxy({ a: 1 }, { get: boom, ownKeys: boom }) } });
      expect(nested.errors.length).to.be.greaterThan(0);
    });

    it('on a getter that throws, or a getter that throws a non-Error', () => {
      const meta = { topic: 'x' };
      Object.defineProperty(meta, 'summary', {
        enumerable: true,
        get() {
          throw new Error('getter says no');
        },
      });
      const result = normalize({ meta });
      expect(result.errors.length).to.be.greaterThan(0);
      expect(result.errors.some((e) => /getter says no/.test(e.message))).to.equal(true);

      const weird = {};
      Object.defineProperty(weird, 'meta', {
        enumerable: true,
        get() {
          throw Symbol('not an error');
        },
      });
      expect(normalize(weird).errors.length).to.be.greaterThan(0);
    });

    it('on Object.create(null): read like a plain object', () => {
      const meta = Object.create(null) as Record<string, unknown>;
      meta.topic = 'null prototype';
      meta.tools = ['a'];
      const article = Object.create(null) as Record<string, unknown>;
      article.meta = meta;
      const result = normalize(article);
      expect(result.errors).to.deep.equal([]);
      expect(view(result.value.meta).topic).to.equal('null prototype');
      expect(view(result.value.meta).tools).to.deep.equal(['a']);
      expect(view(normalize(meta).value.meta).topic).to.equal('null prototype');
    });

    it('on class instances', () => {
      class Meta {
        topic = 'from a class';
        get hidden() {
          return 'not own';
        }
      }
      const result = normalize({ meta: new Meta() });
      expect(view(result.value.meta).topic ?? undefined).to.satisfy((topic: unknown) => topic === undefined || topic === 'from a class');
      expect(view(result.value.meta).order).not.to.include('hidden');
    });

    it('on Dates, Maps, typed arrays, symbols, functions and bigints inside the meta: each reported at its path', () => {
      const result = normalize({
        meta: {
          topic: 'kept',
          payload: { d: new Date(0), m: new Map([[1, 2]]), t: new Uint8Array(2), s: Symbol('s'), f: () => 1, b: 1n, ok: 'fine' },
          tools: new Set(['a']),
          reading_time: new Number(5),
        },
      });
      expect(paths(result)).to.include.members([
        '/meta/payload/d',
        '/meta/payload/m',
        '/meta/payload/t',
        '/meta/payload/s',
        '/meta/payload/f',
        '/meta/payload/b',
        '/meta/tools',
        '/meta/reading_time',
      ]);
      expect(view(result.value.meta).topic).to.equal('kept');
      expect(view(result.value.meta).payload).to.deep.equal([{ key: 'ok', value: { kind: 'text', text: 'fine' } }]);
    });

    it('on 100,000-deep nested arrays and objects, built iteratively', () => {
      let array: unknown = 'bottom';
      for (let i = 0; i < 100_000; i++) array = [array];
      let object: unknown = 'bottom';
      for (let i = 0; i < 100_000; i++) object = { d: object };
      expect(paths(normalize(array))).to.deep.equal(['']);
      for (const input of [
        { meta: { payload: { array, object } } },
        { meta: { tools: array, odd: object, score: object, entities: array } },
        { meta: array },
        { similar_posts: array },
      ]) {
        const result = normalize(input);
        expect(result.errors.length, JSON.stringify(Object.keys(input))).to.be.greaterThan(0);
      }
      const deepResult = normalize({ meta: { payload: { array, object } } });
      expect(deepResult.errors.filter((e) => /nested too deep/.test(e.message))).to.have.length(2);
      for (const entry of view(deepResult.value.meta).payload!) expect(genericDepth(entry.value)).to.be.at.most(LIMITS.maxDepth);
    });

    it('on 100,000-deep JSON text', () => {
      const text = '{"meta":{"payload":{"deep":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}}}';
      const result = normalize(text);
      expect(result.errors.length).to.be.greaterThan(0);
    });

    it('on cycles: reported, not followed', () => {
      const meta: Record<string, unknown> = { topic: 'loops' };
      meta.payload = { self: meta };
      const list: unknown[] = ['a'];
      list.push(list);
      meta.odd = list;
      const article: Record<string, unknown> = { meta };
      (meta.payload as Record<string, unknown>).root = article;
      const result = normalize(article);
      expect(paths(result)).to.include.members(['/meta/payload/self', '/meta/payload/root', '/meta/odd/1']);
      for (const error of result.errors) expect(error.message).to.match(/cycle/);
      expect(view(result.value.meta).topic).to.equal('loops');
      const rootCycle: Record<string, unknown> = { topic: 'meta alone' };
      rootCycle.payload = { back: rootCycle };
      expect(paths(normalize(rootCycle))).to.include('/payload/back');
    });

    it('a value seen twice without a cycle is no cycle', () => {
      const shared = { k: 1 };
      const result = normalize({ meta: { payload: { a: shared, b: shared }, first: shared, second: shared } });
      expect(result.errors).to.deep.equal([]);
      expect(view(result.value.meta).payload).to.have.length(2);
      expect(view(result.value.meta).extra).to.have.length(2);
    });
  });

  describe('prototype safety', () => {
    it('Object.prototype is untouched after normalizing __proto__ keys', () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      const input = JSON.parse(
        '{"__proto__":{"x":1},"meta":{"__proto__":{"y":1},"payload":{"__proto__":{"z":1},"constructor":{"prototype":{"w":1}},"prototype":{"v":1},"ok":1}}}',
      );
      const result = normalize(input);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(before);
      const probe = {} as Record<string, unknown>;
      for (const key of ['x', 'y', 'z', 'w', 'v']) expect(probe[key], key).to.equal(undefined);
      expect(paths(result)).to.include.members([
        '/__proto__',
        '/meta/__proto__',
        '/meta/payload/__proto__',
        '/meta/payload/constructor',
        '/meta/payload/prototype',
      ]);
      expect(view(result.value.meta).payload).to.deep.equal([{ key: 'ok', value: { kind: 'number', value: 1 } }]);
      // Nothing of the dropped keys reached the result's prototypes either.
      expect(Object.getPrototypeOf(result.value)).to.equal(Object.prototype);
      expect(Object.getPrototypeOf(result.value.meta)).to.equal(Object.prototype);
      expect((result.value as unknown as Record<string, unknown>).x).to.equal(undefined);
      expect((result.value.meta as unknown as Record<string, unknown>).y).to.equal(undefined);
    });

    it('__proto__ as meta sent alone, and in similar posts', () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      const result = normalize(
        JSON.parse('{"topic":"t","__proto__":{"polluted":1},"similar_posts":[{"title":"p","__proto__":{"polluted":2}}]}'),
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(before);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(paths(result)).to.include.members(['/__proto__', '/similar_posts/0/__proto__']);
      expect(view(result.value.meta).topic).to.equal('t');
      expect(result.value.similar_posts!.map((post) => post.title)).to.deep.equal(['p']);
    });
  });

  describe('numbers', () => {
    it('non-finite numbers and numbers beyond 2^53 are reported wherever they are', () => {
      const result = normalize({
        meta: { view_count: Infinity, reading_time: NaN, score: { q: -Infinity }, payload: { big: 2 ** 60 }, odd: NaN },
      });
      expect(paths(result)).to.include.members([
        '/meta/view_count',
        '/meta/reading_time',
        '/meta/score/q',
        '/meta/payload/big',
        '/meta/odd',
      ]);
    });

    it('a non-finite article id is reported, not kept as "NaN" or "Infinity"', () => {
      for (const id of [NaN, Infinity, -Infinity]) {
        const result = normalize({ id, meta: { topic: 't' } });
        expect(result.value.id, String(id)).to.equal(undefined);
        expect(paths(result), String(id)).to.include('/id');
      }
    });

    it('ranges: view_count a whole number of at least 0, reading_time at least 0, scores 0..100', () => {
      const result = normalize({ meta: { view_count: 1.5, reading_time: -1, score: { a: -1, b: 101, c: 0, d: 100 } } });
      expect(paths(result)).to.include.members(['/meta/view_count', '/meta/reading_time', '/meta/score/a', '/meta/score/b']);
      expect(view(result.value.meta).score).to.deep.equal([
        { key: 'c', value: 0 },
        { key: 'd', value: 100 },
      ]);
    });
  });

  describe('similar posts', () => {
    it('keeps posts with a title, and only safe URLs', () => {
      const result = normalize({
        similar_posts: [
          { title: 'a', url: '/a', topic: 't', reading_time: 3, extra_key: 'x' },
          { title: 'b', url: 'javascript:alert(1)' },
          { url: '/untitled' },
          'not a post',
        ],
      });
      const posts = result.value.similar_posts!;
      expect(posts.map((post) => post.title)).to.deep.equal(['a', 'b']);
      expect(posts[0].url).to.equal(new URL('/a', document.baseURI).href);
      expect(posts[0].extra).to.deep.equal([{ key: 'extra_key', value: { kind: 'text', text: 'x' } }]);
      expect(posts[1].url).to.equal(undefined);
      expect(paths(result)).to.include.members(['/similar_posts/1/url', '/similar_posts/2', '/similar_posts/3']);
    });
  });
});

describe('core/normalize: what hostile objects throw never escapes', () => {
  const unprintable = () => ({
    toString() {
      throw new Error('toString');
    },
    valueOf() {
      throw new Error('valueOf');
    },
  });
  const errorWithThrowingMessage = () => {
    const error = new Error('x');
    Object.defineProperty(error, 'message', {
      get() {
        throw new Error('message getter');
      },
    });
    return error;
  };
  const getterThrowing = (thrown: () => unknown) => ({
    meta: {
      topic: 'kept',
      get difficulty(): string {
        throw thrown();
      },
    },
  });

  it('describeThrown never throws, whatever was thrown', () => {
    for (const thrown of [throwingProxy(), unprintable(), errorWithThrowingMessage(), Symbol('s'), 12n, Object.create(null)]) {
      expect(() => describeThrown(thrown)).not.to.throw();
      expect(describeThrown(thrown)).to.be.a('string');
    }
    expect(describeThrown(new Error('plain'))).to.equal('plain');
    expect(describeThrown('a'.repeat(1000))).to.have.length(200);
  });

  it('a getter that throws an unprintable object, a Proxy or an Error with a throwing message loses only its own value', () => {
    for (const thrown of [unprintable, throwingProxy, errorWithThrowingMessage]) {
      let result: ReturnType<typeof normalizeArticle> | undefined;
      expect(() => (result = normalizeArticle(getterThrowing(thrown)))).not.to.throw();
      expect(view(result!.value.meta).topic).to.equal('kept');
      expect(result!.errors.map((e) => e.path)).to.include('/meta/difficulty');
    }
  });

  it('a root Proxy whose every trap throws gives an error at the root, not an exception', () => {
    let result: ReturnType<typeof normalizeArticle> | undefined;
    expect(() => (result = normalizeArticle(throwingProxy()))).not.to.throw();
    expect(result!.errors.length).to.be.greaterThan(0);
    expect(result!.errors[0].path).to.equal('');
  });
});

describe('core/normalize: parseJson', () => {
  it('parses valid JSON with no errors', () => {
    expect(parseJson('{"a":[1,"b",null]}', 'src')).to.deep.equal({ value: { a: [1, 'b', null] }, errors: [] });
  });

  it('names the source in its error messages', () => {
    for (const source of ['attribute', 'src', 'script', 'article']) {
      const result = parseJson('{"broken": ', source);
      expect(result.value).to.equal(undefined);
      expect(result.errors).to.have.length(1);
      expect(result.errors[0].path).to.equal('');
      expect(result.errors[0].message.startsWith(`${source}: invalid JSON (`), result.errors[0].message).to.equal(true);
    }
  });
});

describe('core/normalize: CMS data as it arrives (SPEC section 1)', () => {
  it('the seed stored the WordPress way ({} as [], numbers as strings, booleans as "1"/"0") normalizes like the seed, with 0 errors', () => {
    const original = normalizeArticle(seed());
    const stored = normalizeArticle(wordpressStored(seed()));
    expect(stored.errors).to.deep.equal([]);
    // Generic data (payload) has no expected type, so its numbers stay the text they were stored as.
    const numberAsText = (field: MetaField): MetaField =>
      field.kind === 'generic' && field.value.kind === 'number'
        ? { ...field, value: { kind: 'text', text: String(field.value.value) } }
        : field;
    const fields = original.value.meta.fields!.map((field) =>
      field.key === 'payload' && field.kind === 'object' ? { ...field, value: field.value.map(numberAsText) } : field,
    );
    expect(stored.value).to.deep.equal({ ...original.value, meta: { fields } });
    expect(view(original.value.meta).score!.map((entry) => entry.value)).to.deep.equal([78, 67, 86, 87]);
  });

  it('an empty [] where an object is expected is an empty object: no error, no row', () => {
    for (const field of ['ai_outline', 'flags', 'payload', 'score', 'revision']) {
      const result = normalizeArticle({ meta: { topic: 't', [field]: [] } });
      expect(result.errors, field).to.deep.equal([]);
      expect(view(result.value.meta).order, field).to.deep.equal(['topic']);
    }
    expect(normalizeArticle([]).errors).to.deep.equal([]);
    expect(normalizeArticle({ meta: [] }).errors).to.deep.equal([]);
    // A non-empty list is still a list.
    expect(normalizeArticle({ meta: { score: [1] } }).errors.map((e) => e.path)).to.deep.equal(['/meta/score']);
  });

  it("numeric strings are numbers with their field's own range checks; anything else still reports", () => {
    const ok = normalizeArticle({ meta: { view_count: ' 1e3 ', reading_time: '\t2.5\n', score: { a: '78', b: '+5', c: '.5' } } });
    expect(ok.errors).to.deep.equal([]);
    expect([view(ok.value.meta).view_count, view(ok.value.meta).reading_time]).to.deep.equal([1000, 2.5]);
    expect(view(ok.value.meta).score!.map((entry) => entry.value)).to.deep.equal([78, 5, 0.5]);
    const ranged = normalizeArticle({ meta: { reading_time: '-2.5', view_count: '1.5', score: { a: '101' } } });
    expect(ranged.errors.map((e) => e.message)).to.deep.equal([
      'expected a number of at least 0, got -2.5',
      'expected a whole number, got 1.5',
      'expected a number from 0 to 100, got 101',
    ]);
    for (const text of ['7 8', 'abc', '0x10', 'Infinity', '-Infinity', 'NaN', '', ' ', '1e400', '1_000', '5px', '1.2.3']) {
      const result = normalizeArticle({ meta: { view_count: text } });
      expect(
        result.errors.map((e) => e.path),
        JSON.stringify(text),
      ).to.deep.equal(['/meta/view_count']);
      expect(view(result.value.meta).view_count, JSON.stringify(text)).to.equal(undefined);
    }
  });

  it('flags: "1"/"0"/"true"/"false" in any case and with spaces, and 1/0, are booleans; nothing else', () => {
    const result = normalizeArticle({ meta: { flags: { a: '1', b: ' 0 ', c: 'TRUE', d: 'False', e: 1, f: 0, g: 'yes', h: 2, i: '' } } });
    expect(view(result.value.meta).flags!.map((entry) => entry.value)).to.deep.equal([true, false, true, false, true, false]);
    expect(result.errors.map((e) => e.path)).to.deep.equal(['/meta/flags/g', '/meta/flags/h', '/meta/flags/i']);
  });

  it('generic data is not coerced: "78" in an unknown field stays text, {} and [] are the same empty list', () => {
    const result = normalizeArticle({ meta: { other: '78', a: {}, b: [] } });
    expect(view(result.value.meta).extra).to.deep.equal([
      { key: 'other', value: { kind: 'text', text: '78' } },
      { key: 'a', value: { kind: 'list', items: [], more: 0 } },
      { key: 'b', value: { kind: 'list', items: [], more: 0 } },
    ]);
  });
});

// ---------------------------------------------------------------------------
// The cost model: work per input bounded by construction (LIMITS)
// ---------------------------------------------------------------------------

/** What a normalized value holds, counted: string leaves, their characters, and sanitized (html) values. */
function costOf(value: unknown, into = { strings: 0, chars: 0, html: 0 }): typeof into {
  if (typeof value === 'string') {
    into.strings++;
    into.chars += value.length;
  } else if (Array.isArray(value)) {
    for (const item of value) costOf(item, into);
  } else if (value && typeof value === 'object') {
    if ((value as RichText).kind === 'html') into.html++;
    // `kind` names a value's shape; it is not data.
    else for (const key of Object.keys(value)) if (key !== 'kind') costOf((value as Record<string, unknown>)[key], into);
  }
  return into;
}

/** The bound every input must stay inside, whatever it holds. */
function expectWithinBudget(name: string, result: Normalized<unknown>): void {
  const cost = costOf(result.value);
  // A value and its key, plus the order of the top-level keys.
  expect(cost.strings, `${name}: string values`).to.be.at.most(LIMITS.maxNodes * 2 + LIMITS.maxKeys);
  expect(cost.chars, `${name}: characters kept`).to.be.at.most(LIMITS.maxText + cost.strings * (LIMITS.minKeptText + 1));
  expect(cost.html, `${name}: sanitizer calls`).to.be.at.most(LIMITS.maxMarkup / 10);
  expect(result.errors.length, `${name}: errors listed`).to.be.at.most(LIMITS.maxErrors + 2);
  const errorChars = result.errors.reduce((sum, error) => sum + error.path.length + error.message.length, 0);
  expect(errorChars, `${name}: characters of errors`).to.be.at.most(
    (LIMITS.maxErrors + 2) * (LIMITS.maxDepth + 4) * (LIMITS.maxPointerKey + 40),
  );
}

describe('core/normalize: the cost model (LIMITS)', () => {
  const longKey = 'k'.repeat(100_000);
  /** Issue 11's cases, and their neighbours: each must stay inside every budget. */
  const hostile: [string, () => unknown][] = [
    [
      '2,450 bad numbers under a 100,000-character key',
      () => ({ meta: { x: { [longKey]: Array.from({ length: 5 }, () => Array(490).fill(1e300)) } } }),
    ],
    ['ten notes of <b> x 3,000', () => ({ meta: { notes: Array.from({ length: 10 }, () => '<b>'.repeat(3000)) } })],
    ['500 notes of 10,000 characters of markup', () => ({ meta: { notes: Array.from({ length: 500 }, () => '<i>x</i>'.repeat(1250)) } })],
    [
      'stack, tools, checklist: 500 strings of 10,000 characters each',
      () => {
        const list = () => Array.from({ length: 500 }, (_, i) => String(i).padEnd(10_000, 'x'));
        return { meta: { stack: list(), tools: list(), checklist: list(), topic: 'still here' } };
      },
    ],
    [
      '2,500 keys of 200 characters',
      () => ({
        meta: {
          payload: Object.fromEntries(
            Array.from({ length: 200 }, (_, i) => [
              String(i).padEnd(200, 'k'),
              Object.fromEntries(Array.from({ length: 12 }, (_, j) => [String(j).padEnd(200, 'q'), 'v'])),
            ]),
          ),
        },
      }),
    ],
    [
      'a summary and brief of 10,000 tags each',
      () => ({ meta: { summary: '<b>x</b>'.repeat(2500), ai_brief: '<a href="/x">y</a>'.repeat(600) } }),
    ],
  ];

  for (const [name, make] of hostile) {
    it(`stays inside every budget: ${name}`, () => {
      expectWithinBudget(name, normalizeArticle(make()));
    });
  }

  it('lists at most maxErrors problems, then one line with how many more there were', () => {
    const result = normalizeArticle({ meta: { payload: { bad: Array(400).fill(1e300) } } });
    expect(result.errors).to.have.length(LIMITS.maxErrors + 1);
    expect(result.errors.slice(0, LIMITS.maxErrors).every((e) => /too large to represent/.test(e.message))).to.equal(true);
    expect(result.errors.at(-1)).to.deep.equal({
      path: '',
      code: 'more-errors',
      message: `${400 - LIMITS.maxErrors} more problems not listed`,
    });
  });

  it('shortens each key of a JSON pointer to maxPointerKey characters', () => {
    const key = 'a/b~'.repeat(10_000);
    const pointer = jsonPointer(['meta', key, 3]);
    expect(pointer).to.equal(`/meta/${key.slice(0, LIMITS.maxPointerKey).replace(/~/g, '~0').replace(/\//g, '~1')}…/3`);
    const result = normalizeArticle({ meta: { payload: { [key]: [1e300] } } });
    for (const error of result.errors) expect(error.path.length, error.path.slice(0, 80)).to.be.below(200);
  });

  it('past maxText characters, later strings keep minKeptText characters and one error says how many were cut', () => {
    const big = 'b'.repeat(LIMITS.maxStringLength);
    const stack = Array.from({ length: 20 }, () => big);
    const result = normalizeArticle({ meta: { stack, difficulty: 'd'.repeat(100), topic: 'still here' } });
    const kept = view(result.value.meta).stack!;
    expect(kept.slice(0, LIMITS.maxText / LIMITS.maxStringLength)).to.deep.equal(stack.slice(0, LIMITS.maxText / LIMITS.maxStringLength));
    expect(kept.at(-1)).to.equal('b'.repeat(LIMITS.minKeptText) + '…');
    expect(view(result.value.meta).difficulty).to.equal('d'.repeat(LIMITS.minKeptText) + '…');
    // A short field after the flood is whole.
    expect(view(result.value.meta).topic).to.equal('still here');
    const cut = result.errors.filter((e) => /text too long in total/.test(e.message));
    expect(cut).to.have.length(1);
    expect(cut[0].path).to.equal(`/meta/stack/${LIMITS.maxText / LIMITS.maxStringLength}`);
    expect(cut[0].message).to.contain(`${20 - LIMITS.maxText / LIMITS.maxStringLength + 1} more strings`);
  });

  it('rich text past the markup budget is shown as text without its tags, and reported', () => {
    const note = '<b>bold</b> and <i>italic</i> <x';
    const notes = Array.from({ length: 300 }, () => note);
    const result = normalizeArticle({ meta: { notes } });
    const kinds = view(result.value.meta).notes!.map((n) => n.kind);
    const sanitized = kinds.filter((kind) => kind === 'html').length;
    // Each note costs 10 + its 5 `<`.
    expect(sanitized).to.equal(Math.floor(LIMITS.maxMarkup / 15));
    expect(kinds.slice(0, sanitized).every((kind) => kind === 'html')).to.equal(true);
    expect(view(result.value.meta).notes!.at(-1)).to.deep.equal({ kind: 'text', text: 'bold and italic <x' });
    const refused = 300 - sanitized;
    expect(result.errors.filter((e) => /markup not parsed/.test(e.message))).to.have.length(Math.min(refused, LIMITS.maxErrors));
    expect(result.errors.at(-1)!.message).to.equal(`${refused - LIMITS.maxErrors} more problems not listed`);
  });

  it('JSON nested deeper than maxJsonDepth is refused by a scan before parsing; brackets inside strings do not count', () => {
    const depth = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseJson(depth(LIMITS.maxJsonDepth), 'attribute').errors).to.deep.equal([]);
    const refused = parseJson(depth(LIMITS.maxJsonDepth + 1), 'attribute');
    expect(refused.value).to.equal(undefined);
    expect(refused.errors).to.deep.equal([
      { path: '', code: 'json-too-deep', message: `attribute: JSON nested too deep (more than ${LIMITS.maxJsonDepth} levels); not parsed` },
    ]);
    const inStrings = parseJson(JSON.stringify({ a: '['.repeat(5000), b: '\\"[[[', c: '{'.repeat(600) }), 'script');
    expect(inStrings.errors).to.deep.equal([]);
    expect((inStrings.value as { a: string }).a).to.have.length(5000);
    // Two million `[` is over the length cap: not even scanned.
    expect(parseJson('['.repeat(2_000_000), 'src').errors[0].message).to.match(/^src: JSON too large/);
  });
});

describe('core/normalize: similar posts have a value budget of their own', () => {
  it('a meta that spends every value still leaves the similar posts, and the other way round', () => {
    const flood = Array.from({ length: LIMITS.maxNodes }, (_, i) => i);
    const posts = [{ title: 'kept', url: '/kept' }];
    const metaFlood = normalizeArticle({
      meta: {
        payload: {
          a: flood.slice(0, 450),
          b: flood.slice(0, 450),
          c: flood.slice(0, 450),
          d: flood.slice(0, 450),
          e: flood.slice(0, 450),
          f: flood.slice(0, 450),
        },
      },
      similar_posts: posts,
    });
    expect(metaFlood.errors.some((e) => /input too large/.test(e.message))).to.equal(true);
    expect(metaFlood.value.similar_posts).to.deep.equal([{ title: 'kept', url: new URL('/kept', document.baseURI).href, extra: [] }]);
    const manyPosts = Array.from({ length: 400 }, (_, i) => ({ title: `p${i}`, topic: 't', reading_time: 1, score: { a: 1 } }));
    const postFlood = normalizeArticle({ meta: { topic: 'kept' }, similar_posts: manyPosts });
    expect(view(postFlood.value.meta).topic).to.equal('kept');
    expect(postFlood.value.similar_posts!.length).to.be.below(400);
    expect(
      postFlood.errors.some((e) => e.message === `input too large: more than ${LIMITS.maxPostValues} values; the rest is not shown`),
    ).to.equal(true);
  });
});

describe('core/sanitize: defuse, the renaming before DOMPurify parses (issue 11, item 6)', () => {
  // The strict page (test/csp.test.ts) shows that no handler or style is even parsed; here,
  // that the renaming changes nothing else: values and text keep their words, removals keep their names.
  it('leaves attribute values and text that only look like handlers alone', () => {
    const titled: [string, string][] = [
      ['<b title="a onclick=b style=c">t</b>', 'a onclick=b style=c'],
      ['<b title=\'x" onload="y\'>t</b>', 'x" onload="y'],
      ['<b title="x style"/>t</b>', 'x style'],
      ['<b title="<script> <style>">t</b>', '<script> <style>'],
      ['<b title=">" lang="en">t</b>', '>'],
    ];
    for (const [input, title] of titled) {
      const { rich, removed } = sanitizeRich(input);
      const b = parse(out(rich)).querySelector('b')!;
      expect(b.getAttribute('title'), input).to.equal(title);
      expect(b.textContent, input).to.equal('t');
      expect(removed, input).to.deep.equal([]);
    }
    const { rich } = sanitizeRich('<b>onclick="x" style=y &lt;script&gt;</b> on style');
    expect(parse(out(rich)).textContent).to.equal('onclick="x" style=y <script> on style');
  });

  it('a handler or style after a quoted ">" is removed, named as written, and the element keeps its title and text', () => {
    const cases: [string, string[]][] = [
      ['<b title=">" onclick="x()">t</b>', ['onclick']],
      ["<b title='>' style='color:red'>t</b>", ['style']],
      ['<b title=">"onclick=x()>t</b>', ['onclick']],
      ['<b title=">"\nONCLICK\n=\nx()\tSTYLE=color:red>t</b>', ['onclick', 'style']],
      ['<b title=">"/onmouseover="x()"/style=color:red>t</b>', ['onmouseover', 'style']],
      // An unquoted value runs to a space or `>`: this `/style=` is part of it, not an attribute.
      ['<b title=">" onmouseover=x()/style=color:red>t</b>', ['onmouseover']],
      ['<!-- <b title="--> <b title=">" onclick=x()>t</b>', ['<#comment>', 'onclick']],
    ];
    for (const [input, names] of cases) {
      const { rich, removed } = sanitizeRich(input);
      const b = parse(out(rich)).querySelector('b')!;
      expect(b.getAttribute('title'), input).to.equal('>');
      expect(b.textContent, input).to.equal('t');
      expect([...removed].sort(), input).to.deep.equal(names);
    }
  });

  it('a <script> or <style> anywhere, even inside SVG or MathML, is removed with its content, named as written', () => {
    const cases: [string, string][] = [
      ['<SCRIPT/x>x()</SCRIPT/x>t', '<script>'],
      ['<STYLE\n>b{}</STYLE\n>t', '<style>'],
      ['<svg><style>b{}</style></svg>t', '<svg>'],
      ['<math><style>b{}</style></math>t', '<math>'],
    ];
    for (const [input, name] of cases) {
      const { rich, removed } = sanitizeRich(input);
      expect(parse(out(rich)).textContent, input).to.equal('t');
      expect(removed, input).to.include(name);
      expect(removed.join(' '), input).not.to.include('anp-blocked');
    }
  });
});
