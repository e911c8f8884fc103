import type { StoryContext } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import type { AnpErrorEvent } from '../src/events/anp-error.js';

/*
 * What every element's stories share: the args that become the element's
 * inputs and styles, a JSON script child, and the frame around the element
 * (a note for designers above it, the anp-error log under it for bad input).
 */

/** A story's args as the helpers read them (Storybook's `Args` fits). */
type Args = Record<string, unknown>;

/** 0, 1, ... count - 1. */
export const range = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

/** A non-empty string arg, else undefined (an emptied text control means "not set"). */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The `--anp-*` args (the manifest's CSS custom properties) as inline custom properties, so their controls work live. */
export function tokenStyles(args: Args): Record<string, string> {
  const styles: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (name.startsWith('--anp-') && typeof value === 'string' && value.trim() !== '') styles[name] = value;
  }
  return styles;
}

/**
 * The manifest gives `heading-level` and `no-heading` a control as attributes and as properties
 * (`headingLevel`, `noHeading`): whichever of the two a designer changed last wins.
 */
const lastSeen = new Map<string, unknown>();
const lastWinner = new Map<string, unknown>();
function latest(args: Args, attribute: string, property: string): unknown {
  let value = lastWinner.has(attribute) ? lastWinner.get(attribute) : (args[attribute] ?? args[property]);
  for (const name of [attribute, property]) {
    if (lastSeen.has(name) && lastSeen.get(name) !== args[name]) value = args[name];
    lastSeen.set(name, args[name]);
  }
  if (args[attribute] === undefined && args[property] === undefined) value = undefined;
  lastWinner.set(attribute, value);
  return value;
}

/** The `heading-level` attribute from either control (a finite number, else unset). */
export function headingLevel(args: Args): number | undefined {
  const level = latest(args, 'heading-level', 'headingLevel');
  return typeof level === 'number' && Number.isFinite(level) ? level : undefined;
}

/** Whether `no-heading` is on, from either control. */
export const noHeading = (args: Args): boolean => Boolean(latest(args, 'no-heading', 'noHeading'));

/**
 * `article` as text goes to the attribute (as does `articleJson`), as an
 * object to the property: the two inputs an element reads its article from.
 */
export function articleInputs(args: Args): { property: unknown; attribute: string | undefined } {
  const article = args.article;
  return {
    property: typeof article === 'string' ? undefined : article,
    attribute: text(args.articleJson) ?? (typeof article === 'string' ? article : undefined),
  };
}

/** A `<script type="application/json">` child holding `value` as JSON, made with the DOM: Lit binds nothing inside `<script>`. */
export function scriptChild(value: unknown): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(value);
  return script;
}

/** A visible note for designers above the element. */
export function note(content: unknown): TemplateResult | typeof nothing {
  return content ? html`<p style="margin: 0 0 1rem; max-inline-size: 60ch; font-size: 0.875rem">${content}</p>` : nothing;
}

/** Fills the log next to the element with the errors of its latest anp-error. */
function showErrors(event: Event): void {
  const { errors, source } = (event as AnpErrorEvent).detail;
  const log = (event.currentTarget as HTMLElement).querySelector<HTMLElement>('[data-error-log]');
  if (!log) return;
  const summary = document.createElement('p');
  summary.textContent = `anp-error from the ${source || 'element'}: ${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  const list = document.createElement('ol');
  for (const error of errors) {
    const item = document.createElement('li');
    const path = document.createElement('code');
    path.textContent = error.path === '' ? '(root)' : error.path;
    item.append(path, ' ', error.message);
    list.append(item);
  }
  log.replaceChildren(summary, list);
}

/** The element with the anp-error log under it. */
export function withErrorLog(element: unknown): TemplateResult {
  return html`<div @anp-error=${showErrors}>
    ${element}
    <section aria-label="anp-error log" style="margin-block-start: 1rem; font-size: 0.875rem">
      <div data-error-log><p>Waiting for anp-error…</p></div>
    </section>
  </div>`;
}

/** Wraps a story's element: `parameters.note` above it, and for bad input (`parameters.anp.expectErrors`) the anp-error log under it. */
export function frame(context: StoryContext, element: TemplateResult): TemplateResult {
  const expectErrors = Boolean((context.parameters.anp as { expectErrors?: boolean } | undefined)?.expectErrors);
  return html`${note(context.parameters.note)}${expectErrors ? withErrorLog(element) : element}`;
}
