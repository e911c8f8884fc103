import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { AnpArticle, AnpSimilarPosts } from '../src/index.js';
import {
  collectErrors,
  inShadow,
  jsonScript,
  POSTS_URL,
  POSTS_VALUES,
  postsArticle,
  postsJson,
  seedArticle,
  seedJson,
  shadowText,
  textOf,
  tick,
  withBadInput,
  withoutComments,
} from './helpers.js';
import { inputPathTests } from './shared/input-paths.js';

function items(el: AnpSimilarPosts): HTMLLIElement[] {
  return inShadow<HTMLLIElement>(el, '[part~="list"] > li[part~="item"]');
}

function titles(el: AnpSimilarPosts): string[] {
  return items(el).map((li) => textOf(li.querySelector('[part~="link"], [part~="title"]')));
}

function links(el: AnpSimilarPosts): HTMLAnchorElement[] {
  return inShadow<HTMLAnchorElement>(el, 'a');
}

/** Each post as a reader meets it: a link (its title) to an absolute http(s) URL, topic and reading time beside it. */
function expectPosts(el: AnpSimilarPosts, expected = POSTS_VALUES): void {
  const lis = items(el);
  expect(lis.map((li) => textOf(li.querySelector('a')))).to.deep.equal(expected.map((post) => post.title));
  for (const [index, li] of lis.entries()) {
    const post = expected[index];
    const anchors = li.querySelectorAll('a[href]');
    expect(anchors, post.title).to.have.length(1);
    const href = anchors[0].getAttribute('href')!;
    expect(href, post.title).to.match(/^https?:\/\//);
    expect(href).to.equal(post.href);
    expect(textOf(li.querySelector('[part~="details"]'))).to.equal(post.details);
    const time = li.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(post.datetime);
  }
  expect(inShadow(el, '[part~="empty"]')).to.have.length(0);
}

/** A visible empty state, and no list. */
function expectEmptyState(el: AnpSimilarPosts): void {
  const empty = inShadow(el, '[part~="empty"]');
  expect(empty, 'one empty state').to.have.length(1);
  expect(textOf(empty[0])).to.equal('No similar posts yet.');
  expect(getComputedStyle(empty[0]).display).not.to.equal('none');
  expect(getComputedStyle(empty[0]).visibility).to.equal('visible');
  expect(empty[0].getBoundingClientRect().height, 'the empty state takes room').to.be.greaterThan(0);
  expect(inShadow(el, 'ul, li, a')).to.have.length(0);
}

async function postsBox(): Promise<AnpSimilarPosts> {
  return fixture<AnpSimilarPosts>(html`<anp-similar-posts .article=${postsArticle()}></anp-similar-posts>`);
}

describe('<anp-similar-posts>', () => {
  it('passes axe with the seed (its empty state)', async () => {
    const el = await fixture<AnpSimilarPosts>(html`<anp-similar-posts .article=${seedArticle()}></anp-similar-posts>`);
    expect(inShadow(el, '[part~="empty"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('passes axe with posts', async () => {
    const el = await postsBox();
    expect(links(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('renders nothing and reports nothing without data', async () => {
    const errors = collectErrors(document);
    const el = await fixture<AnpSimilarPosts>(html`<anp-similar-posts></anp-similar-posts>`);
    expect(shadowText(el)).to.equal('');
    expect(inShadow(el, '[part~="empty"]')).to.have.length(0);
    expect(el.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  it('renders every post as a link with its topic and reading time, under a heading, and no anp-error', async () => {
    const errors = collectErrors(document);
    const el = await postsBox();
    expectPosts(el);
    const heading = inShadow(el, '[role="heading"]')[0];
    expect(textOf(heading)).to.equal('similar posts');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(el.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  describe('input paths', () => {
    const one = (title: string) => [{ title, url: `https://example.com/${title}` }];
    inputPathTests<AnpSimilarPosts>({
      tag: 'anp-similar-posts',
      expectShown: (el) => expectPosts(el),
      article: { object: postsArticle, json: postsJson, url: POSTS_URL },
      own: { property: 'posts', value: () => postsArticle().similar_posts, probe: one },
      probe: {
        article: (label) => ({ similar_posts: one(label) }),
        // Each title a link to its own URL: the post arrived whole.
        shown: (el) =>
          links(el)
            .map((a) => (a.getAttribute('href') === one(textOf(a))[0].url ? textOf(a) : `${textOf(a)} -> ${a.href}`))
            .join(' | '),
      },
    });
  });

  it('article attribute and property render the same', async () => {
    const byAttribute = await fixture<AnpSimilarPosts>(html`<anp-similar-posts article=${postsJson()}></anp-similar-posts>`);
    const byProperty = await postsBox();
    const byPosts = await fixture<AnpSimilarPosts>(html`<anp-similar-posts .posts=${postsArticle().similar_posts}></anp-similar-posts>`);
    expect(withoutComments(byAttribute.shadowRoot!)).to.contain('flame graphs');
    expect(withoutComments(byAttribute.shadowRoot!)).to.equal(withoutComments(byProperty.shadowRoot!));
    expect(withoutComments(byPosts.shadowRoot!)).to.equal(withoutComments(byProperty.shadowRoot!));
  });

  describe('empty state', () => {
    it('similar_posts: [] (the seed) shows a visible empty state and no list', async () => {
      const el = await fixture<AnpSimilarPosts>(html`<anp-similar-posts .article=${seedArticle()}></anp-similar-posts>`);
      expectEmptyState(el);
      expect(textOf(inShadow(el, '[role="heading"]')[0])).to.equal('similar posts');
    });

    it('posts = [] shows the empty state', async () => {
      const el = await fixture<AnpSimilarPosts>(html`<anp-similar-posts .posts=${[]}></anp-similar-posts>`);
      expectEmptyState(el);
    });

    it('the seed through <anp-article> shows the empty state', async () => {
      const article = await fixture<AnpArticle>(
        html`<anp-article article=${seedJson()}><anp-similar-posts></anp-similar-posts></anp-article>`,
      );
      const el = article.querySelector('anp-similar-posts')!;
      await el.updateComplete;
      expectEmptyState(el);
    });

    it('the empty state follows the data: posts appear, then go again', async () => {
      const el = await fixture<AnpSimilarPosts>(html`<anp-similar-posts .article=${seedArticle()}></anp-similar-posts>`);
      expectEmptyState(el);
      el.article = postsArticle();
      await el.updateComplete;
      expectPosts(el);
      el.posts = [];
      await el.updateComplete;
      expectEmptyState(el);
    });

    it('the empty text can be translated', async () => {
      const el = await fixture<AnpSimilarPosts>(
        html`<anp-similar-posts .posts=${[]} .labels=${{ similarPostsEmpty: 'Noch keine ähnlichen Beiträge.' }}></anp-similar-posts>`,
      );
      expect(textOf(inShadow(el, '[part~="empty"]')[0])).to.equal('Noch keine ähnlichen Beiträge.');
    });
  });

  it('new data replaces old', async () => {
    const el = await postsBox();
    el.article = { similar_posts: [{ title: 'a fresh post', url: 'https://example.net/fresh', topic: 'rust', reading_time: 7 }] };
    await el.updateComplete;
    expectPosts(el, [{ title: 'a fresh post', href: 'https://example.net/fresh', details: 'rust · 7 min', datetime: 'PT7M' }]);
    for (const old of POSTS_VALUES) expect(shadowText(el)).not.to.include(old.title);
    expect(shadowText(el)).not.to.include('databases');
    el.posts = [{ title: 'only this one' }];
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['only this one']);
    expect(links(el)).to.have.length(0);
    expect(shadowText(el)).not.to.include('a fresh post');
  });

  describe('bad input', () => {
    it('invalid JSON in the article attribute: anp-error at "", nothing rendered', async () => {
      const { el, event } = await withBadInput('anp-similar-posts', (el) =>
        el.setAttribute('article', '{"similar_posts": [{"title": "x"}'),
      );
      expect(event.detail.errors).to.have.length(1);
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/^attribute: invalid JSON/);
      expect(links(el)).to.have.length(0);
    });

    it('invalid JSON in a script child: anp-error naming the script', async () => {
      const { el, event } = await withBadInput('anp-similar-posts', (el) => el.append(jsonScript('{"similar_posts": [{title: "x"}]}')));
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/^script: invalid JSON/);
      expect(links(el)).to.have.length(0);
    });

    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
    ]) {
      it(`a post URL ${JSON.stringify(url)} renders the title as text, without a link, and is reported`, async () => {
        const { el, event } = await withBadInput(
          'anp-similar-posts',
          (el) =>
            (el.article = {
              similar_posts: [
                { title: 'looks harmless', url, topic: 'bait' },
                { title: 'fine', url: 'https://example.com/' },
              ],
            }),
        );
        const errors = event.detail.errors.filter((e) => e.path === '/similar_posts/0/url');
        expect(errors, 'error at /similar_posts/0/url').to.have.length(1);
        expect(errors[0].message).to.match(/URL not used/);
        expect(titles(el)).to.deep.equal(['looks harmless', 'fine']);
        const first = items(el)[0];
        expect(first.querySelector('a'), 'no link').to.equal(null);
        expect(textOf(first.querySelector('[part~="title"]'))).to.equal('looks harmless');
        expect(textOf(first.querySelector('[part~="details"]'))).to.equal('bait');
        expect(links(el).map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/']);
        for (const a of links(el)) expect(a.protocol).to.match(/^https?:$/);
      });
    }

    it('a javascript: URL through the posts property is reported at /0/url', async () => {
      const { el, paths } = await withBadInput(
        'anp-similar-posts',
        (el) => (el.posts = [{ title: 'bait', url: 'JAVASCRIPT:alert(document.domain)' }]),
      );
      expect(paths).to.deep.equal(['/0/url']);
      expect(titles(el)).to.deep.equal(['bait']);
      expect(links(el)).to.have.length(0);
    });

    it('a post without a title is reported and not shown', async () => {
      const { el, event } = await withBadInput(
        'anp-similar-posts',
        (el) =>
          (el.article = {
            similar_posts: [
              { title: 'has one', url: '/a' },
              { url: '/b', topic: 'no title' },
              { title: 42, url: '/c' },
            ],
          }),
      );
      const messages = event.detail.errors.map((e) => `${e.path} ${e.message}`);
      expect(messages).to.include('/similar_posts/1 post without a title is not shown');
      expect(messages.some((m) => m.startsWith('/similar_posts/2/title expected a string'))).to.equal(true);
      expect(messages).to.include('/similar_posts/2 post without a title is not shown');
      expect(titles(el)).to.deep.equal(['has one']);
      expect(shadowText(el)).not.to.include('no title');
      expect(shadowText(el)).not.to.include('42');
    });

    it('wrong types: each reported, the valid rest renders', async () => {
      const { el, paths } = await withBadInput(
        'anp-similar-posts',
        (el) => (el.posts = [{ title: 'typed badly', url: 12, topic: ['x'], reading_time: '5 min' }, 'not a post', null] as unknown[]),
      );
      expect(paths).to.deep.equal(['/0/url', '/0/topic', '/0/reading_time', '/1', '/2']);
      expect(titles(el)).to.deep.equal(['typed badly']);
      expect(items(el)[0].querySelector('[part~="details"]')).to.equal(null);
      expect(links(el)).to.have.length(0);
    });

    it('similar_posts that is not a list is reported', async () => {
      const { el, paths } = await withBadInput('anp-similar-posts', (el) => (el.article = { similar_posts: { title: 'one' } }));
      expect(paths).to.deep.equal(['/similar_posts']);
      expect(links(el)).to.have.length(0);
      expect(shadowText(el)).not.to.include('one');
    });

    it('non-finite reading times are reported and not shown', async () => {
      const { el, paths } = await withBadInput(
        'anp-similar-posts',
        (el) =>
          (el.posts = [
            { title: 'forever', reading_time: Infinity },
            { title: 'unknown', reading_time: NaN, topic: 'kept' },
          ]),
      );
      expect(paths).to.deep.equal(['/0/reading_time', '/1/reading_time']);
      expect(titles(el)).to.deep.equal(['forever', 'unknown']);
      expect(inShadow(el, 'time')).to.have.length(0);
      expect(textOf(items(el)[1].querySelector('[part~="details"]'))).to.equal('kept');
      expect(shadowText(el)).not.to.match(/NaN|Infinity|∞/);
    });

    it('cycles are reported, not followed', async () => {
      const post: Record<string, unknown> = { title: 'self-referential', url: 'https://example.com/self' };
      post.related = post;
      const { el, event } = await withBadInput('anp-similar-posts', (el) => (el.article = { similar_posts: [post] }));
      expect(event.detail.errors.some((e) => e.path === '/similar_posts/0/related' && /cycle/.test(e.message))).to.equal(true);
      expect(titles(el)).to.deep.equal(['self-referential']);

      const posts: unknown[] = [{ title: 'first' }];
      posts.push(posts);
      const second = await withBadInput('anp-similar-posts', (el) => (el.posts = posts));
      expect(second.paths).to.deep.equal(['/1']);
      expect(titles(second.el)).to.deep.equal(['first']);
    });

    it('__proto__ keys are dropped and Object.prototype is untouched', async () => {
      const json = '{"similar_posts":[{"__proto__":{"url":"javascript:alert(1)","polluted":"yes"},"title":"kept"}]}';
      const { el, paths } = await withBadInput('anp-similar-posts', (el) => el.setAttribute('article', json));
      expect(paths).to.deep.equal(['/similar_posts/0/__proto__']);
      expect(titles(el)).to.deep.equal(['kept']);
      expect(links(el)).to.have.length(0);

      const second = await withBadInput(
        'anp-similar-posts',
        (el) => (el.posts = JSON.parse('[{"title":"also kept","__proto__":{"title":"injected"}}]')),
      );
      expect(second.paths).to.deep.equal(['/0/__proto__']);
      expect(titles(second.el)).to.deep.equal(['also kept']);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(({} as Record<string, unknown>).url).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
    });

    it('a huge list is capped at 500 posts with an "n more" line', async () => {
      const posts = Array.from({ length: 600 }, (_, i) => ({ title: `post ${i}`, url: `https://example.com/${i}` }));
      const { el, event } = await withBadInput('anp-similar-posts', (el) => (el.article = { similar_posts: posts }));
      expect(event.detail.errors.some((e) => e.path === '/similar_posts' && /too many items/.test(e.message))).to.equal(true);
      expect(links(el)).to.have.length(500);
      expect(textOf(links(el)[499])).to.equal('post 499');
      expect(inShadow(el, '[part~="list"] > [part~="more"]').map(textOf)).to.deep.equal(['100 more']);
    });

    it('a src that fails (404) gives anp-error and renders nothing', async () => {
      const { el, event } = await withBadInput('anp-similar-posts', (el) => (el.src = new URL('./does-not-exist.json', POSTS_URL).href));
      expect(event.detail.errors[0].message).to.match(/src: fetch failed: HTTP 404/);
      expect(links(el)).to.have.length(0);
    });

    it('markup in a title or topic stays text', async () => {
      const el = await fixture<AnpSimilarPosts>(
        html`<anp-similar-posts
          .posts=${[{ title: '<img src=x onerror="window.__anpPostRan=1">', url: '/x', topic: '<b>bold</b>' }]}
        ></anp-similar-posts>`,
      );
      expect(titles(el)).to.deep.equal(['<img src=x onerror="window.__anpPostRan=1">']);
      expect(textOf(items(el)[0].querySelector('[part~="details"]'))).to.equal('<b>bold</b>');
      expect(inShadow(el, 'img, b')).to.have.length(0);
      await tick();
      expect((window as unknown as { __anpPostRan?: number }).__anpPostRan).to.equal(undefined);
    });
  });
});
