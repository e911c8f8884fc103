/**
 * The classic script's signals are a sibling file,
 * `anp-components.signals.iife.js`, loaded only when a meta box has the
 * `signals` attribute, with the integrity hash the main script carries. Like
 * classic-locales.test.ts, nothing here imports src/ at runtime.
 */
import { expect } from '@open-wc/testing';
import {
  type AnpLike,
  boxWithoutSiblings,
  expectSiblingSplit,
  loadClassicScript,
  SCRIPT_URL,
  scriptLoadsOf,
} from './shared/classic-files.js';
import { inShadow, textOf } from './helpers.js';

const SIGNALS_URL = '/dist/anp-components.signals.iife.js';
const signalsLoads = () => scriptLoadsOf('anp-components.signals.iife.js');
const article = { title: 't', url: '/t', meta: { topic: 'x', summary: 's', flags: { needs_human_review: 1 } } };

function box(signals: boolean): AnpLike {
  const el = document.createElement('anp-meta-box') as AnpLike;
  if (signals) el.setAttribute('signals', '');
  el.article = article;
  document.body.append(el);
  return el;
}

describe('the classic script and its signals file', () => {
  it('the main script holds no signal words, and carries the integrity hash of the file it loads', async () => {
    await expectSiblingSplit(
      SIGNALS_URL,
      ['needs-human-review', 'Last reviewed', 'last-reviewed date'],
      ['lit-html', 'uponSanitizeElement'],
    );
  });

  it('a page without `signals` never loads the file; the first box with it loads it once for all', async () => {
    await loadClassicScript(SCRIPT_URL);
    const plain = box(false);
    await plain.updateComplete;
    expect(inShadow(plain, 'dt').length).to.be.greaterThan(0);
    expect(signalsLoads()).to.have.length(0);
    const editors = [box(true), box(true)];
    await Promise.all(editors.map((el) => el.updateComplete));
    for (const el of editors) {
      expect(inShadow(el, '[part~="signal"]').map(textOf)).to.deep.equal([
        'warning Marked as needing a person’s review before it is published.',
        'warning No last-reviewed date: nobody can tell whether the content is still current.',
      ]);
    }
    expect(signalsLoads()).to.have.length(1);
    expect(inShadow(plain, '[part~="signals"]')).to.have.length(0);
    [plain, ...editors].forEach((el) => el.remove());
  });

  it('loaded from where its sibling cannot be found: the rows still show, no notes, signals-failed reported', async () => {
    const { el, errors, attach, done } = await boxWithoutSiblings();
    el.setAttribute('signals', '');
    el.article = article;
    attach();
    await el.updateComplete;
    expect(inShadow(el, 'dl[part~="list"] > [part~="field"] > dt').map(textOf)).to.deep.equal(['topic', 'summary', 'flags']);
    expect(inShadow(el, '[part~="signals"]')).to.have.length(0);
    expect(errors.map((list) => list.map((e) => e.code))).to.deep.equal([['signals-failed']]);
    expect(errors[0][0].message).to.match(/^editor notes not shown: the signals could not be found next to the classic script/);
    done();
  });
});
