import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { KNOWN_META_KEYS } from '../src/core/normalize.js';
import { SEED_URL, seedArticle, seedJson } from './seed.js';
import { frame, headingLevel, noHeading, range, scriptChild, tokenStyles } from './story-frame.js';

/*
 * <anp-meta-box>: one story per real state. Controls come from the custom
 * elements manifest; `renderMetaBox` binds every one of them (properties,
 * attributes, the two slots and the --anp-* tokens) to the element.
 * Stories whose input is bad set `parameters.anp.expectErrors` and show the
 * element's anp-error list under the box.
 */

type Article = ReturnType<typeof seedArticle>;
type MetaRecord = Record<string, unknown>;

/** The seed with its meta replaced or changed by `change`. */
function seedWith(change: (meta: MetaRecord) => MetaRecord): Article {
  const article = seedArticle();
  return { ...article, meta: change({ ...article.meta }) as Article['meta'] };
}

function withoutKeys(meta: MetaRecord, keys: readonly string[]): MetaRecord {
  return Object.fromEntries(Object.entries(meta).filter(([key]) => !keys.includes(key)));
}

function onlyKeys(meta: MetaRecord, keys: readonly string[]): MetaRecord {
  return Object.fromEntries(Object.entries(meta).filter(([key]) => keys.includes(key)));
}

/** Tokens the element documents, as controls (they pass into the shadow root). */
const TOKENS = [
  '--anp-color-text',
  '--anp-color-muted',
  '--anp-color-border',
  '--anp-color-surface',
  '--anp-color-background',
  '--anp-color-accent',
  '--anp-color-yes',
  '--anp-color-no',
  '--anp-space',
  '--anp-radius',
  '--anp-font-family',
  '--anp-font-family-mono',
  '--anp-heading-size',
  '--anp-label-width',
  '--anp-bar-color-high',
  '--anp-bar-color-mid',
  '--anp-bar-color-low',
  '--anp-bar-track',
  '--anp-bar-height',
  '--anp-color-signal-warning',
];

/** The element with every control bound; `children` go inside it (a script child). */
function metaBox(args: Args, children: unknown = nothing): TemplateResult {
  return html`<anp-meta-box
    .article=${args.article}
    article=${ifDefined(args.articleJson)}
    src=${ifDefined(args.src || undefined)}
    .labels=${args.labels}
    heading-level=${ifDefined(headingLevel(args))}
    ?no-heading=${noHeading(args)}
    theme=${ifDefined(args.theme || undefined)}
    lang=${ifDefined(args.lang || args.langAttribute || undefined)}
    fields=${ifDefined(args.fields || undefined)}
    exclude=${ifDefined(args.exclude || undefined)}
    ?signals=${!!args.signals}
    signals-stale-days=${ifDefined(args.signalsStaleDays ?? undefined)}
    signals-min-score=${ifDefined(args.signalsMinScore ?? undefined)}
    style=${styleMap(tokenStyles(args))}
    >${args.heading ? html`<span slot="heading">${args.heading}</span>` : nothing}${
      args['outline-heading'] ? html`<span slot="outline-heading">${args['outline-heading']}</span>` : nothing
    }${children}</anp-meta-box
  >`;
}

const meta: Meta = {
  title: 'Elements/anp-meta-box',
  component: 'anp-meta-box',
  tags: ['autodocs'],
  render: (args, context) => frame(context, metaBox(args)),
  argTypes: {
    heading: { control: 'text' },
    'outline-heading': { control: 'text' },
    ...Object.fromEntries(TOKENS.map((name) => [name, { control: name.includes('color') ? 'color' : 'text' }])),
  },
};
export default meta;

type Story = StoryObj;

// ---------------------------------------------------------------- data

export const Seed: Story = { args: { article: seedArticle() } };

/** What an editor sees with `signals`: the seed's three notes (docs/signals.md). */
export const EditorNotes: Story = { args: { article: seedArticle(), signals: true } };

