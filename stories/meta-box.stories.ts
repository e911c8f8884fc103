import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { seedArticle } from './seed.js';

const meta: Meta = {
  title: 'Elements/anp-meta-box',
  component: 'anp-meta-box',
  args: { fields: '', exclude: '' },
  render: (args) =>
    html`<anp-meta-box
      .article=${args.article}
      fields=${ifDefined(args.fields || undefined)}
      exclude=${ifDefined(args.exclude || undefined)}
    ></anp-meta-box>`,
};
export default meta;

type Story = StoryObj;

export const Seed: Story = { args: { article: seedArticle() } };
export const Empty: Story = { args: { article: { meta: {} } } };
export const OnlySomeFields: Story = { args: { article: seedArticle(), fields: 'topic,difficulty,reading_time,view_count' } };
export const BadInput: Story = {
  args: {
    article: {
      meta: { topic: 42, tools: ['ok', 7], score: { quality: 'high', depth: 86 }, summary: 'kept <b>bold</b><img src=x onerror=alert(1)>' },
    },
  },
};
