import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { AnpChecklist, AnpChecklistChangeEvent } from '../src/index.js';
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
  tick,
  withBadInput,
  withoutComments,
} from './helpers.js';
import { inputPathTests } from './shared/input-paths.js';

const SEED_ITEMS = SEED_VALUES.listItems.checklist;

/** Collects every anp-checklist-change that reaches `target`; the listener goes after the test. */
const listenerCleanups: (() => void)[] = [];
afterEach(() => listenerCleanups.splice(0).forEach((remove) => remove()));
function collectChanges(target: EventTarget): AnpChecklistChangeEvent[] {
  const events: AnpChecklistChangeEvent[] = [];
  const listener = (event: Event) => events.push(event as AnpChecklistChangeEvent);
  target.addEventListener('anp-checklist-change', listener);
  listenerCleanups.push(() => target.removeEventListener('anp-checklist-change', listener));
  return events;
}

function checkboxes(el: AnpChecklist): HTMLInputElement[] {
  return inShadow<HTMLInputElement>(el, 'li input[type="checkbox"]');
}

/** The text of each checkbox's label, as a screen reader names it. */
function labelTexts(el: AnpChecklist): string[] {
  return checkboxes(el).map((input) => textOf(input.labels?.[0]));
}

function progressText(el: AnpChecklist): string {
  return textOf(inShadow(el, '[part~="progress"]')[0]);
}

/** The seed's checklist, in the structure SPEC section 3 gives. */
function expectSeedItems(el: AnpChecklist, items: readonly string[] = SEED_ITEMS): void {
  const lis = inShadow(el, '[part~="list"] > li[part~="item"]');
  expect(lis.map(textOf)).to.deep.equal(items);
  for (const [index, li] of lis.entries()) {
    const inputs = li.querySelectorAll('input[type="checkbox"]');
    expect(inputs, items[index]).to.have.length(1);
    const input = inputs[0] as HTMLInputElement;
    expect(input.labels, items[index]).to.have.length(1);
    expect(textOf(input.labels![0])).to.equal(items[index]);
    expect(input.checked).to.equal(false);
  }
  expect(progressText(el)).to.equal(`0 of ${items.length} done`);
}

async function seedChecklist(): Promise<AnpChecklist> {
  return fixture<AnpChecklist>(html`<anp-checklist .article=${seedArticle()}></anp-checklist>`);
}