export const Empty: Story = {
  args: { article: { meta: {} } },
  parameters: { note: 'An article whose meta is empty: the meta box renders nothing at all, not even its heading.' },
};

/** The `missing` control removes one known field from the seed. */
export const MissingField: Story = {
  args: { article: seedArticle(), missing: 'summary' },
  argTypes: { missing: { control: 'select', options: KNOWN_META_KEYS, description: 'The seed field to leave out (story only).' } },
  render: (args, context) => {
    const missing = String(args.missing ?? '');
    const article = args.article as Article;
    return frame(context, metaBox({ ...args, article: { ...article, meta: withoutKeys(article.meta, [missing]) } }));
  },
  parameters: { note: 'The seed with one field left out: pick which with the "missing" control.' },
};

export const TitleOnly: Story = {
  args: { article: { title: seedArticle().title } },
  parameters: { note: 'An article with a title and no meta: the meta box renders nothing.' },
};

export const OnlyScores: Story = { args: { article: seedWith((m) => onlyKeys(m, ['score'])) } };

export const OnlyTextFields: Story = {
  args: { article: seedWith((m) => onlyKeys(m, ['topic', 'code_language', 'difficulty', 'reference', 'hash'])) },
};

export const OnlyOutline: Story = {
  args: { article: seedWith((m) => onlyKeys(m, ['ai_outline'])) },
  parameters: { note: 'Only the outline: its own section, without the field list.' },
};

export const SomeFields: Story = {
  args: { article: seedArticle(), fields: 'topic, difficulty, reading_time, view_count' },
  parameters: { note: 'fields="topic, difficulty, reading_time, view_count": only these keys, in this order.' },
};

export const ExcludeFields: Story = {
  args: { article: seedArticle(), exclude: 'ai_outline, payload, notes, hash' },
  parameters: { note: 'exclude="ai_outline, payload, notes, hash": every key but these.' },
};

// ---------------------------------------------------------------- long content

const LONG_WORD = 'migration_' + 'checksum'.repeat(40);

export const LongTexts: Story = {
  args: {
    article: seedWith((m) => ({
      ...m,
      topic: Array(4).fill('tracking data quality signals in python services before, during and after a major migration').join(', and '),
      summary: `${'this summary runs on for a long time, as CMS exports sometimes do, with <em>emphasis</em> and <code>code</code> inside. '.repeat(8)}${LONG_WORD}`,
      code_language: LONG_WORD,
      reference: `anp-ref-${'0123456789'.repeat(12)}`,
      hash: 'f'.repeat(160),
      tools: ['fastapi', LONG_WORD, 'a tool whose name is a whole sentence describing what it does in production'],
      ai_outline: { ...(m.ai_outline as object), recommended_action: 'measure first, change carefully, document the result; '.repeat(6) },
    })),
  },
  parameters: { note: 'Very long texts and words without spaces: they wrap inside the value column.' },
};

export const LongLists: Story = {
  args: {
    article: seedWith((m) => ({
      ...m,
      tools: range(60).map((i) => `tool-${i + 1}`),
      stack: range(25).map((i) => `layer ${i + 1}`),
      notes: range(30).map((i) => `note ${i + 1}: <em>checked</em> on staging`),
      entities: range(40).map((i) => ({ name: `entity ${i + 1}`, type: i % 2 ? 'area' : 'stack' })),
      checklist: range(300).map((i) => `step ${i + 1}`),
    })),
  },
  parameters: { note: '60 tools, 25 stack layers, 30 notes, 40 entities and a 300-item checklist: all under the caps, so all shown.' },
};

export const PastTheCaps: Story = {
  args: {
    article: seedWith((m) => ({
      ...m,
      tools: range(620).map((i) => `tool-${i + 1}`),
      payload: Object.fromEntries(range(230).map((i) => [`key_${i + 1}`, i])),
    })),
  },
  parameters: {
    anp: { expectErrors: true },
    note: '620 tools and a payload of 230 keys: past the caps (500 items, 200 keys) the rest is dropped, "n more" says how many, and anp-error names the paths.',
  },
};

