/* global document, customElements, HTMLElement, CSSStyleSheet, CustomEvent */
/**
 * Benchmark variants (b) and (c) of issue 6: the floor.
 *
 * Hand-written custom elements that produce the same shadow DOM as the
 * library's <anp-meta-box>, <anp-checklist>, <anp-score-bars> and
 * <anp-similar-posts> (same tags, `part`s, attributes and text; Lit's comment
 * markers and whitespace-only text nodes aside), with plain DOM calls and no
 * framework:
 *
 * - the data goes through the library's own `normalizeArticle` (dist/core),
 *   so every string cap, URL check and DOMPurify call is the library's;
 * - labels come from the same format.ts / locales.ts functions, numbers and
 *   dates from the same cached Intl formatters;
 * - sanitized rich HTML is parsed by a <template> (as Lit's unsafeHTML does)
 *   and imported; everything else is createElement / textContent / append;
 * - each element class builds ONE CSSStyleSheet at module level from the
 *   library's CSS text, adopted by every instance.
 *
 * Rendering is synchronous in the `article` setter: normalize, build a fresh
 * tree, replaceChildren. Setting the same object again (same reference) is a
 * no-op, as it is for any Lit property; setting an equal but new object
 * re-normalizes and re-renders everything (the floor does not diff). One
 * changed field therefore re-renders that element in full.
 *
 * Deliberately left out (the library's extra features, not used by the
 * benchmark): the other inputs (`article` attribute, `src`, script child,
 * <anp-article> context), `labels`, `fields`/`exclude`, `heading-level`,
 * `no-heading`, `theme`, and watching `lang` changes after connect. The
 * locale is resolved like the library's (nearest `lang`, across shadow
 * roots) at render and again on connect; `anp-error` is dispatched when the
 * input had problems, as the library does.
 *
 * <vanilla-meta-box-unsafe> (variant c) is the same element without the
 * sanitizer, to price safety: before normalizing, the input's rich fields
 * (meta summary, ai_brief, and each string of notes) are swapped for an empty
 * string in a shallow copy, so normalizeArticle never calls DOMPurify; after
 * normalizing, the raw strings (capped like any string) are put back and
 * rendered through the same <template> innerHTML, unsanitized. A raw string
 * without '<' is rendered as text, exactly as the safe path does.
 */
import { normalizeArticle, parseJson, LIMITS, KNOWN_META_KEYS } from '../../dist/core/normalize.js';
import {
  canonicalKey,
  fieldLabel,
  formatDate,
  formatInteger,
  formatMinutes,
  formatNumber,
  isoMinutes,
  resolveLocale,
  uiLabel,
} from '../../dist/core/format.js';
import { labelPack, loadLabelPacks } from '../../dist/core/locales.js';
import { metaBoxStyles } from '../../dist/components/meta-box/meta-box.styles.js';
import { SCORE_LOW, SCORE_HIGH } from '../../dist/internal/score-meter.js';
// The elements' own sheets, read from dist/ like the shared ones: the floor draws with the library's exact CSS.
import { checklistStyles } from '../../dist/components/checklist/checklist.styles.js';
import { scoreBarsStyles } from '../../dist/components/score-bars/score-bars.styles.js';
import { similarPostsStyles } from '../../dist/components/similar-posts/similar-posts.styles.js';

// The label packs besides English load on first need in the library; the floor renders synchronously, so it has them first.
await loadLabelPacks();

// ---------------------------------------------------------------------------
// Style sheets: one per element class, built once, shared by every instance.

function sheet(...texts) {
  const result = new CSSStyleSheet();
  result.replaceSync(texts.join('\n'));
  return result;
}

const metaBoxSheet = sheet(...metaBoxStyles.map((style) => style.cssText));
const checklistSheet = sheet(...checklistStyles.map((style) => style.cssText));
const scoreBarsSheet = sheet(...scoreBarsStyles.map((style) => style.cssText));
const similarPostsSheet = sheet(...similarPostsStyles.map((style) => style.cssText));

// ---------------------------------------------------------------------------
// DOM helpers.

/** The meta keys with a place of their own, as the library knows them. */
const KNOWN = new Set(KNOWN_META_KEYS);

