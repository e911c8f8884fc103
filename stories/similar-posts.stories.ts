import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { seedArticle, seedWithPosts } from './seed.js';

const meta: Meta = {
  title: 'Elements/anp-similar-posts',
  component: 'anp-similar-posts',
  render: (args) => html`<anp-similar-posts .article=${args.article}></anp-similar-posts>`,
};
export default meta;

type Story = StoryObj;

export const ThreePosts: Story = { args: { article: seedWithPosts() } };
export const EmptyState: Story = { args: { article: seedArticle() } };