/** 150 extra keys of every JSON shape, nested objects and long arrays: under the caps, so no anp-error. */
function hugeMeta(): MetaRecord {
  const meta: MetaRecord = { ...seedArticle().meta };
  for (const i of range(150)) {
    const key = `extra_field_${String(i + 1).padStart(3, '0')}`;
    switch (i % 6) {
      case 0:
        meta[key] = `value ${i + 1}`;
        break;
      case 1:
        meta[key] = i * 1013;
        break;
      case 2:
        meta[key] = Math.floor(i / 6) % 2 === 0;
        break;
      case 3:
        meta[key] = range(8).map((j) => `item ${j + 1}`);
        break;
      case 4:
        meta[key] = { owner: `team ${i}`, since: '2023-04-01', limits: { soft: i, hard: i * 2, nested: { deeper: [1, 2, 3] } } };
        break;
      default:
        meta[key] = null;
    }
  }
  return meta;
}

export const HugeMeta: Story = {
  args: { article: { ...seedArticle(), meta: hugeMeta() } },
  parameters: { note: 'The seed plus 150 extra keys: strings, numbers, booleans, null, arrays and nested objects (as nested lists).' },
};

// ---------------------------------------------------------------- input paths

export const PropertyInput: Story = {
  args: { article: seedArticle() },
  parameters: { note: 'element.article = { … } (an object; the Seed story, named for the gallery of input paths).' },
};

export const PropertyAsJsonText: Story = {
  name: 'Property as JSON text',
  args: { article: seedJson() },
  parameters: { note: 'element.article = "{…}": the article property also takes JSON text.' },
};

export const AttributeInput: Story = {
  args: { articleJson: seedJson() },
  parameters: { note: '<anp-meta-box article=\'{"meta": …}\'>: JSON text in the article attribute.' },
};

export const SrcInput: Story = {
  name: 'src input',
  args: { src: SEED_URL },
  parameters: { note: `<anp-meta-box src="${SEED_URL}">: the element fetches the JSON.` },
};

export const ScriptChild: Story = {
  args: {},
  render: (args, context) => frame(context, metaBox(args, scriptChild(seedArticle()))),
  parameters: { note: '<anp-meta-box><script type="application/json">{…}</script></anp-meta-box>, as a CMS template prints it.' },
};

export const ProviderInput: Story = {
  args: {},
  render: (args, context) => frame(context, html`<anp-article .article=${seedArticle()}>${metaBox(args)}</anp-article>`),
  parameters: { note: '<anp-article> holds the article; the meta box inside it has no data of its own.' },
};

// ---------------------------------------------------------------- bad input

export const InvalidJson: Story = {
  name: 'Invalid JSON',
  args: { articleJson: '{"meta": {"topic": "unterminated, "tools": [1, 2' },
  parameters: { anp: { expectErrors: true }, note: 'The article attribute holds invalid JSON: nothing to render, and anp-error says why.' },
};

export const WrongTypes: Story = {
  args: {
    article: {
      meta: {
        topic: 42,
        tools: ['ok', 7, null, 'also ok'],
        score: { quality: 'high', depth: 86, clarity: 140 },
        reading_time: 'five',
        view_count: -3.5,
        revision: { status: 'drafted', last_reviewed: 'last tuesday' },
        flags: { has_images: 'maybe', image_heavy: 0 },
        entities: [{ type: 'area' }, { name: 'backend', type: 'area' }],
        difficulty: 'advanced',
      },
    },
  },
  parameters: { anp: { expectErrors: true }, note: 'Wrong types in many fields: what is valid renders, the rest is listed by anp-error.' },
};

export const UnsafeKeys: Story = {
  name: 'Unsafe keys (__proto__, 1e400)',
  args: { articleJson: '{"meta": {"__proto__": {"polluted": true}, "topic": "kept", "view_count": 1e400, "difficulty": "advanced"}}' },
  parameters: {
    anp: { expectErrors: true },
    note: 'A __proto__ key and a non-finite number: dropped and reported; Object.prototype is untouched.',
  },
};