function el(tag, part) {
  const node = document.createElement(tag);
  if (part !== undefined) node.setAttribute('part', part);
  return node;
}

function textEl(tag, part, text) {
  const node = el(tag, part);
  node.textContent = text;
  return node;
}

/** One template for every rich value: it parses, the result is imported (as Lit's unsafeHTML does). */
const richTemplate = document.createElement('template');

/** Text stays text; `html` is sanitized markup (or, in the unsafe variant, raw markup). */
function appendRich(parent, rich) {
  if (rich.kind === 'html') {
    richTemplate.innerHTML = rich.html;
    parent.append(document.importNode(richTemplate.content, true));
    richTemplate.innerHTML = '';
  } else {
    parent.append(rich.text);
  }
}

/** The nearest `lang` around a node, across shadow roots, as the library resolves it. */
function findLocale(element) {
  for (let node = element; node; node = node.parentNode ?? node.host ?? null) {
    if (node.nodeType === 1 && node.hasAttribute('lang')) return resolveLocale(node.getAttribute('lang'));
  }
  return 'en';
}

/** What the value renderers need, like the library's ValueContext (no `labels` overrides here). */
function context(locale) {
  return { locale, pack: labelPack(locale) };
}

function ui(ctx, name, values) {
  return uiLabel(name, undefined, values, ctx.pack);
}

function label(ctx, key) {
  return fieldLabel(key, undefined, ctx.pack);
}

function renderHeading(text, level, id = 'heading') {
  const heading = el('div');
  heading.setAttribute('role', 'heading');
  heading.setAttribute('part', 'heading');
  heading.setAttribute('aria-level', String(level));
  heading.setAttribute('id', id);
  const slot = el('slot');
  slot.setAttribute('name', 'heading');
  slot.textContent = text;
  heading.append(slot);
  return heading;
}

/** The "n more" `<li>` of a capped list, or nothing. */
function appendMore(list, count, ctx) {
  if (count > 0) list.append(textEl('li', 'more', ui(ctx, 'more', { n: formatInteger(count, ctx.locale) })));
}

/** The "n more" pair of a capped object, as the last pair of its `<dl>`, or nothing. */
function appendMoreRow(dl, count, ctx) {
  if (count <= 0) return;
  const pair = el('div', 'pair');
  pair.append(textEl('dt', 'label more', ui(ctx, 'more', { n: formatInteger(count, ctx.locale) })), el('dd', 'value'));
  dl.append(pair);
}

function badge(value, ctx) {
  return textEl('span', value ? 'badge badge-yes' : 'badge badge-no', ui(ctx, value ? 'yes' : 'no'));
}

function time(datetime, text) {
  const node = document.createElement('time');
  node.setAttribute('datetime', datetime);
  node.textContent = text;
  return node;
}

function data(value, text) {
  const node = document.createElement('data');
  node.setAttribute('value', value);
  node.textContent = text;
  return node;
}

function code(text) {
  const node = document.createElement('code');
  node.textContent = text;
  return node;
}

function textList(items, more, ctx) {
  const ul = el('ul', 'items');
  for (const item of items) ul.append(textEl('li', 'item', item));
  appendMore(ul, more, ctx);
  return ul;
}

function richList(items, more, ctx) {
  const ul = el('ul', 'items');
  for (const item of items) {
    const li = el('li', 'item');
    appendRich(li, item);
    ul.append(li);
  }
  appendMore(ul, more, ctx);
  return ul;
}

function entities(list) {
  const ul = el('ul', 'items');
  for (const entity of list) {
    const li = el('li', 'item entity');
    li.append(textEl('span', 'entity-name', entity.name));
    if (entity.type !== undefined) li.append(' ', textEl('span', 'entity-type', entity.type));
    ul.append(li);
  }
  return ul;
}

/** A nested `<dl>` of label → value; `render` appends a value into its `<dd>`. */
function entries(list, render, ctx, more = 0) {
  const dl = el('dl', 'nested');
  for (const entry of list) {
    const pair = el('div', 'pair');
    const dd = el('dd', 'value');
    render(dd, entry.value);
    pair.append(textEl('dt', 'label', label(ctx, entry.key)), dd);
    dl.append(pair);
  }
  appendMoreRow(dl, more, ctx);
  return dl;
}

