import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { seedArticle, seedWithPosts } from './seed.js';
import { articleInputs, headingLevel, noHeading, note, scriptChild, text, tokenStyles, withErrorLog } from './story-frame.js';

/**
 * `<anp-similar-posts>` with every arg bound: the manifest lists attributes
 * (`article`, `heading-level`, `no-heading`) and properties (`articleJson`,
 * `headingLevel`, `noHeading`) under both names, so either control works.
 * `article` as text goes to the attribute, as an object to the property.
 * The `heading` and `empty` args fill the slots of those names.
 */
function similarPosts(args: Args, children: unknown = nothing): TemplateResult {
  const article = articleInputs(args);
  return html`<anp-similar-posts
    .posts=${args.posts}
    .article=${article.property}
    article=${ifDefined(article.attribute)}
    src=${ifDefined(text(args.src))}
    .labels=${args.labels}
    heading-level=${ifDefined(headingLevel(args))}
    ?no-heading=${noHeading(args)}
    theme=${ifDefined(text(args.theme))}
    lang=${ifDefined(text(args.lang))}
    style=${styleMap(tokenStyles(args))}
    >${text(args.heading) ? html`<span slot="heading">${args.heading}</span>` : nothing}${
      text(args.empty) ? html`<span slot="empty">${args.empty}</span>` : nothing
    }${children}</anp-similar-posts
  >`;
}

const TOPICS = ['databases', 'observability', 'python services', 'go services', 'frontend', 'security'];

/** `count` posts with same-origin links (never followed in a story). */
function manyPosts(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `Similar post ${i + 1}: notes from migration number ${i + 1}`,
    url: `/posts/similar-${String(i + 1).padStart(4, '0')}`,
    topic: TOPICS[i % TOPICS.length],
    reading_time: 2 + ((i * 7) % 19),
  }));
}

const meta: Meta = {
  title: 'Elements/anp-similar-posts',
  component: 'anp-similar-posts',
  tags: ['autodocs'],
  render: (args) => similarPosts(args),
};
export default meta;

type Story = StoryObj;

// Data states

/** The canonical article with three similar posts, as a CMS page sends it. */
export const Seed: Story = { args: { article: seedWithPosts() } };

/** The canonical article itself has no similar posts: the visible empty state, never a bare heading. */
export const Empty: Story = { args: { article: seedArticle() } };

/** Posts missing what they may miss (url, topic, reading time), and one with a score. A post without a URL shows its title as text. */
export const Partial: Story = {
  args: {
    posts: [
      { title: 'Only a title: no link, no topic, no reading time' },
      { title: 'A link but no details', url: '/posts/partial-002' },
      { title: 'A topic only', topic: 'databases' },
      { title: 'A reading time only', url: '/posts/partial-004', reading_time: 9 },
      { title: 'Everything, and a score', url: '/posts/partial-005', topic: 'observability', reading_time: 4, score: { relevance: 88 } },
    ],
  },
};

/** 40 similar posts: a long list, under the caps. */
export const ManyPosts: Story = { args: { posts: manyPosts(40) } };

/** 520 posts: past the cap of 500 items per list, so 500 posts, "20 more", and an anp-error naming the path. */
export const PastTheCap: Story = {
  args: { posts: manyPosts(520) },
  parameters: { anp: { expectErrors: true } },
  render: (args) => withErrorLog(similarPosts(args)),
};

/** Long titles and topics, two titles without a single space: the case to check for wrapping, on narrow screens too. */
export const LongTitles: Story = {
  args: {
    posts: [
      {
        title:
          'A very long title about tracking data quality signals before, during and after a major migration of a python service with many moving parts and a rollback plan that has to work on the first try',
        url: '/posts/long-001',
        topic: 'python services / data quality / migrations / rollback planning / observability',
        reading_time: 27,
      },
      {
        title: 'Averyveryverylongtitlewithoutanyspacesatallthatmuststillwrapinsidetheboxinsteadofoverflowingthepage',
        url: '/posts/long-002',
        topic: 'databases',
        reading_time: 3,
      },
      {
        title: 'Averyveryverylongtitlewithoutanyspacesandwithoutalinkshownasplaintextthatmuststillwrap',
        topic: 'frontend',
      },
    ],
  },
};

/** `javascript:` and `data:` URLs are refused: those titles render as plain text, anp-error names each one. */
export const RefusedUrls: Story = {
  args: {
    posts: [
      { title: 'An allowed same-origin link', url: '/posts/allowed-001', topic: 'security', reading_time: 2 },
      { title: 'A javascript: URL, shown as text', url: 'javascript:alert(1)', topic: 'security' },
      { title: 'A data: URL, shown as text', url: 'data:text/html,<script>alert(1)</script>', topic: 'security' },
      { title: 'A disguised javascript: URL, shown as text', url: ' JaVa\tScRiPt:alert(1)', topic: 'security' },
    ],
  },
  parameters: { anp: { expectErrors: true } },
  render: (args) => withErrorLog(similarPosts(args)),
};

