/**
 * Theming (issue 4, point 4), read back as the browser paints it: computed
 * styles inside the shadow roots. The `theme` attribute, the page's colour and
 * font reaching every element, each documented `--anp-*` token, and every
 * rendered part reachable with `::part()` from the page.
 *
 * What needs a real rendering (meter fill colours by threshold, forced colours,
 * reduced motion, prefers-color-scheme) is checked in Chromium by
 * scripts/theme-check.mjs.
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { AnpChecklist, AnpMetaBox, AnpScoreBars, AnpSimilarPosts } from '../src/index.js';
import { attach, inShadow, postsArticle, seedArticle } from './helpers.js';

const TAGS = ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'] as const;
type Tag = (typeof TAGS)[number];
interface Elements {
  'anp-meta-box': AnpMetaBox;
  'anp-checklist': AnpChecklist;
  'anp-score-bars': AnpScoreBars;
  'anp-similar-posts': AnpSimilarPosts;
}

/** The default accents (src/styles/host.styles.ts): light scheme, dark scheme. */
const ACCENT_LIGHT = 'rgb(37, 99, 235)';
const ACCENT_DARK = 'rgb(147, 180, 255)';
const YES_DARK = 'rgb(110, 231, 160)';
/** Without a theme, links are the page's text colour mixed with #2563eb (55 %): here over black text. */
const ACCENT_OVER_BLACK = 'rgb(20, 54, 129)';

/** The seed's meta with the posts fixture's similar posts: every element has something to show. */
function fullArticle(): Record<string, unknown> {
  return { ...seedArticle(), similar_posts: postsArticle().similar_posts };
}

/**
 * Lists past their caps, a null, a post whose URL is refused: the parts only
 * such input renders. Two articles, so neither reaches the cap on values.
 */
