import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { seedArticle } from './seed.js';
import { articleInputs, headingLevel, noHeading, note, scriptChild, text, tokenStyles, withErrorLog } from './story-frame.js';

/**
 * `<anp-score-bars>` with every arg bound: the manifest lists attributes
 * (`article`, `heading-level`, `no-heading`) and properties (`articleJson`,
 * `headingLevel`, `noHeading`) under both names, so either control works.
 * `article` as text goes to the attribute, as an object to the property.
 */
function scoreBars(args: Args, children: unknown = nothing): TemplateResult {
  const article = articleInputs(args);
  return html`<anp-score-bars
    .scores=${args.scores}
    .article=${article.property}
    article=${ifDefined(article.attribute)}
    src=${ifDefined(text(args.src))}
    .labels=${args.labels}
    heading-level=${ifDefined(headingLevel(args))}
    ?no-heading=${noHeading(args)}
    theme=${ifDefined(text(args.theme))}
    lang=${ifDefined(text(args.lang))}
    style=${styleMap(tokenStyles(args))}
    >${text(args.heading) ? html`<span slot="heading">${args.heading}</span>` : nothing}${children}</anp-score-bars
  >`;
}

const THRESHOLDS = {
  '0 low': 0,
  '30 low': 30,
  '49 low': 49,
  '50 mid': 50,
  '74 mid': 74,
  '75 high': 75,
  '99 high': 99,
  '100 high': 100,
};

const SCORE_NAMES = [
  'quality',
  'freshness',
  'depth',
  'clarity',
  'accuracy',
  'coverage',
  'examples',
  'structure',
  'tone',
  'sources',
  'code',
  'tests',
];

/** `count` scores, values spread over 0..100 so every colour shows. */
function manyScores(count: number): Record<string, number> {
  const scores: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const name = i < SCORE_NAMES.length ? SCORE_NAMES[i] : `criterion ${i + 1}`;
    scores[name] = (i * 37 + 11) % 101;
  }
  return scores;
}

const meta: Meta = {
  title: 'Elements/anp-score-bars',
  component: 'anp-score-bars',
  tags: ['autodocs'],
  argTypes: {
    '--anp-bar-color-low': { control: 'color' },
    '--anp-bar-color-mid': { control: 'color' },
    '--anp-bar-color-high': { control: 'color' },
    '--anp-bar-track': { control: 'color' },
    '--anp-bar-height': { control: 'text' },
  },
  render: (args) => scoreBars(args),
};
export default meta;

type Story = StoryObj;

// Data states

/** The canonical article: its four scores from `meta.score`. */
export const Seed: Story = { args: { article: seedArticle() } };

/** No scores at all: the element renders nothing, not even a bare heading. */
export const Empty: Story = {
  args: { scores: {} },
  render: (args) => html`${note('This element has no scores, so it renders nothing: no bare heading, no frame.')}${scoreBars(args)}`,
};

/** One score only. */
export const Partial: Story = { args: { scores: { accuracy: 91 } } };

/** The colour thresholds: below 50 low, 50 to 74 mid, 75 up high. Each name says which colour its bar should have. */
export const Thresholds: Story = { args: { scores: THRESHOLDS } };

/** The bar colours and track set through `--anp-bar-color-low`, `-mid`, `-high` and `--anp-bar-track` (edit them in the controls). */
export const CustomBarColors: Story = {
  args: {
    scores: THRESHOLDS,
    '--anp-bar-color-low': '#7c3aed',
    '--anp-bar-color-mid': '#0891b2',
    '--anp-bar-color-high': '#1d4ed8',
    '--anp-bar-track': '#e5e7eb',
    '--anp-bar-height': '0.75rem',
  },
};

/** A long list of scores, under the caps. */
export const ManyScores: Story = { args: { scores: manyScores(30) } };

/** 230 scores: past the cap of 200 keys per object, so 200 bars, "30 more", and an anp-error naming the path. */
export const PastTheCap: Story = {
  args: { scores: manyScores(230) },
  parameters: { anp: { expectErrors: true } },
  render: (args) => withErrorLog(scoreBars(args)),
};

/** Long score names, one without spaces: the case to check for wrapping and bar alignment, on narrow screens too. */
export const LongNames: Story = {
  args: {
    scores: {
      'how well the article explains the rollback plan for the schema migration': 82,
      'clarity of the operational checks listed before and after the change': 47,
      averyveryverylongscorenamewithoutanyspacesthatmuststillwrapinsidethebox: 63,
      depth: 90,
    },
  },
};

