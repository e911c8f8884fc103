import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SEED_URL, seedArticle, seedJson } from './seed.js';
import { frame, headingLevel, noHeading, range, scriptChild, tokenStyles } from './story-frame.js';

/*
 * <anp-checklist>: one story per real state. Controls come from the custom
 * elements manifest; `renderChecklist` binds every one of them (properties,
 * attributes, the heading slot and the --anp-* tokens) to the element.
 * Stories whose input is bad set `parameters.anp.expectErrors` and show the
 * element's anp-error list under it. Ticking a box logs anp-checklist-change
 * in the Actions panel.
 */

function articleWithChecklist(checklist: unknown): Record<string, unknown> {
  const article = seedArticle();
  return { ...article, meta: { ...article.meta, checklist } };
}

/** Tokens the element documents, as controls (they pass into the shadow root). */
const TOKENS = [
  '--anp-color-text',
  '--anp-color-muted',
  '--anp-color-border',
  '--anp-color-surface',
  '--anp-color-background',
  '--anp-color-accent',
  '--anp-space',
  '--anp-radius',
  '--anp-font-family',
  '--anp-heading-size',
];

/** The element with every control bound; `children` go inside it (a script child). */
function checklist(args: Args, children: unknown = nothing): TemplateResult {
  return html`<anp-checklist
    .items=${args.items}
    .article=${args.article}
    article=${ifDefined(args.articleJson)}
    src=${ifDefined(args.src || undefined)}
    .labels=${args.labels}
    heading-level=${ifDefined(headingLevel(args))}
    ?no-heading=${noHeading(args)}
    theme=${ifDefined(args.theme || undefined)}
    lang=${ifDefined(args.lang || args.langAttribute || undefined)}
    style=${styleMap(tokenStyles(args))}
    >${args.heading ? html`<span slot="heading">${args.heading}</span>` : nothing}${children}</anp-checklist
  >`;
}

/** Ticks the checkboxes at `indexes` as a reader would (each click fires anp-checklist-change). */
async function tick(canvasElement: HTMLElement, indexes: readonly number[]): Promise<void> {
  const element = canvasElement.querySelector('anp-checklist');
  if (!element) return;
  await element.updateComplete;
  const boxes = element.shadowRoot?.querySelectorAll('input') ?? [];
  for (const index of indexes) boxes[index]?.click();
  await element.updateComplete;
}

const meta: Meta = {
  title: 'Elements/anp-checklist',
  component: 'anp-checklist',
  tags: ['autodocs'],
  render: (args, context) => frame(context, checklist(args)),
  argTypes: {
    heading: { control: 'text' },
    ...Object.fromEntries(TOKENS.map((name) => [name, { control: name.includes('color') ? 'color' : 'text' }])),
  },
};
export default meta;

type Story = StoryObj;

// ---------------------------------------------------------------- data

export const Seed: Story = { args: { article: seedArticle() } };

export const OwnItems: Story = {
  args: { items: ['write the test', 'watch it fail', 'make it pass', 'clean up'] },
  parameters: { note: 'element.items = [ … ]: the items property wins over every article input.' },
};

export const SomeChecked: Story = {
  args: { article: seedArticle() },
  play: ({ canvasElement }) => tick(canvasElement, [0, 2]),
  parameters: { note: 'Two items ticked by the reader: struck through, and the progress line counts them.' },
};

export const AllChecked: Story = {
  args: { article: seedArticle() },
  play: ({ canvasElement }) => tick(canvasElement, [0, 1, 2, 3, 4]),
};

export const KeyboardUse: Story = {
  args: { article: seedArticle() },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('anp-checklist');
    await element?.updateComplete;
    element?.shadowRoot?.querySelector('input')?.focus();
  },
  parameters: {
    note: 'Keyboard: Tab and Shift+Tab move between the checkboxes, Space ticks or unticks the focused one. The first checkbox has focus here.',
  },
};

export const Empty: Story = {
  args: { items: [] },
  parameters: { note: 'No items: the checklist renders nothing at all, not even its heading.' },
};

export const ArticleWithoutChecklist: Story = {
  args: { article: { ...seedArticle(), meta: { topic: seedArticle().meta.topic } } },
  parameters: { note: 'An article whose meta has no checklist: nothing renders.' },
};

export const NoHeading: Story = { args: { article: seedArticle(), noHeading: true } };

export const HeadingLevel3: Story = {
  name: 'Heading level 3',
  args: { article: seedArticle(), headingLevel: 3 },
};

export const SlottedHeading: Story = { args: { article: seedArticle(), heading: 'Before you migrate' } };

export const GermanLabels: Story = {
  args: {
    items: ['Abfragepläne prüfen', 'Indizes vorsichtig anlegen', 'Mit realistischen Daten testen'],
    lang: 'de',
    labels: { checklist: 'Prüfliste', checklistProgress: '{done} von {total} erledigt', more: 'und {n} weitere' },
  },
  play: ({ canvasElement }) => tick(canvasElement, [1]),
  parameters: { note: 'lang="de" gives the German pack; labels replaces its words: here the heading and the progress line.' },
};

// ---------------------------------------------------------------- long content

