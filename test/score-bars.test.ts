import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { LIMITS } from '../src/core/normalize.js';
import type { AnpScoreBars } from '../src/index.js';
import {
  collectErrors,
  inShadow,
  jsonScript,
  seedArticle,
  seedJson,
  SEED_URL,
  SEED_VALUES,
  shadowText,
  textOf,
  withBadInput,
  withoutComments,
} from './helpers.js';
import { inputPathTests } from './shared/input-paths.js';

const SEED_SCORES = SEED_VALUES.scores;

interface Bar {
  /** Text of the element the meter's aria-labelledby points to. */
  name: string;
  value: number;
  min: number;
  max: number;
  /** The number shown beside the bar. */
  shown: string;
}

/** Every bar as a reader meets it: its accessible name, its value and the number shown. */
function bars(el: AnpScoreBars): Bar[] {
  return inShadow(el, '[part~="list"] > li[part~="bar"]').map((li) => {
    const meters = li.querySelectorAll('meter');
    expect(meters, 'one meter per bar').to.have.length(1);
    const meter = meters[0];
    const labelIds = (meter.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    expect(labelIds, 'aria-labelledby').to.have.length.greaterThan(0);
    const labels = labelIds.map((id) => el.shadowRoot!.getElementById(id));
    for (const label of labels) expect(label, `element #${labelIds.join(' ')}`).to.exist;
    return {
      name: labels.map((label) => textOf(label)).join(' '),
      value: meter.value,
      min: meter.min,
      max: meter.max,
      shown: textOf(li.querySelector('[part~="score"]')),
    };
  });
}

function barNames(el: AnpScoreBars): string[] {
  return bars(el).map((bar) => bar.name);
}

/** The seed's scores, in the structure SPEC section 3 gives: one labelled meter each, the number visible. */
function expectSeedBars(el: AnpScoreBars, scores: Record<string, number> = SEED_SCORES): void {
  expect(bars(el)).to.deep.equal(Object.entries(scores).map(([name, value]) => ({ name, value, min: 0, max: 100, shown: String(value) })));
  for (const number of inShadow(el, '[part~="score"]')) {
    expect(number.getBoundingClientRect().height, 'the number is visible').to.be.greaterThan(0);
  }
}

async function seedBars(): Promise<AnpScoreBars> {
  return fixture<AnpScoreBars>(html`<anp-score-bars .article=${seedArticle()}></anp-score-bars>`);
}

describe('<anp-score-bars>', () => {
  it('passes axe with the seed', async () => {
    const el = await seedBars();
    expect(inShadow(el, 'meter')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('renders nothing and reports nothing without data', async () => {
    const errors = collectErrors(document);
    const el = await fixture<AnpScoreBars>(html`<anp-score-bars></anp-score-bars>`);
    expect(shadowText(el)).to.equal('');
    expect(inShadow(el, 'meter')).to.have.length(0);
    expect(el.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  it('renders every seed score as a named meter from 0 to 100 with the number visible, and no anp-error', async () => {
    const errors = collectErrors(document);
    const el = await seedBars();
    expectSeedBars(el);
    const heading = inShadow(el, '[role="heading"]')[0];
    expect(textOf(heading)).to.equal('scores');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(el.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  describe('input paths', () => {
    inputPathTests<AnpScoreBars>({
      tag: 'anp-score-bars',
      expectShown: (el) => expectSeedBars(el),
      own: { property: 'scores', value: () => ({ ...SEED_SCORES }), probe: (label) => ({ [label]: 30 }) },
      probe: { article: (label) => ({ meta: { score: { [label]: 20 } } }), shown: (el) => barNames(el).join(' | ') },
    });
  });

  it('article attribute and property render the same', async () => {
    const byAttribute = await fixture<AnpScoreBars>(html`<anp-score-bars article=${seedJson()}></anp-score-bars>`);
    const byProperty = await fixture<AnpScoreBars>(html`<anp-score-bars .article=${seedArticle()}></anp-score-bars>`);
    const byScores = await fixture<AnpScoreBars>(html`<anp-score-bars .scores=${{ ...SEED_SCORES }}></anp-score-bars>`);
    expect(withoutComments(byAttribute.shadowRoot!)).to.contain('freshness');
    expect(withoutComments(byAttribute.shadowRoot!)).to.equal(withoutComments(byProperty.shadowRoot!));
    expect(withoutComments(byScores.shadowRoot!)).to.equal(withoutComments(byProperty.shadowRoot!));
  });

  it('new data replaces old', async () => {
    const el = await seedBars();
    el.article = { meta: { score: { accuracy: 91.5, depth: 0 } } };
    await el.updateComplete;
    expect(bars(el)).to.deep.equal([
      { name: 'accuracy', value: 91.5, min: 0, max: 100, shown: '91.5' },
      { name: 'depth', value: 0, min: 0, max: 100, shown: '0' },
    ]);
    for (const old of ['quality', 'freshness', 'clarity', '78', '87']) expect(shadowText(el)).not.to.include(old);
    el.scores = { speed: 100 };
    await el.updateComplete;
    expect(bars(el)).to.deep.equal([{ name: 'speed', value: 100, min: 0, max: 100, shown: '100' }]);
    expect(shadowText(el)).not.to.include('accuracy');
  });

  it('labels names from keys and takes translations from the labels property', async () => {
    const el = await fixture<AnpScoreBars>(html`<anp-score-bars .scores=${{ code_quality: 70, testCoverage: 40 }}></anp-score-bars>`);
    expect(barNames(el)).to.deep.equal(['code quality', 'test coverage']);
    el.labels = { code_quality: 'Codequalität', scores: 'Bewertungen' };
    await el.updateComplete;
    expect(barNames(el)).to.deep.equal(['Codequalität', 'test coverage']);
    expect(textOf(inShadow(el, '[role="heading"]')[0])).to.equal('Bewertungen');
  });

  it('formats the visible number by the nearest lang', async () => {
    const wrapper = await fixture(html`<div lang="de"><anp-score-bars .scores=${{ quality: 78.5 }}></anp-score-bars></div>`);
    const el = wrapper.querySelector('anp-score-bars')!;
    await el.updateComplete;
    // The name follows the lang too (the de pack).
    expect(bars(el)).to.deep.equal([{ name: 'Qualität', value: 78.5, min: 0, max: 100, shown: '78,5' }]);
  });

  describe('bad input', () => {
    it('invalid JSON in the article attribute: anp-error at "", the empty state', async () => {
      const { el, event } = await withBadInput('anp-score-bars', (el) => el.setAttribute('article', '{"meta": {"score": {"quality": 7'));
      expect(event.detail.errors).to.have.length(1);
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/^attribute: invalid JSON/);
      expect(inShadow(el, 'meter')).to.have.length(0);
      // Nothing valid: the heading and the empty state (SPEC section 2).
      expect(shadowText(el)).to.equal('scores Nothing to show.');
      expect(inShadow(el, '[part~="empty"]')).to.have.length(1);
    });

    it('invalid JSON in a script child: anp-error naming the script', async () => {
      const { el, event } = await withBadInput('anp-score-bars', (el) => el.append(jsonScript("{'meta': {'score': {'quality': 70}}}")));
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/^script: invalid JSON/);
      expect(inShadow(el, 'meter')).to.have.length(0);
    });

    it('wrong types and out-of-range scores: reported at /a and /b, only valid bars render', async () => {
      const { el, paths } = await withBadInput(
        'anp-score-bars',
        (el) => (el.scores = { a: 'x', b: 150, c: 50 } as unknown as Record<string, number>),
      );
      expect(paths).to.deep.equal(['/a', '/b']);
      expect(bars(el)).to.deep.equal([{ name: 'c', value: 50, min: 0, max: 100, shown: '50' }]);
      expect(shadowText(el)).not.to.include('150');
    });

    it('wrong types through the article: reported at /meta/score/a and /meta/score/b', async () => {
      const { el, paths } = await withBadInput(
        'anp-score-bars',
        (el) => (el.article = { meta: { score: { a: 'x', b: 150, c: 50, d: -1 } } }),
      );
      expect(paths).to.deep.equal(['/meta/score/a', '/meta/score/b', '/meta/score/d']);
      expect(bars(el)).to.deep.equal([{ name: 'c', value: 50, min: 0, max: 100, shown: '50' }]);
    });

    it('scores that are not an object are reported at ""', async () => {
      const { el, paths } = await withBadInput('anp-score-bars', (el) => (el.scores = [78, 67] as unknown as Record<string, number>));
      expect(paths).to.deep.equal(['']);
      expect(inShadow(el, 'meter')).to.have.length(0);
    });

    it('non-finite numbers are reported and not drawn', async () => {
      const { el, event } = await withBadInput('anp-score-bars', (el) => (el.scores = { inf: Infinity, nan: NaN, neg: -Infinity, ok: 1 }));
      expect(event.detail.errors.map((e) => e.path)).to.deep.equal(['/inf', '/nan', '/neg']);
      expect(event.detail.errors.every((e) => /finite/.test(e.message))).to.equal(true);
      expect(bars(el)).to.deep.equal([{ name: 'ok', value: 1, min: 0, max: 100, shown: '1' }]);
      expect(shadowText(el)).not.to.match(/NaN|Infinity|∞/);
    });

    it('cycles are reported, not followed', async () => {
      const article: Record<string, any> = { meta: { score: { quality: 60 } } };
      article.meta.back = article;
      const { el, event } = await withBadInput('anp-score-bars', (el) => (el.article = article));
      expect(event.detail.errors.some((e) => e.path === '/meta/back' && /cycle/.test(e.message))).to.equal(true);
      expect(bars(el).map((bar) => [bar.name, bar.value])).to.deep.equal([['quality', 60]]);

      const scores: Record<string, unknown> = { fine: 5 };
      scores.self = scores;
      const second = await withBadInput('anp-score-bars', (el) => (el.scores = scores as Record<string, number>));
      expect(second.paths).to.deep.equal(['/self']);
      expect(bars(second.el).map((bar) => [bar.name, bar.value])).to.deep.equal([['fine', 5]]);
    });

    it('__proto__ keys are dropped and Object.prototype is untouched', async () => {
      const json = '{"meta":{"score":{"__proto__":{"polluted":1},"quality":70}}}';
      const { el, paths } = await withBadInput('anp-score-bars', (el) => el.setAttribute('article', json));
      expect(paths).to.deep.equal(['/meta/score/__proto__']);
      expect(barNames(el)).to.deep.equal(['quality']);

      const second = await withBadInput(
        'anp-score-bars',
        (el) => (el.scores = JSON.parse('{"__proto__":{"polluted":1},"constructor":5,"depth":20}')),
      );
      expect(second.paths).to.deep.equal(['/__proto__', '/constructor']);
      expect(barNames(second.el)).to.deep.equal(['depth']);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
    });

    it('a huge list of scores is capped at LIMITS.maxKeys bars with an "n more" line', async () => {
      const scores = Object.fromEntries(Array.from({ length: LIMITS.maxKeys + 100 }, (_, i) => [`score ${i}`, i % 101]));
      const { el, event } = await withBadInput('anp-score-bars', (el) => (el.scores = scores));
      expect(event.detail.errors.some((e) => e.path === '' && /too many keys/.test(e.message))).to.equal(true);
      expect(inShadow(el, 'meter')).to.have.length(LIMITS.maxKeys);
      expect(inShadow(el, '[part~="more"]').map(textOf)).to.deep.equal(['100 more']);
    });

    it('a src that fails (404) gives anp-error and renders nothing', async () => {
      const { el, event } = await withBadInput('anp-score-bars', (el) => (el.src = new URL('./does-not-exist.json', SEED_URL).href));
      expect(event.detail.errors[0].message).to.match(/src: fetch failed: HTTP 404/);
      expect(inShadow(el, 'meter')).to.have.length(0);
    });

    it('markup in a score name stays text', async () => {
      const el = await fixture<AnpScoreBars>(html`<anp-score-bars .scores=${{ '<img src=x onerror=alert(1)>': 50 }}></anp-score-bars>`);
      expect(barNames(el)).to.deep.equal(['<img src=x onerror=alert(1)>']);
      expect(inShadow(el, 'img')).to.have.length(0);
    });
  });
});
