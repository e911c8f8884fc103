/**
 * The custom elements manifest (dist/custom-elements.json, generated from the
 * JSDoc by `cem analyze` during the build) against what the elements do at
 * runtime, both ways: every reactive property, observed attribute, rendered
 * part, rendered slot, `--anp-*` custom property of the styles and `anp-*`
 * event is listed, and every listed one exists. Editor hints, web-types and
 * docs/api.md are made from the manifest, so a gap here is a gap there.
 *
 * Parts are collected from renders with the seed, bad input, empty input,
 * the article with similar posts, and (for the reverse direction) input that
 * reaches the parts only unusual data renders: capped lists, a null, a
 * refused URL, a ticked checkbox. A documented part name with `<...>` in it
 * (`field-<key>`) stands for a family of names.
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import * as api from '../src/index.js';
import { AnpElement } from '../src/index.js';
import { postsArticle, seedArticle, tick } from './helpers.js';

interface ManifestEntry {
  name: string;
  description?: string;
  attribute?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  type?: { text: string };
}

interface ManifestElement {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: ManifestEntry[];
  members?: ManifestEntry[];
  events?: ManifestEntry[];
  slots?: ManifestEntry[];
  cssParts?: ManifestEntry[];
  cssProperties?: ManifestEntry[];
}

interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: ManifestElement[] }[];
}

const manifest: Manifest = await (await fetch(new URL('../dist/custom-elements.json', import.meta.url))).json();

const declared = manifest.modules.flatMap((module) => module.declarations ?? []);
const documented = declared.filter((declaration) => declaration.customElement && declaration.tagName);

/** Classes the package exports that are elements (AnpElement subclasses), by tag. */
const runtimeElements = new Map<string, typeof AnpElement>();
for (const value of Object.values(api)) {
  if (typeof value === 'function' && value.prototype instanceof AnpElement) {
    // getName is recent; the fallback is the registry's answer for the class's kebab-case name.
    const kebab = value.name.replace(/[A-Z]/g, (c: string, i: number) => (i ? '-' : '') + c.toLowerCase());
    const tag = customElements.getName?.(value as CustomElementConstructor) ?? (customElements.get(kebab) === value ? kebab : undefined);
    if (tag) runtimeElements.set(tag, value as typeof AnpElement);
  }
}

/** Event classes the package exports, by class name. */
const eventClasses = new Map<string, unknown>(
  Object.entries(api).filter(([, value]) => typeof value === 'function' && value.prototype instanceof Event),
);

const names = (entries: ManifestEntry[] | undefined) => new Set((entries ?? []).map((entry) => entry.name));

/** `field-<key>` -> /^field-[^\s]+$/; plain names match themselves. */
function partMatcher(documentedName: string): RegExp {
  const escaped = documentedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '[^\\s]+');
  return new RegExp(`^${escaped}$`);
}

function isDocumentedPart(part: string, documentedParts: Set<string>): boolean {
  return [...documentedParts].some((name) => partMatcher(name).test(part));
}

/** What one render showed: part names, slot names, `anp-*` events dispatched (with the event). */
interface Seen {
  parts: Set<string>;
  slots: Set<string>;
  events: Map<string, Event>;
}

function collect(el: HTMLElement, seen: Seen): void {
  for (const node of Array.from(el.shadowRoot?.querySelectorAll('[part]') ?? [])) {
    for (const part of (node.getAttribute('part') ?? '').split(/\s+/).filter(Boolean)) seen.parts.add(part);
  }
  for (const slot of Array.from(el.shadowRoot?.querySelectorAll('slot') ?? [])) seen.slots.add(slot.name);
}

/** Lists and objects past their caps, a null, a refused URL: what only unusual input renders. */
function unusualArticles(): Record<string, unknown>[] {
  const strings = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
  const numbers = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, (i * 7) % 101]));
  return [
    {
      meta: {
        stack: strings(505, 'layer'),
        score: numbers(205),
        flags: { on: 1, off: 0 },
        payload: { missing: null, list: [1, 2], many: numbers(205) },
      },
    },
    { meta: { ai_outline: Object.fromEntries(strings(205, 'step').map((text, i) => [`o${i}`, text])), notes: strings(505, 'n') } },
    {
      meta: { checklist: strings(505, 'check') },
      similar_posts: [{ title: 'refused link', url: 'javascript:alert(1)' }, ...strings(505, 'post').map((title) => ({ title }))],
    },
  ];
}

/** Inputs the brief names (seed, bad, empty, posts) plus the unusual ones. */
function inputs(): { name: string; apply: (el: AnpElement) => void }[] {
  return [
    { name: 'seed', apply: (el) => (el.article = seedArticle()) },
    // The meta box's editor notes (other elements have no `signals` and ignore it).
    { name: 'seed with signals', apply: (el) => (el.setAttribute('signals', ''), (el.article = seedArticle())) },
    { name: 'bad JSON', apply: (el) => (el.articleJson = '{"meta": {"topic": "cut off') },
    {
      name: 'wrong types',
      apply: (el) =>
        (el.article = { meta: { topic: 5, checklist: 'not a list', score: { ok: 50, bad: 'high' } }, similar_posts: [{ url: 7 }] }),
    },
    { name: 'empty object', apply: (el) => (el.article = {}) },
    { name: 'empty meta', apply: (el) => (el.article = { meta: {}, similar_posts: [] }) },
    { name: 'posts', apply: (el) => (el.article = postsArticle()) },
    ...unusualArticles().map((article, index) => ({ name: `unusual ${index + 1}`, apply: (el: AnpElement) => (el.article = article) })),
  ];
}