/** The theming playground: every `--anp-*` token this element reads has a control; edits apply live. */
export const ThemingPlayground: Story = {
  args: {
    article: seedWithPosts(),
    '--anp-color-text': '#1f2937',
    '--anp-color-muted': '#4b5563',
    '--anp-color-accent': '#9a3412',
    '--anp-color-border': '#9ca3af',
    '--anp-space': '1rem',
    '--anp-radius': '0.75rem',
    '--anp-heading-size': '1.25rem',
    '--anp-font-family': 'Georgia, "Times New Roman", serif',
  },
  argTypes: {
    '--anp-color-text': { control: 'color' },
    '--anp-color-muted': { control: 'color' },
    '--anp-color-accent': { control: 'color' },
    '--anp-color-border': { control: 'color' },
    '--anp-color-background': { control: 'color' },
    '--anp-space': { control: 'text' },
    '--anp-radius': { control: 'text' },
    '--anp-font-family': { control: 'text' },
    '--anp-heading-size': { control: 'text' },
  },
};

/** The playground's tokens on the empty state: its dashed frame takes `--anp-color-border` and `--anp-radius`. */
export const ThemingPlaygroundEmpty: Story = {
  ...ThemingPlayground,
  args: { ...ThemingPlayground.args, article: seedArticle() },
};

// Input paths

/** The article as JSON text in the `article` attribute, as a CMS template writes it. */
export const AttributeInput: Story = { args: { article: JSON.stringify(seedWithPosts()) } };

/** The article fetched from `src` (Storybook serves test/fixtures at /fixtures). */
export const SrcInput: Story = {
  args: { src: '/fixtures/article-with-posts.json' },
};

/** The article in a child `<script type="application/json">`. */
export const ScriptChild: Story = {
  render: (args) => similarPosts(args, scriptChild(seedWithPosts())),
};

/** No data of its own: the element takes the article from the `<anp-article>` around it. */
export const Provider: Story = {
  render: (args) => html`<anp-article .article=${seedWithPosts()}>${similarPosts(args)}</anp-article>`,
};

/** The convenience property `posts`, which wins over every article input. */
export const PostsProperty: Story = {
  args: {
    posts: [
      { title: 'Choosing a connection pool size', url: '/posts/pool-size', topic: 'databases', reading_time: 8 },
      { title: 'Reading a flame graph in ten minutes', url: '/posts/flame-graphs', topic: 'observability', reading_time: 10 },
    ],
  },
};

// Bad and hostile input

/** Invalid JSON in the `article` attribute: the element shows its empty state, anp-error says why. */
export const InvalidJson: Story = {
  name: 'Invalid JSON',
  args: { article: '{"similar_posts": [{"title": "unterminated}]' },
  parameters: { anp: { expectErrors: true } },
  render: (args) => withErrorLog(similarPosts(args)),
};

/** Wrong types: the valid posts render, anp-error lists the rest by JSON pointer. */
export const WrongTypes: Story = {
  args: {
    posts: [
      42,
      { title: 7, url: '/posts/wrong-001' },
      { url: '/posts/wrong-002', topic: 'no title' },
      { title: 'Kept, without its bad reading time', url: '/posts/wrong-003', reading_time: 'five', topic: ['databases'] },
      { title: 'A valid post', url: '/posts/wrong-004', topic: 'databases', reading_time: 6 },
    ],
  },
  parameters: { anp: { expectErrors: true } },
  render: (args) => withErrorLog(similarPosts(args)),
};

/** Markup in titles and topics shows as text and a `javascript:` URL is refused (reported with anp-error); nothing runs. */
export const XssAttempt: Story = {
  name: 'XSS attempt',
  args: {
    posts: [
      {
        title: '<img src=x onerror=alert(1)>Image title',
        url: '/posts/xss-001',
        topic: '<script>alert("topic")</script>',
        reading_time: 3,
      },
      { title: '"><svg onload=alert(1)>', url: '/posts/xss-002', topic: '<b onmouseover=alert(1)>bold?</b>' },
      { title: '<a href="javascript:alert(1)">A link inside a title</a>', url: 'javascript:alert(document.domain)', topic: 'security' },
    ],
  },
  parameters: { anp: { expectErrors: true } },
  render: (args) => withErrorLog(similarPosts(args)),
};

// Direction, language and themes

/** Right to left, in Arabic: Arabic heading and reading times, a Latin topic kept in one piece. */
export const RightToLeft: Story = {
  args: { article: seedWithPosts() },
  globals: { dir: 'rtl', locale: 'ar' },
};

/** Right to left with no posts: the Arabic empty state. */
export const RightToLeftEmpty: Story = {
  args: { article: seedArticle() },
  globals: { dir: 'rtl', locale: 'ar' },
};

/** The dark toolbar theme: the page and the element follow it. */
export const Dark: Story = {
  args: { article: seedWithPosts() },
  globals: { theme: 'dark' },
};

/** `theme="dark"`: a dark card on whatever page it is on. */
export const DarkAttribute: Story = { args: { article: seedWithPosts(), theme: 'dark' } };

/** Forced colours (Windows contrast themes): links in LinkText, the empty state's frame in system colours. */
export const ForcedColors: Story = {
  args: { article: seedWithPosts() },
  parameters: { anp: { forcedColors: true } },
  render: (args) =>
    html`${note(
      html`Forced colours: to see this state, turn on forced-colours emulation (Chrome DevTools › Rendering › “Emulate CSS media feature
      forced-colors: active”) or a contrast theme in your OS. The story test emulates it.`,
    )}${similarPosts(args)}`,
};