export const DisallowedSrc: Story = {
  name: 'Disallowed src',
  args: { src: 'javascript:alert(document.domain)' },
  parameters: { anp: { expectErrors: true }, note: 'A src whose scheme is not allowed is never fetched: anp-error reports it.' },
};

export const XssAttempt: Story = {
  name: 'XSS attempt',
  args: {
    article: {
      meta: {
        topic: '<img src=x onerror=alert(1)> shown as text',
        summary:
          'kept <b>bold</b> and <a href="https://example.com/ok">a safe link</a>; dropped: <img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">a javascript: link</a> <span onclick="alert(4)" style="color:red">handler and style</span>',
        ai_brief: '<svg onload=alert(5)><circle r=5></circle></svg>an <i>svg</i> removed',
        notes: [
          '<a href="JaVaScRiPt:alert(6)">mixed-case scheme</a>',
          '<a href=" java&#x09;script:alert(7)">entity-hidden scheme</a>',
          '<iframe src="javascript:alert(8)"></iframe>an iframe removed',
          'a <mark>mark</mark> and <code>&lt;script&gt;</code> stay',
        ],
        tools: ['<script>alert(9)</script>', '"><img src=x onerror=alert(10)>'],
        reference: '</code><b>not bold</b>',
      },
    },
  },
  parameters: {
    anp: { expectErrors: true },
    note: 'Scripts, handlers, javascript: links, SVG and iframes are removed from the rich fields (summary, ai_brief, notes) and reported; in text fields markup is shown as text.',
  },
};

export const MarkupInTextFields: Story = {
  args: {
    article: {
      meta: {
        topic: '<b>not bold</b> <img src=x onerror=alert(1)>',
        difficulty: '<script>alert(2)</script>',
        tools: ['<a href="javascript:alert(3)">not a link</a>', '<em>not emphasised</em>'],
        hash: '<!-- not a comment -->',
      },
    },
  },
  parameters: { note: 'Text fields never parse markup: it shows as text, so nothing is removed and nothing is reported.' },
};

// ---------------------------------------------------------------- languages, headings, themes

export const RightToLeft: Story = {
  name: 'Right to left (Arabic)',
  args: {
    article: seedWith((m) => ({
      ...m,
      topic: 'تتبع إشارات جودة البيانات / خدمات بايثون',
      summary: 'ملخص تقني يشرح تتبع إشارات جودة البيانات في <b>خدمات بايثون</b> قبل ترحيل كبير.',
    })),
  },
  globals: { dir: 'rtl', locale: 'ar' },
};

export const GermanLabels: Story = {
  args: {
    article: seedArticle(),
    labels: { metaBox: 'Steckbrief', view_count: 'Zugriffe', reading_time: 'Lesezeit', yes: 'ja', no: 'nein', more: 'und {n} weitere' },
  },
  parameters: { note: 'labels replaces words of the language pack: here a few German words over English.' },
};

export const NoHeading: Story = { args: { article: seedArticle(), noHeading: true } };

export const HeadingLevel3: Story = {
  name: 'Heading level 3',
  args: { article: seedArticle(), headingLevel: 3 },
};

export const SlottedHeadings: Story = {
  args: { article: seedArticle(), heading: 'About this article', 'outline-heading': 'How it is built' },
};

export const Dark: Story = { args: { article: seedArticle() }, globals: { theme: 'dark' } };

export const DarkCardOnLightPage: Story = {
  args: { article: seedArticle(), theme: 'dark' },
  globals: { theme: 'auto' },
  parameters: {
    note: 'theme="dark" on the element: a dark card on a light page. (The toolbar\'s Theme is kept on Auto here: Light or Dark would set every element\'s theme.)',
  },
};

export const ForcedColors: Story = {
  args: { article: seedArticle() },
  parameters: {
    anp: { forcedColors: true },
    note: 'Forced colours (Windows High Contrast): turn on forced-colors emulation in your OS, or in DevTools (Rendering > Emulate CSS media feature forced-colors: active) to see it here.',
  },
};
