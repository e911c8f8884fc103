// Variant (d): React 19 rendering the same markup as <anp-meta-box> and the other
// three elements, in the light DOM with one global stylesheet, as a React app would.
// Its data goes through the same normalizeArticle, so DOMPurify sees exactly
// the same strings as in (a) and (b); rich HTML is set with dangerouslySetInnerHTML.
import { createElement as h, Fragment, memo } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { normalizeArticle, normalizeChecklistItems, normalizeScores, normalizeSimilarPosts } from '../../dist/core/normalize.js';
import { fieldLabel, formatDate, formatInteger, formatMinutes, formatNumber, isoMinutes, uiLabel } from '../../dist/core/format.js';

const LOCALE = 'en';

const CSS = `
.anp-box { display: block; font: inherit; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem; margin: 0.5rem 0; }
/* The same off-screen skipping as the library's meta box, so (a) and (d) differ by framework, not by this rule. */
.anp-meta { content-visibility: auto; contain-intrinsic-block-size: auto 40rem; }
.anp-box [part~='heading'] { font-weight: 600; font-size: 1.1em; margin-bottom: 0.5rem; }
.anp-box dl { display: grid; grid-template-columns: fit-content(50%) 1fr; gap: 0.25rem 0.75rem; margin: 0; }
.anp-box dl > div { display: contents; }
.anp-box dt { color: #57606a; }
.anp-box dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.anp-box ul { margin: 0; padding-inline-start: 1.2em; }
.anp-box code { font-family: ui-monospace, monospace; }
.anp-box meter { inline-size: 8em; }
.anp-box [part~='badge'] { border-radius: 999px; padding: 0 0.5em; font-size: 0.85em; }
.anp-box [part~='badge-yes'] { background: #dafbe1; }
.anp-box [part~='badge-no'] { background: #eaeef2; }
`;

const Rich = ({ as, rich, ...props }) =>
  rich.kind === 'html' ? h(as, { ...props, dangerouslySetInnerHTML: { __html: rich.html } }) : h(as, props, rich.text);

const Badge = ({ value }) => h('span', { part: value ? 'badge badge-yes' : 'badge badge-no' }, uiLabel(value ? 'yes' : 'no'));
const DateTime = ({ iso }) => h('time', { dateTime: iso }, formatDate(iso, LOCALE));
const More = ({ count }) => (count > 0 ? h('li', { part: 'more' }, uiLabel('more', undefined, { n: formatInteger(count, LOCALE) })) : null);
const MoreRow = ({ count }) =>
  count > 0
    ? h(
        'div',
        { part: 'pair' },
        h('dt', { part: 'label more' }, uiLabel('more', undefined, { n: formatInteger(count, LOCALE) })),
        h('dd', { part: 'value' }),
      )
    : null;

const Meter = ({ score, labelId }) =>
  h(
    'span',
    { part: 'bar-track' },
    h('meter', { part: 'meter', min: 0, max: 100, low: 50, high: 75, optimum: 100, value: score.value, 'aria-labelledby': labelId }),
    h('span', { part: 'score' }, formatInteger(score.value, LOCALE)),
  );

function Entries({ entries, render, more = 0 }) {
  return h(
    'dl',
    { part: 'nested' },
    entries.map((entry, i) =>
      h(
        'div',
        { part: 'pair', key: i },
        h('dt', { part: 'label' }, fieldLabel(entry.key)),
        h('dd', { part: 'value' }, render(entry.value)),
      ),
    ),
    h(MoreRow, { count: more }),
  );
}

function Generic({ value }) {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'date':
      return h(DateTime, { iso: value.iso });
    case 'number':
      return h('data', { value: String(value.value) }, formatNumber(value.value, LOCALE));
    case 'boolean':
      return h(Badge, { value: value.value });
    case 'null':
      return h('span', { part: 'none' }, uiLabel('none'));
    case 'list':
      return h(
        'ul',
        { part: 'items' },
        value.items.map((item, i) => h('li', { part: 'item', key: i }, h(Generic, { value: item }))),
        h(More, { count: value.more }),
      );
    case 'map':
      return h(Entries, { entries: value.entries, render: (child) => h(Generic, { value: child }), more: value.more });
  }
  return null;
}

const TextList = ({ items, more }) =>
  h(
    'ul',
    { part: 'items' },
    items.map((item, i) => h('li', { part: 'item', key: i }, item)),
    h(More, { count: more }),
  );

/** One field's value, by its kind (the library's meta model: see core/meta-schema.ts). */
function Field({ field }) {
  switch (field.kind) {
    case 'text':
      return field.value;
    case 'code':
      return h('code', null, field.value);
    case 'date':
      return h(DateTime, { iso: field.value });
    case 'list':
      return h(TextList, { items: field.value, more: field.more });
    case 'rich-list':
      return h(
        'ul',
        { part: 'items' },
        field.value.map((note, i) => h(Rich, { as: 'li', part: 'item', rich: note, key: i })),
        h(More, { count: field.more }),
      );
    case 'minutes':
      return h('time', { dateTime: isoMinutes(field.value) }, formatMinutes(field.value, LOCALE));
    case 'count':
      return h('data', { value: String(field.value) }, formatInteger(field.value, LOCALE));
    case 'scores':
      return h(
        'dl',
        { part: 'nested scores' },
        field.value.map((score, i) =>
          h(
            'div',
            { part: 'pair', key: i },
            h('dt', { part: 'label', id: `score-label-${i}` }, fieldLabel(score.key)),
            h('dd', { part: 'value' }, h(Meter, { score, labelId: `score-label-${i}` })),
          ),
        ),
        h(MoreRow, { count: field.more }),
      );
    case 'object': {
      const entries = field.value.map((child) => ({ key: child.label, value: child }));
      return h(Entries, { entries, render: (child) => h(Field, { field: child }), more: field.more });
    }
    case 'flags':
      return h(Entries, { entries: field.value, render: (value) => h(Badge, { value }), more: field.more });
    case 'entities':
      return h(
        'ul',
        { part: 'items' },
        field.value.map((entity, i) =>
          h(
            'li',
            { part: 'item entity', key: i },
            h('span', { part: 'entity-name' }, entity.name),
            entity.type === undefined ? null : h(Fragment, null, ' ', h('span', { part: 'entity-type' }, entity.type)),
          ),
        ),
      );
    case 'generic':
      return h(Generic, { value: field.value });
  }
  return null;
}

