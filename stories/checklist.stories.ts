import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { seedArticle } from './seed.js';

const meta: Meta = {
  title: 'Elements/anp-checklist',
  component: 'anp-checklist',
  render: (args) => html`<anp-checklist .article=${args.article} .items=${args.items}></anp-checklist>`,
};
export default meta;

type Story = StoryObj;

export const Seed: Story = { args: { article: seedArticle() } };
export const OwnItems: Story = { args: { items: ['write the test', 'watch it fail', 'make it pass'] } };
export const Empty: Story = { args: { items: [] } };
