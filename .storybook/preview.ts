/// <reference types="vite/client" />
import type { Decorator, Preview, StoryContext } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/define.js';

// --- The custom elements manifest, for autodocs and controls ---------------------------------
//
// `npm run build` writes it (cem analyze). A glob rather than a static import, so that
// type-checking and linting work before the first build; the storybook scripts build first.
const manifests = import.meta.glob<CustomElementsManifest>('../dist/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];

interface ManifestType {
  text: string;
}
interface ManifestMember {
  kind: string;
  name: string;
  type?: ManifestType;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  description?: string;
}
interface ManifestAttribute {
  name: string;
  fieldName?: string;
  type?: ManifestType;
  description?: string;
}
interface ManifestNamed {
  name: string;
  description?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  slots?: ManifestNamed[];
  cssParts?: ManifestNamed[];
}
interface CustomElementsManifest {
  schemaVersion: string;
  modules: { declarations?: ManifestDeclaration[] }[];
}

/**
 * The manifest as the docs should see it: public instance fields only (no protected helpers);
 * parts named `::part(x)` and the default slot `(default)`, since the docs table keys every row
 * by name and a part named like a slot (`heading`) would hide the slot.
 */
function publicApi(source: CustomElementsManifest): CustomElementsManifest {
  return {
    ...source,
    modules: source.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public',
        ),
        slots: declaration.slots?.map((slot) => ({ ...slot, name: slot.name || '(default)' })),
        cssParts: declaration.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` })),
      })),
    })),
  };
}

if (manifest) setCustomElementsManifest(publicApi(manifest));
else console.warn('dist/custom-elements.json is missing: run `npm run build` for the docs tables and controls.');

function declarationOf(tagName: string): ManifestDeclaration | undefined {
  for (const module of manifest?.modules ?? []) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tagName);
    if (found) return found;
  }
  return undefined;
}

type ArgTypes = ReturnType<NonNullable<Preview['argTypesEnhancers']>[number]>;
type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/** A control that fits a manifest type: the renderer's own guess is an object editor for anything but plain names. */
function controlFor(type: string): { control: ArgTypes[string]['control']; options?: string[] } {
  const text = type.replace(/\s*\|\s*undefined$/, '').trim();
  if (text === 'boolean') return { control: { type: 'boolean' } };
  if (text === 'number') return { control: { type: 'number' } };
  if (text === 'string') return { control: { type: 'text' } };
  const literals = [...text.matchAll(/'([^']*)'/g)].map((match) => match[1]);
  if (literals.length && text.split('|').every((part) => /^\s*'[^']*'\s*$/.test(part))) {
    return { control: { type: 'select' }, options: literals };
  }
  return { control: { type: 'object' } };
}

const NO_CONTROL_CATEGORIES = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

/**
 * Controls for every writable attribute and property of the story's element (read-only ones are
 * listed without one), none for events, slots, parts and CSS properties. The manifest's `article`
 * attribute (JSON text) and `article` property (object) share a name; the property's object
 * editor is kept, `articleJson` edits the text. A control a story sets itself wins.
 */
const manifestControls: ArgTypesEnhancer = (context) => {
  const tagName = typeof context.component === 'string' ? context.component : undefined;
  const declaration = tagName ? declarationOf(tagName) : undefined;
  const argTypes: ArgTypes = { ...context.argTypes };
  if (!declaration) return argTypes;
  const typeOf = new Map<string, { type: string; readonly: boolean }>();
  for (const member of declaration.members ?? []) {
    if (member.kind === 'field' && (member.privacy ?? 'public') === 'public' && member.type) {
      typeOf.set(member.name, { type: member.type.text, readonly: !!member.readonly });
    }
  }
  for (const attribute of declaration.attributes ?? []) {
    if (!typeOf.has(attribute.name) && attribute.type) typeOf.set(attribute.name, { type: attribute.type.text, readonly: false });
  }
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category && NO_CONTROL_CATEGORIES.has(category)) {
      if (argType.control === undefined) argTypes[name] = { ...argType, control: false };
      continue;
    }
    const known = typeOf.get(name);
    if (!known || argType.control !== undefined) continue;
    if (known.readonly) {
      argTypes[name] = { ...argType, control: false, description: `${argType.description ?? ''} (read-only)` };
      continue;
    }
    const { control, options } = controlFor(known.type);
    argTypes[name] = { ...argType, control, ...(options && argType.options === undefined ? { options } : {}) };
    if (name === 'article') {
      argTypes[name] = {
        ...argTypes[name],
        type: { name: 'other', value: 'unknown' },
        description: 'The article as an object or JSON text (property). The `article` attribute takes JSON text, as `articleJson` does.',
        table: { ...argType.table, category: 'properties', type: { summary: 'unknown | undefined' } },
      };
    }
  }
  return argTypes;
};

// --- Toolbar switches: theme, direction, locale -----------------------------------------------

type Theme = 'auto' | 'light' | 'dark';

/** What a page of that scheme paints behind the elements (they follow the page's colours). */
const PAGE_COLOURS: Record<Exclude<Theme, 'auto'>, Record<string, string>> = {
  light: { background: '#ffffff', color: '#1b1d21', 'color-scheme': 'light' },
  dark: { background: '#15171c', color: '#e9eaee', 'color-scheme': 'dark' },
};

/** Elements whose `theme` attribute the toolbar set, so "auto" can take it back. */
const themedByToolbar = new WeakSet<Element>();
const observers = new WeakMap<Element, MutationObserver>();

function applyTheme(container: Element, theme: Theme): void {
  for (const element of container.querySelectorAll('*')) {
    if (!element.localName.startsWith('anp-')) continue;
    if (theme === 'auto') {
      if (themedByToolbar.has(element)) element.removeAttribute('theme');
      themedByToolbar.delete(element);
    } else if (element.getAttribute('theme') !== theme) {
      element.setAttribute('theme', theme);
      themedByToolbar.add(element);
    }
  }
}

function asTheme(value: unknown): Theme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/**
 * Wraps each story in a page-like container with the toolbar's `lang` and `dir`; for a light or
 * dark theme it paints that page and sets the elements' `theme` (also on elements a story adds later).
 */
const withPage: Decorator = (story, context: StoryContext) => {
  const theme = asTheme(context.globals.theme);
  const dir = context.globals.dir === 'rtl' ? 'rtl' : 'ltr';
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  const inDocs = context.viewMode === 'docs';
  const style = {
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    'line-height': '1.5',
    padding: '1rem',
    'box-sizing': 'border-box',
    'min-height': inDocs ? 'auto' : '100vh',
    ...(theme === 'auto' ? {} : PAGE_COLOURS[theme]),
  };
  const watch = (container: Element | undefined) => {
    if (!container) return;
    let observer = observers.get(container);
    if (!observer) {
      observer = new MutationObserver(() => applyTheme(container, asTheme(container.getAttribute('data-theme'))));
      observer.observe(container, { childList: true, subtree: true });
      observers.set(container, observer);
    }
    // The story's own nodes are committed after this callback, in the same render.
    queueMicrotask(() => applyTheme(container, asTheme(container.getAttribute('data-theme'))));
  };
  return html`<div class="anp-story-page" data-theme=${theme} lang=${locale} dir=${dir} style=${styleMap(style)} ${ref(watch)}>
    ${story()}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    actions: { handles: ['anp-error', 'anp-checklist-change'] },
    docs: { toc: true },
  },
  globalTypes: {
    theme: {
      description: 'Page colours (and the elements’ theme attribute)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'auto', title: 'Auto: follow the page', icon: 'browser' },
          { value: 'light', title: 'Light page, theme="light"', icon: 'sun' },
          { value: 'dark', title: 'Dark page, theme="dark"', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right (ltr)' },
          { value: 'rtl', title: 'Right to left (rtl)' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the page (lang): words, numbers and dates',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', right: 'en', title: 'English' },
          { value: 'de', right: 'de', title: 'Deutsch' },
          { value: 'fr', right: 'fr', title: 'Français' },
          { value: 'es', right: 'es', title: 'Español' },
          { value: 'ar', right: 'ar', title: 'العربية' },
          { value: 'ja', right: 'ja', title: '日本語' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto', dir: 'ltr', locale: 'en' },
  decorators: [withPage, withActions],
  argTypesEnhancers: [manifestControls],
};

export default preview;
