import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { seedWithPosts } from './seed.js';

const meta: Meta = {
  title: 'Compositions/Article page',
  component: 'anp-article',
  render: (args) =>
    html`<anp-article .article=${args.article}>
      <anp-meta-box></anp-meta-box>
      <anp-score-bars></anp-score-bars>
      <anp-checklist></anp-checklist>
      <anp-similar-posts></anp-similar-posts>
    </anp-article>`,
};
export default meta;

export const AllElements: StoryObj = { args: { article: seedWithPosts() } };