/** Renders `tag` once per input (and ticks a checkbox where there is one), collecting what it showed and dispatched. */
async function observe(tag: string): Promise<Seen> {
  const seen: Seen = { parts: new Set(), slots: new Set(), events: new Map() };
  const host = document.createElement('div');
  document.body.append(host);
  try {
    for (const input of inputs()) {
      const el = document.createElement(tag) as AnpElement;
      const dispatch = el.dispatchEvent.bind(el);
      el.dispatchEvent = (event: Event) => {
        if (event.type.startsWith('anp-')) seen.events.set(event.type, event);
        return dispatch(event);
      };
      input.apply(el);
      host.append(el);
      await el.updateComplete;
      collect(el, seen);
      const box = el.shadowRoot?.querySelector<HTMLInputElement>('input[type="checkbox"]');
      if (box) {
        box.click();
        await el.updateComplete;
        collect(el, seen);
      }
      el.remove();
    }
    // A slotted child does not change what the shadow root renders; the
    // heading's absence (no-heading) is a state too.
    const quiet = document.createElement(tag) as AnpElement & { noHeading?: boolean };
    quiet.noHeading = true;
    quiet.article = seedArticle();
    host.append(quiet);
    await quiet.updateComplete;
    collect(quiet, seen);
    await tick();
  } finally {
    host.remove();
  }
  return seen;
}

/** The `--anp-*` names the element's adopted styles mention. */
function customPropertiesOf(cls: typeof AnpElement): Set<string> {
  const found = new Set<string>();
  for (const style of cls.elementStyles) {
    const text =
      'cssText' in style
        ? (style as { cssText: string }).cssText
        : Array.from((style as CSSStyleSheet).cssRules)
            .map((rule) => rule.cssText)
            .join('\n');
    for (const match of text.matchAll(/--anp-[a-z0-9-]+/gi)) found.add(match[0]);
  }
  return found;
}

/** `attribute: false` -> none; a string -> that; otherwise Lit's default, the lowercased name. */
function attributeOf(name: PropertyKey, options: { attribute?: boolean | string }): string | undefined {
  if (options.attribute === false) return undefined;
  return typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase();
}

const missing = (expected: Iterable<string>, actual: Set<string>) => [...expected].filter((name) => !actual.has(name)).sort();

