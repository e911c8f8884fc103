import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { seedWithPosts } from './seed.js';
import { tokenStyles } from './story-frame.js';

/** Every --anp-* token the elements read (docs/api.md, "CSS custom properties"), with what it paints. */
const COLOUR_TOKENS = {
  '--anp-color-text': 'Text (default: the page’s text colour).',
  '--anp-color-muted': 'Labels, details, progress and “n more” lines (default: text at 66 %).',
  '--anp-color-border': 'The meta box frame, row separators, the empty state’s frame (default: text at 18 %).',
  '--anp-color-surface': 'The meta box background, a hovered checklist row (default: text at 4 %).',
  '--anp-color-background': 'The canvas, only when `theme` is light or dark (default: the theme’s Canvas).',
  '--anp-color-accent': 'Links, checkboxes, focus rings (default #2563eb; #93b4ff in dark).',
  '--anp-color-yes': '“Yes” badges (default #15803d; #6ee7a0 in dark).',
  '--anp-color-no': '“No” badges (default: text at 55 %).',
  '--anp-bar-track': 'The empty part of a score bar (default: text at 12 %).',
  '--anp-bar-color-low': 'A score below 50 (default #dc2626).',
  '--anp-bar-color-mid': 'A score from 50 to 74 (default #d97706).',
  '--anp-bar-color-high': 'A score from 75 up (default #16a34a).',
} as const;

const TEXT_TOKENS = {
  '--anp-space': 'Base unit of padding and gaps (default 0.75rem).',
  '--anp-radius': 'Corners; checklist rows take 60 % of it (default 0.5rem).',
  '--anp-font-family': 'Every text (default: inherit the page’s font).',
  '--anp-font-family-mono': '`<code>`: reference, hash, versions (default ui-monospace, …, monospace).',
  '--anp-heading-size': 'Every element’s heading (default 1rem).',
  '--anp-label-width': 'The meta box’s label column, never under 6rem (default 9.5rem).',
  '--anp-bar-height': 'Score bar thickness (default 0.5rem).',
} as const;

type Token = keyof typeof COLOUR_TOKENS | keyof typeof TEXT_TOKENS;
type TokenArgs = Partial<Record<Token, string>>;

const argTypes: Meta<TokenArgs>['argTypes'] = {};
for (const [token, description] of Object.entries(COLOUR_TOKENS)) {
  argTypes[token as Token] = { control: { type: 'color' }, description, table: { category: 'colours' } };
}
for (const [token, description] of Object.entries(TEXT_TOKENS)) {
  argTypes[token as Token] = { control: { type: 'text' }, description, table: { category: 'sizes and fonts' } };
}

const meta: Meta<TokenArgs> = {
  title: 'Theming/Playground',
  parameters: {
    docs: {
      description: {
        component:
          'Edit the `--anp-*` custom properties and watch all four elements follow. The tokens are set on a wrapper around them, as a theme would set them on `:root` or a container; an empty control means the element’s default. Switch the toolbar’s theme to see them on a light or dark page.',
      },
    },
  },
  argTypes,
  render: (args) =>
    html`<div class="anp-tokens" style=${styleMap(tokenStyles(args))}>
      <anp-article
        .article=${seedWithPosts()}
        style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));"
      >
        <anp-meta-box fields="topic, summary, stack, reading_time, view_count, revision, flags, reference"></anp-meta-box>
        <div style="display: grid; gap: 1rem; align-content: start;">
          <anp-score-bars .scores=${{ quality: 91, freshness: 62, depth: 38, clarity: 87 }}></anp-score-bars>
          <anp-checklist></anp-checklist>
          <anp-similar-posts></anp-similar-posts>
        </div>
      </anp-article>
    </div>`,
};
export default meta;

type Story = StoryObj<TokenArgs>;

/** Every token unset: the elements' own defaults on this page. */
export const Playground: Story = {};

/** A warm brand: serif text, rounder corners, roomier spacing, brand bar colours. */
export const WarmBrand: Story = {
  args: {
    '--anp-color-accent': '#9a3412',
    '--anp-color-border': '#e7d3c3',
    '--anp-color-surface': '#fdf6ef',
    '--anp-color-yes': '#3f6212',
    '--anp-bar-color-low': '#b91c1c',
    '--anp-bar-color-mid': '#b45309',
    '--anp-bar-color-high': '#4d7c0f',
    '--anp-bar-track': '#f1e4d8',
    '--anp-space': '0.9rem',
    '--anp-radius': '1rem',
    '--anp-font-family': 'Georgia, "Times New Roman", serif',
    '--anp-heading-size': '1.2rem',
    '--anp-bar-height': '0.75rem',
  },
};

/** Tight and square: for dense dashboards. */
export const Compact: Story = {
  args: {
    '--anp-space': '0.4rem',
    '--anp-radius': '0',
    '--anp-heading-size': '0.9rem',
    '--anp-label-width': '7rem',
    '--anp-bar-height': '0.3rem',
  },
};

/** Tokens for a dark page, with the toolbar's theme forced to dark. */
export const DarkBrand: Story = {
  globals: { theme: 'dark' },
  args: {
    '--anp-color-accent': '#f0abfc',
    '--anp-color-border': '#3b3f4a',
    '--anp-color-surface': '#1e2129',
    '--anp-color-background': '#101218',
    '--anp-bar-color-high': '#5eead4',
    '--anp-bar-color-mid': '#fcd34d',
    '--anp-bar-color-low': '#fda4af',
  },
};