describe('<anp-checklist>', () => {
  it('passes axe with the seed', async () => {
    const el = await seedChecklist();
    expect(checkboxes(el)).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('passes axe with an item ticked', async () => {
    const el = await seedChecklist();
    checkboxes(el)[2].click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders nothing and reports nothing without data', async () => {
    const errors = collectErrors(document);
    const el = await fixture<AnpChecklist>(html`<anp-checklist></anp-checklist>`);
    expect(shadowText(el)).to.equal('');
    expect(checkboxes(el)).to.have.length(0);
    expect(el.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  it('renders every seed item as a labelled checkbox, with a heading and progress, and no anp-error', async () => {
    const errors = collectErrors(document);
    const el = await seedChecklist();
    expectSeedItems(el);
    const heading = inShadow(el, '[role="heading"]')[0];
    expect(textOf(heading)).to.equal('checklist');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(el.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  describe('input paths', () => {
    inputPathTests<AnpChecklist>({
      tag: 'anp-checklist',
      expectShown: (el) => expectSeedItems(el),
      own: { property: 'items', value: () => [...SEED_ITEMS], probe: (label) => [label] },
      probe: { article: (label) => ({ meta: { checklist: [label] } }), shown: (el) => labelTexts(el).join(' | ') },
    });
  });

  it('article attribute and property render the same', async () => {
    const byAttribute = await fixture<AnpChecklist>(html`<anp-checklist article=${seedJson()}></anp-checklist>`);
    const byProperty = await fixture<AnpChecklist>(html`<anp-checklist .article=${seedArticle()}></anp-checklist>`);
    const byItems = await fixture<AnpChecklist>(html`<anp-checklist .items=${[...SEED_ITEMS]}></anp-checklist>`);
    expect(withoutComments(byAttribute.shadowRoot!)).to.contain('review query plans');
    expect(withoutComments(byAttribute.shadowRoot!)).to.equal(withoutComments(byProperty.shadowRoot!));
    expect(withoutComments(byItems.shadowRoot!)).to.equal(withoutComments(byProperty.shadowRoot!));
  });

  it('new data replaces old', async () => {
    const el = await seedChecklist();
    el.article = { meta: { checklist: ['write the rollback plan', 'tell support'] } };
    await el.updateComplete;
    expect(labelTexts(el)).to.deep.equal(['write the rollback plan', 'tell support']);
    expect(progressText(el)).to.equal('0 of 2 done');
    for (const old of SEED_ITEMS) expect(shadowText(el)).not.to.include(old);
    el.items = ['only this'];
    await el.updateComplete;
    expect(labelTexts(el)).to.deep.equal(['only this']);
    expect(shadowText(el)).not.to.include('tell support');
  });

  describe('ticking', () => {
    it('a click ticks an item, fires anp-checklist-change and updates the progress', async () => {
      const el = await seedChecklist();
      const outside = collectChanges(document);
      const input = checkboxes(el)[1];
      const change = oneEvent(el, 'anp-checklist-change') as Promise<AnpChecklistChangeEvent>;
      input.click();
      const event = await change;
      await el.updateComplete;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({
        index: 1,
        item: 'add indexes carefully',
        checked: true,
        done: 1,
        total: 5,
        states: [false, true, false, false, false],
      });
      expect(outside, 'reaches the document').to.have.length(1);
      expect(input.checked).to.equal(true);
      expect(progressText(el)).to.equal('1 of 5 done');
      expect(inShadow(el, 'li[part~="item-checked"]').map(textOf)).to.deep.equal(['add indexes carefully']);

      const untick = oneEvent(el, 'anp-checklist-change') as Promise<AnpChecklistChangeEvent>;
      input.click();
      const second = await untick;
      await el.updateComplete;
      expect(second.detail).to.deep.include({ index: 1, checked: false, done: 0, total: 5 });
      expect(second.detail.states).to.deep.equal([false, false, false, false, false]);
      expect(progressText(el)).to.equal('0 of 5 done');
    });

    it('clicking the item text ticks its checkbox (the text is its label)', async () => {
      const el = await seedChecklist();
      const change = oneEvent(el, 'anp-checklist-change') as Promise<AnpChecklistChangeEvent>;
      (inShadow(el, 'li')[4].querySelector('[part~="label"]') as HTMLElement).click();
      const event = await change;
      await el.updateComplete;
      expect(event.detail).to.deep.include({ index: 4, item: 'document the migration', checked: true, done: 1 });
      expect(checkboxes(el)[4].checked).to.equal(true);
      expect(progressText(el)).to.equal('1 of 5 done');
    });

    it('keyboard: Space ticks the focused item, Tab moves to the next one', async () => {
      const el = await seedChecklist();
      const inputs = checkboxes(el);
      inputs[0].focus();
      expect(el.shadowRoot!.activeElement).to.equal(inputs[0]);

      const first = oneEvent(el, 'anp-checklist-change') as Promise<AnpChecklistChangeEvent>;
      await sendKeys({ press: 'Space' });
      const firstEvent = await first;
      await el.updateComplete;
      expect(firstEvent.detail).to.deep.equal({
        index: 0,
        item: 'review query plans',
        checked: true,
        done: 1,
        total: 5,
        states: [true, false, false, false, false],
      });
      expect(inputs[0].checked).to.equal(true);
      expect(progressText(el)).to.equal('1 of 5 done');

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'Tab reaches the second checkbox').to.equal(inputs[1]);
      const second = oneEvent(el, 'anp-checklist-change') as Promise<AnpChecklistChangeEvent>;
      await sendKeys({ press: 'Space' });
      const secondEvent = await second;
      await el.updateComplete;
      expect(secondEvent.detail).to.deep.equal({
        index: 1,
        item: 'add indexes carefully',
        checked: true,
        done: 2,
        total: 5,
        states: [true, true, false, false, false],
      });
      expect(inputs[1].checked).to.equal(true);
      expect(progressText(el)).to.equal('2 of 5 done');
    });

    it('new items start unticked', async () => {
      const el = await seedChecklist();
      checkboxes(el)[0].click();
      checkboxes(el)[3].click();
      await el.updateComplete;
      expect(progressText(el)).to.equal('2 of 5 done');
      el.items = ['a', 'b', 'c', 'd', 'e'];
      await el.updateComplete;
      expect(labelTexts(el)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(checkboxes(el).map((input) => input.checked)).to.deep.equal([false, false, false, false, false]);
      expect(progressText(el)).to.equal('0 of 5 done');
      expect(inShadow(el, '[part~="item-checked"]')).to.have.length(0);
    });

    it('new items start unticked even after a time with no data', async () => {
      const el = await fixture<AnpChecklist>(html`<anp-checklist .items=${['a', 'b']}></anp-checklist>`);
      checkboxes(el)[0].click();
      await el.updateComplete;
      expect(progressText(el)).to.equal('1 of 2 done');
      el.items = undefined;
      await el.updateComplete;
      expect(shadowText(el)).to.equal('');
      el.items = ['x', 'y'];
      await el.updateComplete;
      expect(labelTexts(el)).to.deep.equal(['x', 'y']);
      expect(checkboxes(el).map((input) => input.checked)).to.deep.equal([false, false]);
      expect(progressText(el)).to.equal('0 of 2 done');
    });

    it('the same items set again keep the ticks', async () => {
      const el = await seedChecklist();
      checkboxes(el)[2].click();
      await el.updateComplete;
      el.article = seedArticle(); // a new object with the same items
      await el.updateComplete;
      expect(checkboxes(el).map((input) => input.checked)).to.deep.equal([false, false, true, false, false]);
      expect(progressText(el)).to.equal('1 of 5 done');
      el.items = [...SEED_ITEMS]; // another input path, same items
      await el.updateComplete;
      expect(checkboxes(el).map((input) => input.checked)).to.deep.equal([false, false, true, false, false]);
      expect(progressText(el)).to.equal('1 of 5 done');
      const change = oneEvent(el, 'anp-checklist-change') as Promise<AnpChecklistChangeEvent>;
      checkboxes(el)[4].click();
      expect((await change).detail.states).to.deep.equal([false, false, true, false, true]);
    });
  });

  describe('bad input', () => {
    it('invalid JSON in the article attribute: anp-error at "", the empty state', async () => {
      const { el, event } = await withBadInput('anp-checklist', (el) => el.setAttribute('article', '{"meta": {"checklist": ['));
      expect(event.detail.errors).to.have.length(1);
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/^attribute: invalid JSON/);
      expect(checkboxes(el)).to.have.length(0);
      // Nothing valid: the heading and the empty state (SPEC section 2).
      expect(shadowText(el)).to.equal('checklist Nothing to show.');
      expect(inShadow(el, '[part~="empty"]')).to.have.length(1);
    });

    it('invalid JSON in a script child: anp-error naming the script', async () => {
      const { el, event } = await withBadInput('anp-checklist', (el) => el.append(jsonScript('{"meta": {"checklist": ["a",]}}')));
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/^script: invalid JSON/);
      expect(checkboxes(el)).to.have.length(0);
    });

    it('wrong types in items: each reported, the strings still render', async () => {
      const { el, paths } = await withBadInput(
        'anp-checklist',
        (el) => (el.items = ['ok', 7, null, { a: 1 }, 'fine'] as unknown as string[]),
      );
      expect(paths).to.deep.equal(['/1', '/2', '/3']);
      expect(labelTexts(el)).to.deep.equal(['ok', 'fine']);
      expect(progressText(el)).to.equal('0 of 2 done');
      expect(shadowText(el)).not.to.include('[object Object]');
    });

    it('items that are not a list are reported at ""', async () => {
      const { el, paths } = await withBadInput('anp-checklist', (el) => (el.items = 'review query plans' as unknown as string[]));
      expect(paths).to.deep.equal(['']);
      expect(checkboxes(el)).to.have.length(0);
    });

    it('wrong types through the article: reported at /meta/checklist/n', async () => {
      const { el, paths } = await withBadInput('anp-checklist', (el) => (el.article = { meta: { checklist: ['ok', 42, true] } }));
      expect(paths).to.deep.equal(['/meta/checklist/1', '/meta/checklist/2']);
      expect(labelTexts(el)).to.deep.equal(['ok']);
    });

    it('a checklist that is an object is reported at /meta/checklist', async () => {
      const { el, paths } = await withBadInput('anp-checklist', (el) => (el.article = { meta: { checklist: { first: 'a' } } }));
      expect(paths).to.deep.equal(['/meta/checklist']);
      expect(checkboxes(el)).to.have.length(0);
    });

    it('non-finite numbers in items are reported', async () => {
      const { el, event } = await withBadInput('anp-checklist', (el) => (el.items = ['a', Infinity, NaN] as unknown as string[]));
      expect(event.detail.errors.map((e) => e.path)).to.deep.equal(['/1', '/2']);
      expect(event.detail.errors[0].message).to.include('Infinity');
      expect(labelTexts(el)).to.deep.equal(['a']);
    });

    it('cycles are reported, not followed', async () => {
      const meta: Record<string, unknown> = { checklist: ['first', 'second'] };
      meta.loop = meta;
      const items: unknown[] = ['alone'];
      items.push(items);
      const { el, event } = await withBadInput('anp-checklist', (el) => (el.article = { meta }));
      expect(event.detail.errors.some((e) => e.path === '/meta/loop' && /cycle/.test(e.message))).to.equal(true);
      expect(labelTexts(el)).to.deep.equal(['first', 'second']);

      const second = await withBadInput('anp-checklist', (el) => (el.items = items as string[]));
      expect(second.paths).to.deep.equal(['/1']);
      expect(labelTexts(second.el)).to.deep.equal(['alone']);
    });

    it('__proto__ keys are dropped and Object.prototype is untouched', async () => {
      const json = '{"meta":{"__proto__":{"checklist":["injected"],"polluted":"yes"},"checklist":["kept"]}}';
      const { el, paths } = await withBadInput('anp-checklist', (el) => el.setAttribute('article', json));
      expect(paths).to.include('/meta/__proto__');
      expect(labelTexts(el)).to.deep.equal(['kept']);
      expect(shadowText(el)).not.to.include('injected');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(({} as Record<string, unknown>).checklist).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
    });

    it('a huge list is capped at 500 items with an "n more" line', async () => {
      const items = Array.from({ length: 2000 }, (_, i) => `step ${i}`);
      const { el, event } = await withBadInput('anp-checklist', (el) => (el.items = items));
      expect(event.detail.errors.some((e) => e.path === '' && /too many items/.test(e.message))).to.equal(true);
      expect(checkboxes(el)).to.have.length(500);
      expect(textOf(checkboxes(el)[499].labels![0])).to.equal('step 499');
      const more = inShadow(el, '[part~="list"] > [part~="more"]');
      expect(more.map(textOf)).to.deep.equal(['1,500 more']);
      expect(progressText(el)).to.equal('0 of 500 done');
    });

    it('a huge list through the article is capped and reported at /meta/checklist', async () => {
      const checklist = Array.from({ length: 600 }, (_, i) => `step ${i}`);
      const { el, event } = await withBadInput('anp-checklist', (el) => (el.article = { meta: { checklist } }));
      expect(event.detail.errors.some((e) => e.path === '/meta/checklist' && /too many items/.test(e.message))).to.equal(true);
      expect(checkboxes(el)).to.have.length(500);
      expect(inShadow(el, '[part~="more"]').map(textOf)).to.deep.equal(['100 more']);
    });

    it('a src that fails (404) gives anp-error and renders nothing', async () => {
      const { el, event } = await withBadInput('anp-checklist', (el) => (el.src = new URL('./does-not-exist.json', SEED_URL).href));
      expect(event.detail.errors[0].message).to.match(/src: fetch failed: HTTP 404/);
      expect(checkboxes(el)).to.have.length(0);
    });

    it('markup in items stays text', async () => {
      const el = await fixture<AnpChecklist>(
        html`<anp-checklist .items=${['<img src=x onerror="window.__anpChecklistRan=1">', '<b>bold</b>']}></anp-checklist>`,
      );
      expect(labelTexts(el)).to.deep.equal(['<img src=x onerror="window.__anpChecklistRan=1">', '<b>bold</b>']);
      expect(inShadow(el, 'img, b')).to.have.length(0);
      await tick();
      expect((window as unknown as { __anpChecklistRan?: number }).__anpChecklistRan).to.equal(undefined);
    });
  });
});