function edgeArticles(): Record<string, unknown>[] {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}`);
  const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i % 101]));
  return [
    {
      meta: {
        tools: many(503),
        score: keys(203),
        payload: { nothing: null, wide: keys(203) },
        ai_outline: Object.fromEntries(many(203).map((v, i) => [`o${i}`, v])),
      },
    },
    {
      meta: { checklist: many(503) },
      similar_posts: [{ title: 'refused link', url: 'javascript:alert(1)' }, ...many(503).map((title) => ({ title }))],
    },
  ];
}

interface Page {
  wrapper: HTMLDivElement;
  els: Elements;
}

/**
 * A stand-in host page: a wide `<div>` styled with `style` holding one of each
 * element (with `theme` when given), all rendered with `article`.
 */
async function mountPage(
  article: Record<string, unknown> = fullArticle(),
  { style = '', theme }: { style?: string; theme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const wrapper = document.createElement('div');
  wrapper.style.cssText = `inline-size: 900px; ${style}`;
  const els = {} as Record<Tag, Elements[Tag]>;
  for (const tag of TAGS) {
    const el = document.createElement(tag);
    el.article = article;
    if (theme) el.setAttribute('theme', theme);
    wrapper.append(el);
    els[tag] = el;
  }
  attach(wrapper);
  for (const el of Object.values(els)) await el.updateComplete;
  return { wrapper, els: els as Elements };
}

function style(el: Element): CSSStyleDeclaration {
  return getComputedStyle(el);
}

/** The one element matching `selector` in `el`'s shadow root (fails when there is none). */
function one(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  expect(found, `${el.localName} ${selector}`).to.not.equal(null);
  return found!;
}

type Rgba = [number, number, number, number];

/** A computed colour as [r, g, b, alpha] (0..255, alpha 0..1): rgb(), rgba() and color(srgb …) as engines serialize them. */
function parseColor(value: string): Rgba {
  const text = value.trim();
  let match = /^rgba?\(([^)]*)\)$/.exec(text);
  if (match) {
    const [r, g, b, a = 1] = match[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  }
  match = /^color\(srgb ([^)]*)\)$/.exec(text);
  if (match) {
    const [r, g, b, a = 1] = match[1]
      .split(/[\s/]+/)
      .filter(Boolean)
      .map(Number);
    return [r * 255, g * 255, b * 255, a];
  }
  throw new Error(`unparsed colour: ${value}`);
}

function expectColor(actual: string, expected: string, what: string): void {
  const a = parseColor(actual);
  const e = parseColor(expected);
  const close = a.every((channel, i) => Math.abs(channel - e[i]) <= (i === 3 ? 0.02 : 1.5));
  expect(close, `${what}: ${actual}, expected ${expected}`).to.equal(true);
}

/** WCAG relative luminance of an opaque colour, 0 (black) to 1 (white). */
function luminance(value: string): number {
  const [r, g, b] = parseColor(value).map((c) => c / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Every element in the shadow roots that shows text: parts other than the checkbox and meter, outside `code`. */
function textElements(page: Page): HTMLElement[] {
  return TAGS.flatMap((tag) =>
    inShadow(page.els[tag], '[part]').filter(
      (node) => !['input', 'meter'].includes(node.localName) && !node.closest('code') && node.textContent!.trim() !== '',
    ),
  );
}

function describeNode(node: Element): string {
  const host = (node.getRootNode() as ShadowRoot).host;
  return `${host?.localName} <${node.localName} part="${node.getAttribute('part')}">`;
}

describe('theming: the theme attribute', () => {
  it('is a reflected property: light, dark or unset', async () => {
    const { els } = await mountPage();
    const box = els['anp-meta-box'];
    expect(box.hasAttribute('theme')).to.equal(false);
    box.theme = 'dark';
    await box.updateComplete;
    expect(box.getAttribute('theme')).to.equal('dark');
    box.setAttribute('theme', 'light');
    await box.updateComplete;
    expect(box.theme).to.equal('light');
  });

  it('theme="dark" on a light page paints a dark canvas, light text and the dark accents', async () => {
    const page = await mountPage(fullArticle(), { style: 'background: rgb(255, 255, 255); color: rgb(20, 20, 20);', theme: 'dark' });
    for (const tag of TAGS) {
      const host = style(page.els[tag]);
      expect(luminance(host.backgroundColor), `${tag} canvas ${host.backgroundColor}`).to.be.below(0.05);
      expect(parseColor(host.backgroundColor)[3], `${tag} canvas is opaque`).to.equal(1);
      expect(luminance(host.color), `${tag} text ${host.color}`).to.be.above(0.7);
      expect(host.colorScheme, tag).to.equal('dark');
    }
    for (const node of textElements(page)) {
      const [, , , alpha] = parseColor(style(node).color);
      // Muted text is the text colour with transparency: judge it over the dark canvas.
      expect(luminance(style(node).color) * alpha, describeNode(node)).to.be.above(0.3);
    }
    expectColor(style(one(page.els['anp-similar-posts'], '[part~="link"]')).color, ACCENT_DARK, 'link');
    // A "yes" badge keeps the text colour (its contrast is the canvas's own); its border carries the colour.
    expectColor(style(one(page.els['anp-meta-box'], '[part~="badge-yes"]')).borderTopColor, YES_DARK, 'yes badge border');
  });

  it('theme="light" inside a dark page paints a light canvas, dark text and the light accent', async () => {
    const page = await mountPage(fullArticle(), {
      style: 'color-scheme: dark; background: rgb(17, 17, 17); color: rgb(235, 235, 235);',
      theme: 'light',
    });
    for (const tag of TAGS) {
      const host = style(page.els[tag]);
      expect(luminance(host.backgroundColor), `${tag} canvas ${host.backgroundColor}`).to.be.above(0.85);
      expect(luminance(host.color), `${tag} text ${host.color}`).to.be.below(0.05);
      expect(host.colorScheme, tag).to.equal('light');
    }
    for (const node of textElements(page)) {
      expect(luminance(style(node).color), describeNode(node)).to.be.below(0.2);
    }
    expectColor(style(one(page.els['anp-similar-posts'], '[part~="link"]')).color, ACCENT_LIGHT, 'link');
  });

  it('without a theme the elements paint no canvas and take the page text colour', async () => {
    const page = await mountPage(fullArticle(), { style: 'background: rgb(250, 240, 230); color: rgb(120, 40, 160);' });
    for (const tag of TAGS) {
      const host = style(page.els[tag]);
      expectColor(host.backgroundColor, 'rgba(0, 0, 0, 0)', `${tag} has no canvas`);
      expectColor(host.color, 'rgb(120, 40, 160)', `${tag} text`);
    }
    const values = [
      one(page.els['anp-meta-box'], '[part~="field-topic"] > [part~="value"]'),
      one(page.els['anp-meta-box'], '[part~="heading"]'),
      one(page.els['anp-checklist'], '[part~="label"]'),
      one(page.els['anp-score-bars'], '[part~="score"]'),
      one(page.els['anp-similar-posts'], '[part~="heading"]'),
    ];
    for (const node of values) expectColor(style(node).color, 'rgb(120, 40, 160)', describeNode(node));
    // Secondary text is the page's colour itself (issue 10: a translucent mix lost contrast); borders are it, lighter.
    expectColor(style(one(page.els['anp-meta-box'], '[part~="label"]')).color, 'rgb(120, 40, 160)', 'label');
    const [r, g, b, alpha] = parseColor(style(one(page.els['anp-meta-box'], '[part~="base"]')).borderTopColor);
    expect([r, g, b].map(Math.round)).to.deep.equal([120, 40, 160]);
    expect(alpha).to.be.within(0.1, 0.5);
  });

  it('the page colour change reaches the elements without a re-render', async () => {
    const page = await mountPage();
    page.wrapper.style.color = 'rgb(0, 90, 0)';
    expectColor(style(one(page.els['anp-checklist'], '[part~="label"]')).color, 'rgb(0, 90, 0)', 'checklist label');
  });
});

describe('theming: fonts', () => {
  const PAGE_FONT = '"Anp Page Serif", Georgia, serif';

  it("every element's text takes the host page's font", async () => {
    const page = await mountPage(fullArticle(), { style: `font-family: ${PAGE_FONT};` });
    const probe = page.wrapper.appendChild(document.createElement('span'));
    const expected = style(probe).fontFamily;
    expect(expected).to.include('Anp Page Serif');
    const nodes = textElements(page);
    const kinds = new Set(nodes.map((node) => node.getAttribute('part')!.split(/\s+/)[0]));
    // The kinds the issue names: labels, values, headings, checklist labels, links.
    expect([...kinds]).to.include.members(['label', 'value', 'heading', 'link', 'score', 'progress']);
    for (const node of nodes) expect(style(node).fontFamily, describeNode(node)).to.equal(expected);
  });

  it('--anp-font-family replaces it everywhere; code keeps --anp-font-family-mono', async () => {
    const page = await mountPage(fullArticle(), {
      style: `font-family: ${PAGE_FONT}; --anp-font-family: "Anp Token Sans", sans-serif; --anp-font-family-mono: "Anp Token Mono", monospace;`,
    });
    for (const node of textElements(page)) expect(style(node).fontFamily, describeNode(node)).to.match(/^"?Anp Token Sans"?, sans-serif$/);
    const codes = inShadow(page.els['anp-meta-box'], 'code');
    expect(codes.length).to.be.greaterThan(1);
    for (const code of codes) expect(style(code).fontFamily).to.match(/^"?Anp Token Mono"?, monospace$/);
  });

  it('code has a monospace stack by default', async () => {
    const page = await mountPage();
    expect(style(one(page.els['anp-meta-box'], 'code')).fontFamily).to.include('monospace');
  });
});

describe('theming: --anp-* tokens', () => {
  /** Renders the page with `tokens` set on it, and once without, for before/after comparisons. */
  async function withTokens(tokens: string, article = fullArticle(), theme?: 'light' | 'dark'): Promise<[Page, Page]> {
    const plain = await mountPage(article, { theme });
    const themed = await mountPage(article, { style: tokens, theme });
    return [plain, themed];
  }

  it('--anp-color-text: the text of every element', async () => {
    const [plain, page] = await withTokens('--anp-color-text: rgb(200, 10, 10);');
    for (const tag of TAGS) {
      expectColor(style(page.els[tag]).color, 'rgb(200, 10, 10)', tag);
      expect(style(plain.els[tag]).color).not.to.equal('rgb(200, 10, 10)');
    }
    expectColor(style(one(page.els['anp-meta-box'], '[part~="field-topic"] > [part~="value"]')).color, 'rgb(200, 10, 10)', 'value');
    expectColor(style(one(page.els['anp-checklist'], '[part~="label"]')).color, 'rgb(200, 10, 10)', 'checklist label');
  });

  it('--anp-color-text also wins over a theme', async () => {
    const [, page] = await withTokens('--anp-color-text: rgb(200, 10, 10);', fullArticle(), 'dark');
    expectColor(style(page.els['anp-meta-box']).color, 'rgb(200, 10, 10)', 'meta box');
  });

  it('--anp-color-muted: labels, details, progress, entity types', async () => {
    const [plain, page] = await withTokens('--anp-color-muted: rgb(10, 150, 10);');
    const muted: [Tag, string][] = [
      ['anp-meta-box', '[part~="list"] > [part~="field"] > [part~="label"]'],
      ['anp-meta-box', '[part~="entity-type"]'],
      ['anp-checklist', '[part~="progress"]'],
      ['anp-similar-posts', '[part~="details"]'],
    ];
    for (const [tag, selector] of muted) {
      expectColor(style(one(page.els[tag], selector)).color, 'rgb(10, 150, 10)', `${tag} ${selector}`);
      expect(style(one(plain.els[tag], selector)).color, 'default differs').not.to.equal('rgb(10, 150, 10)');
    }
  });

  it('--anp-color-border: the box, its row separators and the empty state', async () => {
    const [, page] = await withTokens('--anp-color-border: rgb(10, 10, 150);');
    expectColor(style(one(page.els['anp-meta-box'], '[part~="base"]')).borderTopColor, 'rgb(10, 10, 150)', 'box');
    const secondRow = inShadow(page.els['anp-meta-box'], '[part~="list"] > [part~="field"] > [part~="value"]')[1];
    expectColor(style(secondRow).borderTopColor, 'rgb(10, 10, 150)', 'row separator');
    const [, empty] = await withTokens('--anp-color-border: rgb(10, 10, 150);', seedArticle());
    expectColor(style(one(empty.els['anp-similar-posts'], '[part~="empty"]')).borderTopColor, 'rgb(10, 10, 150)', 'empty state');
  });

  it('--anp-color-surface: the box background', async () => {
    const [, page] = await withTokens('--anp-color-surface: rgb(240, 230, 200);');
    expectColor(style(one(page.els['anp-meta-box'], '[part~="base"]')).backgroundColor, 'rgb(240, 230, 200)', 'box');
  });

  it('--anp-color-background: the canvas of a themed element, and nothing without a theme', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const [, page] = await withTokens('--anp-color-background: rgb(60, 20, 80);', fullArticle(), theme);
      for (const tag of TAGS) expectColor(style(page.els[tag]).backgroundColor, 'rgb(60, 20, 80)', `${tag} theme=${theme}`);
    }
    const [, unthemed] = await withTokens('--anp-color-background: rgb(60, 20, 80);');
    expectColor(style(unthemed.els['anp-meta-box']).backgroundColor, 'rgba(0, 0, 0, 0)', 'no theme');
  });

  it('--anp-color-accent: links and checkboxes', async () => {
    const [plain, page] = await withTokens('--anp-color-accent: rgb(190, 20, 120);');
    expectColor(style(one(plain.els['anp-similar-posts'], '[part~="link"]')).color, ACCENT_OVER_BLACK, 'default link');
    expectColor(style(one(page.els['anp-similar-posts'], '[part~="link"]')).color, 'rgb(190, 20, 120)', 'link');
    expectColor(style(one(page.els['anp-checklist'], '[part~="checkbox"]')).accentColor, 'rgb(190, 20, 120)', 'checkbox');
    const [, dark] = await withTokens('--anp-color-accent: rgb(190, 20, 120);', fullArticle(), 'dark');
    expectColor(style(one(dark.els['anp-similar-posts'], '[part~="link"]')).color, 'rgb(190, 20, 120)', 'link, theme=dark');
  });

  it('--anp-color-yes and --anp-color-no: the badges', async () => {
    const [, page] = await withTokens('--anp-color-yes: rgb(0, 120, 120); --anp-color-no: rgb(130, 60, 0);');
    for (const badge of inShadow(page.els['anp-meta-box'], '[part~="badge-yes"]'))
      expectColor(style(badge).borderTopColor, 'rgb(0, 120, 120)', 'yes');
    const noBadges = inShadow(page.els['anp-meta-box'], '[part~="badge-no"]');
    expect(noBadges.length).to.be.greaterThan(0);
    for (const badge of noBadges) expectColor(style(badge).color, 'rgb(130, 60, 0)', 'no');
  });

  it('--anp-space: paddings and gaps scale with it', async () => {
    const [plain, page] = await withTokens('--anp-space: 20px;');
    expect(style(one(page.els['anp-meta-box'], '[part~="base"]')).paddingTop).to.equal('20px');
    expect(style(one(plain.els['anp-meta-box'], '[part~="base"]')).paddingTop).not.to.equal('20px');
    expect(style(one(page.els['anp-meta-box'], '[part~="list"] > [part~="field"] > [part~="label"]')).paddingInlineEnd).to.equal('20px');
    expect(style(one(page.els['anp-score-bars'], '[part~="list"]')).columnGap).to.equal('20px');
    expect(style(one(page.els['anp-similar-posts'], '[part~="list"]')).rowGap).to.equal('15px');
    expect(style(one(page.els['anp-checklist'], '[part~="progress"]')).marginTop).to.equal('10px');
    expect(style(one(page.els['anp-checklist'], '[part~="heading"]')).marginBottom).to.equal('15px');
    // A themed element pads its own canvas.
    const [, themed] = await withTokens('--anp-space: 20px;', fullArticle(), 'dark');
    for (const tag of TAGS) expect(style(themed.els[tag]).paddingTop, tag).to.equal('20px');
    expect(style(page.els['anp-checklist']).paddingTop, 'no theme, no padding').to.equal('0px');
  });

  it('--anp-radius: the box, the empty state and the checklist rows', async () => {
    const [, page] = await withTokens('--anp-radius: 10px;');
    expect(style(one(page.els['anp-meta-box'], '[part~="base"]')).borderTopLeftRadius).to.equal('10px');
    const [, themed] = await withTokens('--anp-radius: 10px;', fullArticle(), 'light');
    expect(style(themed.els['anp-score-bars']).borderTopLeftRadius, 'themed canvas').to.equal('10px');
    expect(style(one(page.els['anp-checklist'], '[part~="row"]')).borderTopLeftRadius).to.equal('6px');
    const [, empty] = await withTokens('--anp-radius: 10px;', seedArticle());
    expect(style(one(empty.els['anp-similar-posts'], '[part~="empty"]')).borderTopLeftRadius).to.equal('10px');
  });

  it('--anp-heading-size: every heading', async () => {
    const [, page] = await withTokens('--anp-heading-size: 30px;');
    for (const tag of TAGS) expect(style(one(page.els[tag], '[part~="heading"]')).fontSize, tag).to.equal('30px');
  });

  it('--anp-label-width: the label column of the meta box and its outline', async () => {
    const [plain, page] = await withTokens('--anp-label-width: 250px;');
    const width = (p: Page, selector: string) => one(p.els['anp-meta-box'], selector).getBoundingClientRect().width;
    const label = '[part~="list"] > [part~="field"] > [part~="label"]';
    expect(width(page, label)).to.be.closeTo(250, 0.5);
    expect(width(plain, label)).not.to.be.closeTo(250, 0.5);
    expect(width(page, '[part~="outline-list"] [part~="label"]')).to.be.closeTo(250, 0.5);
  });

  it('--anp-estimated-height: from the ninth box of a page on, an off-screen box skips rendering and counts as that tall', async () => {
    const spacer = attach(document.createElement('div'));
    spacer.style.blockSize = '5000px';
    const boxes = Array.from({ length: 9 }, () => {
      const el = attach(document.createElement('anp-meta-box'));
      el.style.setProperty('--anp-estimated-height', '123px');
      el.article = seedArticle();
      return el;
    });
    await Promise.all(boxes.map((el) => el.updateComplete));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const ninth = boxes[8];
    try {
      // The first eight (all an article page has) always lay out.
      for (const el of boxes.slice(0, 8)) {
        expect(el.hasAttribute('data-anp-offscreen')).to.equal(false);
        expect(el.getBoundingClientRect().height).to.be.greaterThan(400);
      }
      expect(ninth.hasAttribute('data-anp-offscreen')).to.equal(true);
      const base = inShadow(ninth, '[part~="base"]')[0];
      const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
      const extra = frame.reduce((sum, side) => sum + parseFloat(getComputedStyle(base)[side]), 0);
      if (CSS.supports('content-visibility', 'auto')) {
        expect(getComputedStyle(base).contentVisibility).to.equal('auto');
        expect(ninth.getBoundingClientRect().height, 'off screen').to.be.closeTo(123 + extra, 0.5);
        ninth.scrollIntoView();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        expect(ninth.getBoundingClientRect().height, 'shown').to.be.greaterThan(400);
      } else {
        // An engine without content-visibility lays every box out: the estimate is never used.
        expect(ninth.getBoundingClientRect().height).to.be.greaterThan(400);
      }
      // Rendered either way: the shadow DOM is complete, for readers, find-in-page and assistive technology.
      expect(inShadow(ninth, '[part~="field"]').length).to.be.greaterThan(10);
    } finally {
      spacer.remove();
      for (const el of boxes) el.remove();
      window.scrollTo(0, 0);
    }
  });

  it('--anp-bar-height and --anp-bar-track: every meter', async () => {
    const [plain, page] = await withTokens('--anp-bar-height: 17px; --anp-bar-track: rgb(200, 200, 60);');
    for (const tag of ['anp-score-bars', 'anp-meta-box'] as const) {
      const meters = inShadow(page.els[tag], '[part~="meter"]');
      expect(meters.length, tag).to.be.greaterThan(0);
      for (const meter of meters) {
        expect(meter.getBoundingClientRect().height, tag).to.be.closeTo(17, 0.5);
        expectColor(style(meter).backgroundColor, 'rgb(200, 200, 60)', `${tag} track`);
      }
      expect(one(plain.els[tag], '[part~="meter"]').getBoundingClientRect().height).not.to.be.closeTo(17, 0.5);
    }
  });
});

describe('theming: parts', () => {
  /** Every part name each element renders for the seed, the posts article and the edge cases, with the nodes that carry it. */
  async function renderedParts(): Promise<Map<Tag, Map<string, HTMLElement[]>>> {
    const parts = new Map<Tag, Map<string, HTMLElement[]>>(TAGS.map((tag) => [tag, new Map()]));
    for (const article of [seedArticle(), postsArticle(), fullArticle(), ...edgeArticles()]) {
      const page = await mountPage(article);
      for (const tag of TAGS) {
        for (const node of inShadow(page.els[tag], '[part]')) {
          for (const name of node.getAttribute('part')!.split(/\s+/).filter(Boolean)) {
            const nodes = parts.get(tag)!.get(name) ?? [];
            nodes.push(node);
            parts.get(tag)!.set(name, nodes);
          }
        }
      }
    }
    return parts;
  }

  it('renders the parts the docs name', async () => {
    const parts = await renderedParts();
    const names = (tag: Tag) => [...parts.get(tag)!.keys()];
    expect(names('anp-meta-box')).to.include.members([
      'base',
      'heading',
      'list',
      'field',
      'label',
      'value',
      'nested',
      'pair',
      'items',
      'item',
      'more',
      'badge',
      'badge-yes',
      'badge-no',
      'entity-name',
      'entity-type',
      'outline',
      'outline-list',
      'meter',
      'score',
      'none',
    ]);
    expect(names('anp-checklist')).to.include.members(['base', 'heading', 'list', 'item', 'row', 'checkbox', 'label', 'progress', 'more']);
    expect(names('anp-score-bars')).to.include.members(['base', 'heading', 'list', 'bar', 'label', 'bar-track', 'meter', 'score', 'more']);
    expect(names('anp-similar-posts')).to.include.members(['base', 'heading', 'list', 'item', 'link', 'title', 'details', 'empty', 'more']);
  });

  it('every rendered part is styleable from the page with ::part()', async () => {
    const parts = await renderedParts();
    // One rule per element and part name, each with its own colour. A node with two names shows the later
    // rule's colour, so a second pass in reverse order shows the other.
    const rules = [...parts].flatMap(([tag, byName]) => [...byName.keys()].map((name) => ({ tag, name })));
    const colour = (rule: (typeof rules)[number]) => `rgb(${rules.indexOf(rule)}, 37, 91)`;
    const verified = new Set<string>();
    const sheet = document.head.appendChild(document.createElement('style'));
    try {
      for (const order of [rules, [...rules].reverse()]) {
        sheet.textContent = order.map((rule) => `${rule.tag}::part(${rule.name}) { outline-color: ${colour(rule)}; }`).join('\n');
        for (const [tag, byName] of parts) {
          for (const nodes of byName.values()) {
            // The first and last few carriers of each name: the capped lists hold hundreds.
            for (const node of nodes.length > 6 ? [...nodes.slice(0, 3), ...nodes.slice(-3)] : nodes) {
              const names = node.getAttribute('part')!.split(/\s+/);
              const winner = order.filter((rule) => rule.tag === tag && names.includes(rule.name)).at(-1)!;
              expectColor(style(node).outlineColor, colour(winner), `${tag}::part(${winner.name}) on ${describeNode(node)}`);
              verified.add(`${tag}::part(${winner.name})`);
            }
          }
        }
      }
    } finally {
      sheet.remove();
    }
    const unverified = rules.map((rule) => `${rule.tag}::part(${rule.name})`).filter((key) => !verified.has(key));
    expect(unverified).to.deep.equal([]);
    expect(verified.size).to.be.greaterThan(50);
  });

  it('every sub-element the templates make has a part (inline phrasing and sanitized rich text aside)', async () => {
    // <time>, <data>, <code> and <bdi> mark up a value inside a part; slots are not boxes of their own.
    const exempt = new Set(['slot', 'time', 'data', 'code', 'bdi']);
    for (const article of [fullArticle(), seedArticle(), ...edgeArticles()]) {
      const page = await mountPage(article);
      for (const tag of TAGS) {
        const bare = inShadow(page.els[tag], '*').filter(
          (node) =>
            !node.hasAttribute('part') &&
            !exempt.has(node.localName) &&
            // Sanitized rich text (summary, ai_brief, notes) is the article's markup, not ours.
            !node.parentElement?.closest('[part~="field-summary"] dd, [part~="field-ai_brief"] dd, [part~="field-notes"] li'),
        );
        expect(bare.map(describeNode), tag).to.deep.equal([]);
      }
    }
  });

  it('no anp element nests another without exporting its parts', async () => {
    const page = await mountPage();
    for (const tag of TAGS) {
      for (const inner of inShadow(page.els[tag], '*')) {
        if (inner.localName.includes('-') && inner.shadowRoot) {
          expect(inner.getAttribute('exportparts'), `${tag} > ${inner.localName}`).to.be.a('string').and.not.equal('');
        }
      }
    }
  });
});