const LONG_WORD = 'reindex_' + 'partition'.repeat(30);

export const LongTexts: Story = {
  args: {
    items: [
      'compare the before and after metrics of every query the migration touches, including the slow ones that only run at night, '.repeat(
        3,
      ),
      LONG_WORD,
      'document the migration',
    ],
  },
  play: ({ canvasElement }) => tick(canvasElement, [0]),
  parameters: { note: 'Long items and a word without spaces wrap beside their checkbox.' },
};

export const LongList: Story = {
  args: { items: range(300).map((i) => `step ${i + 1}: check the result`) },
  parameters: { note: '300 items: under the cap of 500, so all are shown.' },
};

export const PastTheCap: Story = {
  args: { article: articleWithChecklist(range(620).map((i) => `step ${i + 1}`)) },
  parameters: {
    anp: { expectErrors: true },
    note: '620 items: past the cap of 500 the rest is dropped, the list ends with "120 more", and anp-error names the path.',
  },
};

export const HugeArticle: Story = {
  args: {
    article: {
      ...seedArticle(),
      meta: {
        ...seedArticle().meta,
        ...Object.fromEntries(range(150).map((i) => [`extra_${i + 1}`, { nested: { list: [i, i + 1, i + 2] } }])),
      },
    },
  },
  parameters: { note: 'An article with 150 extra meta keys: the checklist shows its five items and ignores the rest.' },
};

// ---------------------------------------------------------------- input paths

export const PropertyInput: Story = {
  args: { article: seedArticle() },
  parameters: { note: 'element.article = { … } (an object).' },
};

export const AttributeInput: Story = {
  args: { articleJson: seedJson() },
  parameters: { note: '<anp-checklist article=\'{"meta": …}\'>: JSON text in the article attribute.' },
};

export const SrcInput: Story = {
  name: 'src input',
  args: { src: SEED_URL },
  parameters: { note: `<anp-checklist src="${SEED_URL}">: the element fetches the JSON.` },
};

export const ScriptChild: Story = {
  args: {},
  render: (args, context) => frame(context, checklist(args, scriptChild(seedArticle()))),
  parameters: { note: '<anp-checklist><script type="application/json">{…}</script></anp-checklist>, as a CMS template prints it.' },
};

export const ProviderInput: Story = {
  args: {},
  render: (args, context) => frame(context, html`<anp-article .article=${seedArticle()}>${checklist(args)}</anp-article>`),
  parameters: { note: '<anp-article> holds the article; the checklist inside it has no data of its own.' },
};

// ---------------------------------------------------------------- bad input

export const InvalidJson: Story = {
  name: 'Invalid JSON',
  args: { articleJson: '{"meta": {"checklist": ["one", "two"' },
  parameters: { anp: { expectErrors: true }, note: 'The article attribute holds invalid JSON: nothing renders, and anp-error says why.' },
};

export const WrongTypes: Story = {
  args: { items: ['review query plans', 7, null, { step: 'not a string' }, 'document the migration'] },
  parameters: { anp: { expectErrors: true }, note: 'Items that are not strings are dropped and reported; the valid ones render.' },
};

export const ChecklistNotAList: Story = {
  args: { article: articleWithChecklist('review query plans, add indexes carefully') },
  parameters: {
    anp: { expectErrors: true },
    note: 'meta.checklist is a string, not a list: nothing renders, and anp-error says what was expected.',
  },
};

export const MarkupShownAsText: Story = {
  args: {
    items: [
      '<img src=x onerror=alert(1)> shown as text',
      '<script>alert(2)</script>',
      '<a href="javascript:alert(3)">not a link</a>',
      '<b>not bold</b>',
    ],
  },
  parameters: { note: 'Checklist items are text: markup in them shows as typed, never parsed.' },
};

// ---------------------------------------------------------------- languages and themes

export const RightToLeft: Story = {
  name: 'Right to left (Arabic)',
  args: { items: ['مراجعة خطط الاستعلام', 'إضافة الفهارس بعناية', 'الاختبار ببيانات واقعية', 'توثيق الترحيل'] },
  globals: { dir: 'rtl', locale: 'ar' },
  play: ({ canvasElement }) => tick(canvasElement, [1]),
};

export const Dark: Story = {
  args: { article: seedArticle() },
  globals: { theme: 'dark' },
  play: ({ canvasElement }) => tick(canvasElement, [0]),
};

export const DarkCardOnLightPage: Story = {
  args: { article: seedArticle(), theme: 'dark' },
  globals: { theme: 'auto' },
  play: ({ canvasElement }) => tick(canvasElement, [0]),
  parameters: {
    note: 'theme="dark" on the element: a dark card on a light page. (The toolbar\'s Theme is kept on Auto here: Light or Dark would set every element\'s theme.)',
  },
};

export const ForcedColors: Story = {
  args: { article: seedArticle() },
  play: ({ canvasElement }) => tick(canvasElement, [0]),
  parameters: {
    anp: { forcedColors: true },
    note: 'Forced colours (Windows High Contrast): turn on forced-colors emulation in your OS, or in DevTools (Rendering > Emulate CSS media feature forced-colors: active) to see it here.',
  },
};