const Heading = ({ text }) => h('div', { role: 'heading', 'aria-level': 2, part: 'heading' }, text);

function MetaBox({ article }) {
  const fields = normalizeArticle(article).value.meta.fields ?? [];
  const outline = fields.find((field) => field.kind === 'outline');
  return h(
    'div',
    { className: 'anp-box anp-meta', part: 'base' },
    h(Heading, { text: uiLabel('metaBox') }),
    h(
      'dl',
      { part: 'list' },
      fields
        .filter((field) => field.kind !== 'outline')
        .map((field) =>
          h(
            'div',
            { part: field.kind === 'generic' ? 'field' : `field field-${field.key}`, key: field.label },
            h('dt', { part: 'label' }, fieldLabel(field.label)),
            field.kind === 'rich'
              ? h(Rich, { as: 'dd', part: 'value', rich: field.value })
              : h('dd', { part: 'value' }, h(Field, { field })),
          ),
        ),
    ),
    outline
      ? h(
          'section',
          { part: 'outline' },
          h('div', { role: 'heading', 'aria-level': 3, part: 'heading outline-heading' }, fieldLabel('ai_outline')),
          h(
            'dl',
            { part: 'outline-list' },
            outline.value.map((entry, i) =>
              h(
                'div',
                { part: 'pair', key: i },
                h('dt', { part: 'label' }, fieldLabel(entry.key)),
                h('dd', { part: 'value' }, entry.value),
              ),
            ),
          ),
        )
      : null,
  );
}

function Checklist({ article }) {
  const list = normalizeChecklistItems(article.meta?.checklist).value;
  return h(
    'div',
    { className: 'anp-box', part: 'base' },
    h(Heading, { text: uiLabel('checklist') }),
    h(
      'ul',
      { part: 'list' },
      list.items.map((item, i) =>
        h(
          'li',
          { part: 'item', key: i },
          h(
            'label',
            { part: 'row' },
            h('input', { type: 'checkbox', part: 'checkbox', defaultChecked: false }),
            h('span', { part: 'label' }, item),
          ),
        ),
      ),
    ),
  );
}

function ScoreBars({ article }) {
  const list = normalizeScores(article.meta?.score).value;
  return h(
    'div',
    { className: 'anp-box', part: 'base' },
    h(Heading, { text: uiLabel('scores') }),
    h(
      'ul',
      { part: 'list' },
      list.scores.map((score, i) =>
        h(
          'li',
          { part: 'bar', key: i },
          h('span', { part: 'label', id: `bar-label-${i}` }, fieldLabel(score.key)),
          h(Meter, { score, labelId: `bar-label-${i}` }),
        ),
      ),
      h(More, { count: list.more }),
    ),
  );
}

function SimilarPosts({ article }) {
  const list = normalizeSimilarPosts(article.similar_posts ?? []).value;
  return h(
    'div',
    { className: 'anp-box', part: 'base' },
    h(Heading, { text: uiLabel('similarPosts') }),
    list.posts.length
      ? h(
          'ul',
          { part: 'list' },
          list.posts.map((post, i) =>
            h(
              'li',
              { part: 'item', key: i },
              post.url ? h('a', { part: 'link', href: post.url }, post.title) : h('span', { part: 'title' }, post.title),
              h(
                'span',
                { part: 'details' },
                post.topic ? h('bdi', null, post.topic) : null,
                post.topic && post.reading_time !== undefined ? ' · ' : null,
                post.reading_time !== undefined
                  ? h('time', { dateTime: isoMinutes(post.reading_time) }, formatMinutes(post.reading_time, LOCALE))
                  : null,
              ),
            ),
          ),
          h(More, { count: list.more }),
        )
      : h('p', { part: 'empty' }, uiLabel('similarPostsEmpty')),
  );
}

const COMPONENTS = {
  'meta-box': memo(MetaBox),
  checklist: memo(Checklist),
  'score-bars': memo(ScoreBars),
  'similar-posts': memo(SimilarPosts),
};

function List({ articles, kinds }) {
  return articles.map((article, i) => h(Fragment, { key: i }, ...kinds.map((kind) => h(COMPONENTS[kind], { article, key: kind }))));
}

export default {
  name: 'React 19',
  kinds: Object.keys(COMPONENTS),
  ready() {
    const style = document.createElement('style');
    style.textContent = CSS;
    document.head.append(style);
    return Promise.resolve();
  },
  mount(container, articles, kinds) {
    const root = createRoot(container);
    flushSync(() => root.render(h(List, { articles, kinds })));
    return { root, kinds };
  },
  update(handle, articles) {
    flushSync(() => handle.root.render(h(List, { articles, kinds: handle.kinds })));
  },
  settle: () => Promise.resolve(),
  unmount(handle) {
    handle.root.unmount();
  },
};