/** Any JSON value, appended into `parent`: text, <time>, <data>, badge, "none", lists and nested lists. */
function appendGeneric(parent, value, ctx) {
  switch (value.kind) {
    case 'text':
      parent.append(value.text);
      return;
    case 'date':
      parent.append(time(value.iso, formatDate(value.iso, ctx.locale)));
      return;
    case 'number':
      parent.append(data(String(value.value), formatNumber(value.value, ctx.locale)));
      return;
    case 'boolean':
      parent.append(badge(value.value, ctx));
      return;
    case 'null':
      parent.append(textEl('span', 'none', ui(ctx, 'none')));
      return;
    case 'list': {
      const ul = el('ul', 'items');
      for (const item of value.items) {
        const li = el('li', 'item');
        appendGeneric(li, item, ctx);
        ul.append(li);
      }
      appendMore(ul, value.more, ctx);
      parent.append(ul);
      return;
    }
    case 'map':
      parent.append(entries(value.entries, (dd, child) => appendGeneric(dd, child, ctx), ctx, value.more));
      return;
  }
}

/** One score: a native <meter> named by `labelId`, and its number. */
function scoreMeter(score, labelId, locale) {
  const track = el('span', 'bar-track');
  const meter = el('meter', 'meter');
  meter.setAttribute('min', '0');
  meter.setAttribute('max', '100');
  meter.setAttribute('optimum', '100');
  meter.setAttribute('low', String(SCORE_LOW));
  meter.setAttribute('high', String(SCORE_HIGH));
  // A property, as the library binds it (`.value`); <meter> reflects it to the attribute.
  meter.value = score.value;
  meter.setAttribute('aria-labelledby', labelId);
  const text = formatNumber(score.value, locale);
  meter.textContent = text;
  track.append(meter, textEl('span', 'score', text));
  return track;
}

// ---------------------------------------------------------------------------
// The shared element base: an `article` property rendered synchronously.

const EMPTY = Object.freeze([]);

class VanillaElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [this.constructor.sheet];
    this._article = undefined;
    this._locale = 'en';
    this.errors = EMPTY;
    // A value set before the element was defined shadows the accessor: take it over.
    if (Object.prototype.hasOwnProperty.call(this, 'article')) {
      const value = this.article;
      delete this.article;
      this.article = value;
    }
  }

  get article() {
    return this._article;
  }

  set article(value) {
    if (value === this._article) return;
    this._article = value;
    this.update();
  }

  connectedCallback() {
    // The locale may differ where the element landed (the library resolves it on connect too).
    if (this._article !== undefined && this._article !== null && findLocale(this) !== this._locale) this.update();
  }

  /** Normalizes (the library's own sanitizing path) and renders. */
  update() {
    const input = this._article;
    this._locale = findLocale(this);
    if (input === undefined || input === null) {
      this.errors = EMPTY;
      this.shadowRoot.replaceChildren();
      return;
    }
    const { value, errors } = this.normalize(input);
    this.errors = errors;
    const root = this.render(value, context(this._locale));
    if (root) this.shadowRoot.replaceChildren(root);
    else this.shadowRoot.replaceChildren();
    if (errors.length) {
      this.dispatchEvent(
        new CustomEvent('anp-error', { bubbles: true, composed: true, detail: { errors: [...errors], source: 'article' } }),
      );
    }
  }

  normalize(input) {
    return normalizeArticle(input);
  }
}

// ---------------------------------------------------------------------------
// <vanilla-meta-box>

// Like the library's meta box: from the ninth box on the page, off-screen boxes skip layout and paint.
let boxesOnPage = 0;

class VanillaMetaBox extends VanillaElement {
  static sheet = metaBoxSheet;

  connectedCallback() {
    if (++boxesOnPage > 8 && !this.hasAttribute('data-anp-offscreen')) this.setAttribute('data-anp-offscreen', '');
    super.connectedCallback();
  }

  disconnectedCallback() {
    boxesOnPage--;
  }

