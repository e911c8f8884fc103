import type { ElementRenderer } from '@lit-labs/ssr';
import type { RenderInfo } from '@lit-labs/ssr/lib/render-value.js';
import type { ServerPackages } from './server-packages.js';

/**
 * One element as HTML: its start tag with the attributes it holds, its shadow
 * root as a declarative `<template shadowrootmode="open">` (through Lit's
 * `LitElementRenderer`, as `@lit-labs/ssr` renders a custom element), then
 * `children` (already HTML) as its light DOM.
 */
export async function elementMarkup(
  kit: ServerPackages,
  tag: string,
  attributes: Readonly<Record<string, string>>,
  prepare: (element: HTMLElement) => void,
  children: string,
): Promise<string> {
  const renderer: ElementRenderer = new kit.LitElementRenderer(tag);
  for (const [name, value] of Object.entries(attributes)) renderer.setAttribute(name, value);
  prepare(renderer.element as HTMLElement);
  // Lit's server lifecycle: willUpdate, reflected attributes (no DOM, no connectedCallback).
  renderer.connectedCallback();
  const info: RenderInfo = {
    elementRenderers: [kit.LitElementRenderer],
    customElementInstanceStack: [renderer],
    customElementHostStack: [renderer],
    eventTargetStack: [],
    slotStack: [],
    deferHydration: false,
  };
  const shadow = await kit.collectResult(renderer.renderShadow(info) ?? []);
  const { mode = 'open' } = renderer.shadowRootOptions;
  const start = `<${tag}${[...renderer.renderAttributes()].join('')}>`;
  return `${start}<template shadowrootmode="${mode}">${shadow}</template>${children}</${tag}>`;
}

/**
 * The article as the element's child `<script type="application/json">`,
 * which every element reads in the browser: the page needs no second fetch.
 * Every `<` is written `\u003c` (the same character to JSON), so no value can
 * end the script or open a comment in it.
 */
export function jsonScript(json: string): string {
  return `<script type="application/json">${json.replace(/</g, '\\u003c')}</script>`;
}
