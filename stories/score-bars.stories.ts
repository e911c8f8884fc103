import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { seedArticle } from './seed.js';

const meta: Meta = {
  title: 'Elements/anp-score-bars',
  component: 'anp-score-bars',
  render: (args) => html`<anp-score-bars .article=${args.article} .scores=${args.scores}></anp-score-bars>`,
};
export default meta;

type Story = StoryObj;

export const Seed: Story = { args: { article: seedArticle() } };
export const Thresholds: Story = { args: { scores: { low: 20, middle: 60, high: 90 } } };