  render(article, ctx) {
    const fields = article.meta.fields ?? [];
    const outline = fields.find((field) => field.kind === 'outline');
    const listFields = fields.filter((field) => field.kind !== 'outline');
    if (!listFields.length && !outline) return undefined;
    const base = el('div', 'base');
    base.append(renderHeading(ui(ctx, 'metaBox'), 2));
    if (listFields.length) {
      const dl = el('dl', 'list');
      for (const field of listFields) {
        const row = el('div', field.kind === 'generic' ? 'field' : `field field-${field.key}`);
        const dd = el('dd', 'value');
        appendField(dd, field, ctx);
        row.append(textEl('dt', 'label', label(ctx, field.label)), dd);
        dl.append(row);
      }
      base.append(dl);
    }
    if (outline) base.append(this.renderOutline(outline, ctx));
    return base;
  }

  renderOutline(outline, ctx) {
    const section = el('section', 'outline');
    section.setAttribute('aria-labelledby', 'outline-heading');
    const heading = el('div');
    heading.setAttribute('role', 'heading');
    heading.setAttribute('part', 'heading outline-heading');
    heading.setAttribute('id', 'outline-heading');
    heading.setAttribute('aria-level', '3');
    const slot = el('slot');
    slot.setAttribute('name', 'outline-heading');
    slot.textContent = label(ctx, outline.label);
    heading.append(slot);
    const dl = el('dl', 'outline-list');
    for (const entry of outline.value) {
      const pair = el('div', 'pair');
      pair.append(textEl('dt', 'label', label(ctx, entry.key)), textEl('dd', 'value', entry.value));
      dl.append(pair);
    }
    appendMoreRow(dl, outline.more, ctx);
    section.append(heading, dl);
    return section;
  }
}

/** One field's value, by its kind (the library's meta model: see core/meta-schema.ts). */
function appendField(dd, field, ctx) {
  switch (field.kind) {
    case 'text':
      dd.append(field.value);
      return;
    case 'code':
      dd.append(code(field.value));
      return;
    case 'rich':
      appendRich(dd, field.value);
      return;
    case 'date':
      dd.append(time(field.value, formatDate(field.value, ctx.locale)));
      return;
    case 'minutes':
      dd.append(time(isoMinutes(field.value), formatMinutes(field.value, ctx.locale)));
      return;
    case 'count':
      dd.append(data(String(field.value), formatInteger(field.value, ctx.locale)));
      return;
    case 'list':
      dd.append(textList(field.value, field.more, ctx));
      return;
    case 'rich-list':
      dd.append(richList(field.value, field.more, ctx));
      return;
    case 'scores': {
      const dl = el('dl', 'nested scores');
      field.value.forEach((score, index) => {
        const pair = el('div', 'pair');
        const dt = textEl('dt', 'label', label(ctx, score.key));
        dt.setAttribute('id', `score-label-${index}`);
        const value = el('dd', 'value');
        value.append(scoreMeter(score, `score-label-${index}`, ctx.locale));
        pair.append(dt, value);
        dl.append(pair);
      });
      appendMoreRow(dl, field.more, ctx);
      dd.append(dl);
      return;
    }
    case 'flags':
      dd.append(entries(field.value, (cell, value) => cell.append(badge(value, ctx)), ctx, field.more));
      return;
    case 'entities':
      dd.append(entities(field.value));
      return;
    case 'object': {
      const children = field.value.map((child) => ({ key: child.label, value: child }));
      dd.append(entries(children, (cell, child) => appendField(cell, child, ctx), ctx, field.more));
      return;
    }
    case 'generic':
      appendGeneric(dd, field.value, ctx);
      return;
  }
}

// ---------------------------------------------------------------------------
// <vanilla-meta-box-unsafe>: the same, with the rich fields unsanitized.

const RICH_KEYS = new Set(['summary', 'ai_brief', 'notes']);
const ROOT_KEYS = new Set(['id', 'title', 'url', 'meta', 'similar_posts']);

function capped(text) {
  return text.length > LIMITS.maxStringLength ? text.slice(0, LIMITS.maxStringLength) + '…' : text;
}