/** The theming playground: every `--anp-*` token this element reads has a control; edits apply live. */
export const ThemingPlayground: Story = {
  args: {
    article: seedArticle(),
    '--anp-color-text': '#1f2937',
    '--anp-bar-color-low': '#b91c1c',
    '--anp-bar-color-mid': '#b45309',
    '--anp-bar-color-high': '#047857',
    '--anp-bar-track': '#e5e7eb',
    '--anp-bar-height': '0.875rem',
    '--anp-space': '1rem',
    '--anp-heading-size': '1.25rem',
    '--anp-font-family': 'Georgia, "Times New Roman", serif',
  },
  argTypes: {
    '--anp-color-text': { control: 'color' },
    '--anp-color-muted': { control: 'color' },
    '--anp-color-background': { control: 'color' },
    '--anp-space': { control: 'text' },
    '--anp-radius': { control: 'text' },
    '--anp-font-family': { control: 'text' },
    '--anp-heading-size': { control: 'text' },
  },
};

// Input paths

/** The article as JSON text in the `article` attribute, as a CMS template writes it. */
export const AttributeInput: Story = {
  args: { article: JSON.stringify({ meta: { score: { quality: 78, freshness: 67, depth: 86, clarity: 87 } } }) },
};

/** The article fetched from `src` (Storybook serves test/fixtures at /fixtures). */
export const SrcInput: Story = {
  args: { src: '/fixtures/seed-article.json' },
};

/** The article in a child `<script type="application/json">`. */
export const ScriptChild: Story = {
  render: (args) => scoreBars(args, scriptChild({ meta: { score: { accuracy: 91, depth: 42, clarity: 58 } } })),
};

/** No data of its own: the element takes the article from the `<anp-article>` around it. */
export const Provider: Story = {
  render: (args) => html`<anp-article .article=${seedArticle()}>${scoreBars(args)}</anp-article>`,
};

/** The convenience property `scores`, which wins over every article input. */
export const ScoresProperty: Story = { args: { scores: { relevance: 88, originality: 54, readability: 71 } } };

// Bad and hostile input

/** Invalid JSON in the `article` attribute: no scores, so nothing renders, and anp-error says why. */
export const InvalidJson: Story = {
  name: 'Invalid JSON',
  args: { article: '{"meta": {"score": {"quality": 78,}}' },
  parameters: { anp: { expectErrors: true } },
  render: (args) =>
    html`${note('The article attribute holds invalid JSON (a trailing comma): the element renders nothing.')}${withErrorLog(scoreBars(args))}`,
};

/** Wrong types and out-of-range values: the valid scores render, anp-error lists the rest by JSON pointer. */
export const WrongTypes: Story = {
  args: {
    article: {
      meta: { score: { quality: 'high', depth: 86, freshness: 140, clarity: -5, tests: null, accuracy: [91], coverage: 64 } },
    },
  },
  parameters: { anp: { expectErrors: true } },
  render: (args) => withErrorLog(scoreBars(args)),
};

/** Markup in score names and the heading label shows as text; nothing runs. */
export const XssAttempt: Story = {
  name: 'XSS attempt',
  args: {
    scores: {
      '<img src=x onerror=alert(1)>': 40,
      '<script>alert("score")</script>': 80,
      '"><svg onload=alert(1)>': 60,
    },
    labels: { scores: '<b onmouseover=alert(1)>scores</b>' },
  },
};

// Direction, language and themes

/** Right to left, in Arabic: bars fill from the right, numbers and labels from the Arabic pack. */
export const RightToLeft: Story = {
  args: { article: seedArticle() },
  globals: { dir: 'rtl', locale: 'ar' },
};

/** The dark toolbar theme: the page and the element follow it. */
export const Dark: Story = {
  args: { article: seedArticle() },
  globals: { theme: 'dark' },
};

/** `theme="dark"`: a dark card on whatever page it is on. */
export const DarkAttribute: Story = { args: { article: seedArticle(), theme: 'dark' } };

/** Forced colours (Windows contrast themes): system colours, bordered meters. */
export const ForcedColors: Story = {
  args: { scores: THRESHOLDS },
  parameters: { anp: { forcedColors: true } },
  render: (args) =>
    html`${note(
      html`Forced colours: to see this state, turn on forced-colours emulation (Chrome DevTools › Rendering › “Emulate CSS media feature
      forced-colors: active”) or a contrast theme in your OS. The story test emulates it.`,
    )}${scoreBars(args)}`,
};
