import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SEED_URL, seedWithPosts } from './seed.js';
import { scriptChild } from './story-frame.js';

/** The four elements, with no data of their own: each takes the article from the provider around it. */
const consumers = html`
  <anp-meta-box exclude="score, checklist"></anp-meta-box>
  <anp-score-bars></anp-score-bars>
  <anp-checklist></anp-checklist>
  <anp-similar-posts></anp-similar-posts>
`;

const layout = 'display: grid; gap: 1rem; max-width: 52rem;';

interface ProviderArgs {
  article?: unknown;
  articleJson?: string;
  src?: string;
  lang?: string;
}

const meta: Meta<ProviderArgs> = {
  title: 'Elements/anp-article',
  component: 'anp-article',
  parameters: {
    docs: {
      description: {
        component:
          'The provider: give it the article once (script child, `src`, `article` attribute or property) and every anp element inside takes it from there. It draws nothing itself; the stories show it with the four elements inside.',
      },
    },
  },
  render: (args) =>
    html`<anp-article
      .article=${args.article}
      article=${ifDefined(args.articleJson)}
      src=${ifDefined(args.src)}
      lang=${ifDefined(args.lang || undefined)}
      style=${layout}
    >
      ${consumers}
    </anp-article>`,
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/** What a CMS template prints: the JSON in a script child, the elements beside it. */
export const ScriptChild: Story = {
  render: (): TemplateResult => html`<anp-article style=${layout}> ${scriptChild(seedWithPosts())} ${consumers} </anp-article>`,
  parameters: { docs: { description: { story: 'The article as a `<script type="application/json">` child of `<anp-article>`.' } } },
};

/** Fetched from a URL: the Storybook serves test/fixtures at /fixtures. */
export const FromSrc: Story = {
  args: { src: SEED_URL },
  parameters: {
    docs: { description: { story: `\`src="${SEED_URL}"\`: fetched once by the provider, shared with every element inside.` } },
  },
};

/** JSON text in the `article` attribute (the `articleJson` property). */
export const FromAttribute: Story = {
  args: { articleJson: JSON.stringify(seedWithPosts()) },
};

/** An object in the `article` property, as frameworks pass it. */
export const FromProperty: Story = {
  args: { article: seedWithPosts() },
};

/** An element with data of its own keeps it: here the score bars get their own scores and the checklist its own items. */
export const OwnDataWins: Story = {
  render: () =>
    html`<anp-article .article=${seedWithPosts()} style=${layout}>
      <anp-meta-box fields="topic, difficulty, reading_time"></anp-meta-box>
      <anp-score-bars .scores=${{ accessibility: 92, performance: 58, tests: 31 }}></anp-score-bars>
      <anp-checklist .items=${['read the provider docs', 'override one element']}></anp-checklist>
    </anp-article>`,
};

/** Broken JSON in the attribute: nothing to provide, the elements show their empty states, and `anp-error` says why. */
export const BadJson: Story = {
  args: { articleJson: '{"title": "cut off in the middle", "meta": {"topic": ' },
  parameters: { anp: { expectErrors: true } },
};