function rawRich(text) {
  return text.includes('<') ? { kind: 'html', html: text } : { kind: 'text', text };
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A shallow copy of the meta object with the first summary, ai_brief and notes
 * (any spelling, as normalizeArticle picks them) holding '' instead of each
 * string, and the raw strings taken out.
 */
function stripRich(meta) {
  const copy = { ...meta };
  const raw = {};
  for (const key of Object.keys(copy)) {
    const canonical = canonicalKey(key);
    if (!RICH_KEYS.has(canonical) || canonical in raw) continue;
    const value = copy[key];
    if (canonical === 'notes') {
      if (!Array.isArray(value)) {
        raw.notes = undefined;
        continue;
      }
      const items = value.slice(0, LIMITS.maxItems);
      raw.notes = items.filter((item) => typeof item === 'string').map(capped);
      copy[key] = value.map((item) => (typeof item === 'string' ? '' : item));
    } else if (typeof value === 'string') {
      raw[canonical] = capped(value);
      copy[key] = '';
    } else {
      raw[canonical] = undefined;
    }
  }
  return { copy, raw };
}

class VanillaMetaBoxUnsafe extends VanillaMetaBox {
  normalize(input) {
    let value = input;
    if (typeof value === 'string') {
      const parsed = parseJson(value, 'article');
      if (parsed.errors.length) return normalizeArticle(input);
      value = parsed.value;
    }
    if (!isObject(value)) return normalizeArticle(value);
    const rootKeys = Object.keys(value);
    const metaKey = rootKeys.find((key) => canonicalKey(key) === 'meta');
    let stripped;
    let prepared;
    if (metaKey !== undefined) {
      if (!isObject(value[metaKey])) return normalizeArticle(value);
      stripped = stripRich(value[metaKey]);
      prepared = { ...value, [metaKey]: stripped.copy };
    } else if (rootKeys.some((key) => KNOWN.has(canonicalKey(key)))) {
      // The root is the meta (see normalizeArticle); its root keys are not meta fields.
      const meta = {};
      for (const key of rootKeys) if (!ROOT_KEYS.has(canonicalKey(key))) meta[key] = value[key];
      stripped = stripRich(meta);
      prepared = { ...value, ...stripped.copy };
    } else {
      return normalizeArticle(value);
    }
    const result = normalizeArticle(prepared);
    const { raw } = stripped;
    const fields = (result.value.meta.fields ?? []).map((field) => {
      if ((field.key === 'summary' || field.key === 'ai_brief') && raw[field.key] !== undefined) {
        return { ...field, value: rawRich(raw[field.key]) };
      }
      if (field.key === 'notes' && raw.notes) {
        return { ...field, value: field.value.map((note, index) => (raw.notes[index] === undefined ? note : rawRich(raw.notes[index]))) };
      }
      return field;
    });
    result.value.meta = { ...result.value.meta, fields };
    return result;
  }
}

// ---------------------------------------------------------------------------
// <vanilla-checklist>

class VanillaChecklist extends VanillaElement {
  static sheet = checklistSheet;

  constructor() {
    super();
    this._states = [];
    this._items = EMPTY;
  }

  /** How many items are ticked, of how many. */
  get progress() {
    const total = this._items.length;
    return { done: this._states.slice(0, total).filter(Boolean).length, total };
  }

  render(article, ctx) {
    const items = article.meta.checklist;
    if (!items) return undefined;
    const more = article.meta.more.checklist ?? 0;
    // New items start unticked; the same items keep the reader's ticks.
    if (!(items.length === this._items.length && items.every((item, index) => item === this._items[index]))) this._states = [];
    this._items = items;
    if (!items.length && !more) return undefined;
    const base = el('div', 'base');
    base.append(renderHeading(ui(ctx, 'checklist'), 2));
    const ul = el('ul', 'list');
    items.forEach((item, index) => {
      const checked = Boolean(this._states[index]);
      const li = el('li', checked ? 'item item-checked' : 'item');
      const row = el('label', 'row');
      const input = el('input');
      input.setAttribute('type', 'checkbox');
      input.setAttribute('part', 'checkbox');
      input.checked = checked;
      input.addEventListener('change', () => this.toggle(index, input, li));
      row.append(input, textEl('span', 'label', item));
      li.append(row);
      ul.append(li);
    });
    appendMore(ul, more, ctx);
    base.append(ul);
    this._progress = undefined;
    this._ctx = ctx;
    if (items.length > 0) {
      this._progress = el('p', 'progress');
      this._progress.setAttribute('aria-live', 'polite');
      this._progress.textContent = this.progressText();
      base.append(this._progress);
    }
    return base;
  }

  progressText() {
    const { done, total } = this.progress;
    return ui(this._ctx, 'checklistProgress', {
      done: formatInteger(done, this._ctx.locale),
      total: formatInteger(total, this._ctx.locale),
    });
  }

  toggle(index, input, li) {
    const checked = input.checked;
    const items = this._items;
    const states = items.map((_, i) => (i === index ? checked : Boolean(this._states[i])));
    this._states = states;
    li.setAttribute('part', checked ? 'item item-checked' : 'item');
    if (this._progress) this._progress.textContent = this.progressText();
    const done = states.filter(Boolean).length;
    this.dispatchEvent(
      new CustomEvent('anp-checklist-change', {
        bubbles: true,
        composed: true,
        detail: { index, item: items[index] ?? '', checked, done, total: items.length, states },
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// <vanilla-score-bars>

class VanillaScoreBars extends VanillaElement {
  static sheet = scoreBarsSheet;

  render(article, ctx) {
    const scores = article.meta.score;
    const more = article.meta.more.score ?? 0;
    if (!scores || (!scores.length && !more)) return undefined;
    const base = el('div', 'base');
    base.append(renderHeading(ui(ctx, 'scores'), 2));
    const ul = el('ul', 'list');
    scores.forEach((score, index) => {
      const li = el('li', 'bar');
      const name = textEl('span', 'label', label(ctx, score.key));
      name.setAttribute('id', `bar-label-${index}`);
      li.append(name, scoreMeter(score, `bar-label-${index}`, ctx.locale));
      ul.append(li);
    });
    appendMore(ul, more, ctx);
    base.append(ul);
    return base;
  }
}

// ---------------------------------------------------------------------------
// <vanilla-similar-posts>

class VanillaSimilarPosts extends VanillaElement {
  static sheet = similarPostsSheet;

  render(article, ctx) {
    const posts = article.similar_posts ?? [];
    const base = el('div', 'base');
    base.append(renderHeading(ui(ctx, 'similarPosts'), 2));
    if (posts.length) {
      const ul = el('ul', 'list');
      for (const post of posts) ul.append(this.renderPost(post, ctx));
      appendMore(ul, article.similar_posts_more ?? 0, ctx);
      base.append(ul);
    } else {
      const empty = el('p', 'empty');
      const slot = el('slot');
      slot.setAttribute('name', 'empty');
      slot.textContent = ui(ctx, 'similarPostsEmpty');
      empty.append(slot);
      base.append(empty);
    }
    return base;
  }

  renderPost(post, ctx) {
    const li = el('li', 'item');
    if (post.url) {
      const link = textEl('a', 'link', post.title);
      link.setAttribute('href', post.url);
      li.append(link);
    } else {
      li.append(textEl('span', 'title', post.title));
    }
    const hasTime = post.reading_time !== undefined;
    if (post.topic !== undefined || hasTime) {
      const details = el('span', 'details');
      if (post.topic) {
        const bdi = document.createElement('bdi');
        bdi.textContent = post.topic;
        details.append(bdi);
      }
      if (post.topic && hasTime) details.append(' · ');
      if (hasTime) details.append(time(isoMinutes(post.reading_time), formatMinutes(post.reading_time, ctx.locale)));
      li.append(details);
    }
    return li;
  }
}

// ---------------------------------------------------------------------------

const ELEMENTS = {
  'vanilla-meta-box': VanillaMetaBox,
  'vanilla-meta-box-unsafe': VanillaMetaBoxUnsafe,
  'vanilla-checklist': VanillaChecklist,
  'vanilla-score-bars': VanillaScoreBars,
  'vanilla-similar-posts': VanillaSimilarPosts,
};

/** Registers the vanilla elements (once; a second call does nothing). */
export function defineVanilla() {
  for (const [tag, constructor] of Object.entries(ELEMENTS)) {
    if (!customElements.get(tag)) customElements.define(tag, constructor);
  }
}