describe('custom elements manifest', () => {
  it('is a schema 1.x manifest of every element the package registers, and nothing else', () => {
    expect(manifest.schemaVersion).to.match(/^1\./);
    expect(runtimeElements.size, 'elements found at runtime').to.be.greaterThan(0);
    expect(documented.map((d) => d.tagName).sort()).to.deep.equal([...runtimeElements.keys()].sort());
    for (const declaration of documented) {
      expect(declaration.name, declaration.tagName).to.equal(runtimeElements.get(declaration.tagName!)!.name);
      expect(declaration.summary ?? '', `${declaration.tagName} has a @summary`).to.not.equal('');
    }
  });

  it('lists no private member and no nameless event', () => {
    for (const declaration of declared) {
      expect(
        (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
        declaration.name,
      ).to.deep.equal([]);
      expect(
        (declaration.events ?? []).filter((event) => !event.name),
        declaration.name,
      ).to.deep.equal([]);
    }
  });

  it('describes every public member, attribute, event, slot, part and custom property', () => {
    const undescribed = documented.flatMap((declaration) =>
      [
        ...(declaration.members ?? []).filter((member) => !member.privacy || member.privacy === 'public'),
        ...(declaration.attributes ?? []),
        ...(declaration.events ?? []),
        ...(declaration.slots ?? []),
        ...(declaration.cssParts ?? []),
        ...(declaration.cssProperties ?? []),
      ]
        .filter((entry) => !(entry.description ?? '').trim())
        .map((entry) => `${declaration.tagName} ${entry.kind ?? ''} ${entry.name || '(default slot)'}`),
    );
    expect(undescribed).to.deep.equal([]);
  });

  for (const declaration of documented) {
    const tag = declaration.tagName!;

    describe(`<${tag}>`, () => {
      let seen: Seen;
      const cls = () => runtimeElements.get(tag)!;

      before(async () => {
        seen = await observe(tag);
      });

      it('lists every reactive property (inherited ones too), and every listed field exists', () => {
        const members = new Map((declaration.members ?? []).map((member) => [member.name, member]));
        const reactive = [...cls().elementProperties].filter(([, options]) => !options.state);
        expect(reactive.length).to.be.greaterThan(0);
        expect(
          missing(
            reactive.map(([name]) => String(name)),
            new Set(members.keys()),
          ),
          'reactive properties missing from the manifest',
        ).to.deep.equal([]);
        for (const [name, options] of reactive) {
          expect(members.get(String(name))?.attribute, `attribute of ${String(name)}`).to.equal(attributeOf(name, options));
        }
        const el = document.createElement(tag);
        const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static);
        expect(
          fields.filter((field) => !(field.name in el)).map((field) => field.name),
          'listed fields the element does not have',
        ).to.deep.equal([]);
        const reactiveNames = new Set(reactive.map(([name]) => String(name)));
        expect(
          fields.filter((field) => field.attribute && !reactiveNames.has(field.name)).map((field) => field.name),
          'listed as reflecting an attribute but not reactive',
        ).to.deep.equal([]);
      });

      it('lists every observed attribute, and only those', () => {
        const observed = new Set(cls().observedAttributes);
        expect(missing(observed, names(declaration.attributes)), 'observed attributes missing from the manifest').to.deep.equal([]);
        expect(missing(names(declaration.attributes), observed), 'listed attributes that are not observed').to.deep.equal([]);
      });

      it('lists every part it renders, and renders every part it lists', () => {
        const documentedParts = names(declaration.cssParts);
        expect(
          [...seen.parts].filter((part) => !isDocumentedPart(part, documentedParts)).sort(),
          'rendered parts missing from the manifest (add @csspart)',
        ).to.deep.equal([]);
        expect(
          [...documentedParts].filter((name) => ![...seen.parts].some((part) => partMatcher(name).test(part))).sort(),
          'listed parts never rendered',
        ).to.deep.equal([]);
      });

      it('lists every --anp-* custom property its styles use, and only those', () => {
        const used = customPropertiesOf(cls());
        const listed = names(declaration.cssProperties);
        expect(missing(used, listed), 'custom properties missing from the manifest (add @cssprop)').to.deep.equal([]);
        expect(missing(listed, used), 'listed custom properties the styles do not use').to.deep.equal([]);
      });

      it('lists every slot it renders, and renders every slot it lists', () => {
        const listed = names(declaration.slots);
        expect(missing(seen.slots, listed), 'rendered slots missing from the manifest (add @slot)').to.deep.equal([]);
        expect(missing(listed, seen.slots), 'listed slots never rendered').to.deep.equal([]);
      });

      it('lists every anp-* event it dispatches with its class, and dispatches every event it lists', () => {
        const listed = new Map((declaration.events ?? []).map((event) => [event.name, event]));
        expect(seen.events.size, 'events seen').to.be.greaterThan(0);
        expect(
          missing(seen.events.keys(), new Set(listed.keys())),
          'dispatched events missing from the manifest (add @fires)',
        ).to.deep.equal([]);
        expect(missing(listed.keys(), new Set(seen.events.keys())), 'listed events never dispatched').to.deep.equal([]);
        for (const [type, event] of seen.events) {
          const className = listed.get(type)?.type?.text;
          expect(className, `${type} names its event class`).to.be.a('string');
          const eventClass = eventClasses.get(className!) as (new (...args: never[]) => Event) | undefined;
          expect(eventClass, `${className} is exported`).to.be.a('function');
          expect(event, `${type} is a ${className}`).to.be.instanceOf(eventClass!);
        }
      });
    });
  }
});

describe('each element declares only the inputs it uses (issue 12, item 2)', () => {
  const observed = (tag: string) =>
    [...((customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes ?? [])].sort();
  const listedNames = (tag: string) =>
    (documented.find((declaration) => declaration.tagName === tag)?.members ?? []).map((member) => member.name);

  it('<anp-article> observes `article`, `src` and `jsonld` (issue 13) only, and lists no heading, words, theme, language or custom property', () => {
    expect(observed('anp-article')).to.deep.equal(['article', 'jsonld', 'src']);
    for (const name of ['labels', 'headingLevel', 'noHeading', 'theme', 'langAttribute']) {
      expect(listedNames('anp-article'), name).not.to.include(name);
    }
    expect(documented.find((declaration) => declaration.tagName === 'anp-article')?.cssProperties ?? []).to.deep.equal([]);
  });

  for (const tag of ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts']) {
    it(`<${tag}> observes the article inputs and its card's heading-level, no-heading, theme and lang`, () => {
      expect(observed(tag)).to.include.members(['article', 'src', 'heading-level', 'no-heading', 'theme', 'lang']);
      expect(listedNames(tag)).to.include.members(['labels', 'headingLevel', 'noHeading', 'theme']);
    });
  }

  it('only the meta box, which has yes/no badges, lists their colours', () => {
    const withBadgeTokens = documented
      .filter((declaration) =>
        (declaration.cssProperties ?? []).some((prop) => prop.name === '--anp-color-yes' || prop.name === '--anp-color-no'),
      )
      .map((declaration) => declaration.tagName);
    expect(withBadgeTokens).to.deep.equal(['anp-meta-box']);
  });
});
