/**
 * The classic script's sanitizer is a sibling file,
 * `anp-components.sanitizer.iife.js`, loaded only when a rich field holds
 * markup, with the integrity hash the main script carries (issue 12, item 4).
 * Like classic-script.test.ts, nothing here imports src/ at runtime.
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
import { ddFor, inShadow, textOf, tick } from './helpers.js';

const SANITIZER_URL = '/dist/anp-components.sanitizer.iife.js';

const sanitizerLoads = (win: Window = window) => scriptLoadsOf('anp-components.sanitizer.iife.js', win);

describe('the classic script and its sanitizer file', () => {
  it('the main script holds no DOMPurify, and carries the integrity hash of the file it loads', async () => {
    // DOMPurify's hook names are strings in its code: present in the sibling only.
    await expectSiblingSplit(SANITIZER_URL, ['uponSanitizeElement'], ['lit-html']);
  });

  it('a page without markup never loads the file; the first markup loads it once', async () => {
    await loadClassicScript(SCRIPT_URL);
    const plain = document.createElement('anp-meta-box') as AnpLike;
    plain.article = { meta: { topic: 'no markup here', summary: 'a < b, said plainly' } };
    document.body.append(plain);
    await plain.updateComplete;
    expect(textOf(ddFor(plain, 'summary'))).to.equal('a < b, said plainly');
    expect(sanitizerLoads()).to.have.length(0);

    const rich = [1, 2, 3].map((n) => {
      const el = document.createElement('anp-meta-box') as AnpLike;
      el.article = { meta: { summary: `<b>bold ${n}</b><script>window.__classicHit=1</script>` } };
      document.body.append(el);
      return el;
    });
    await tick();
    for (const el of rich) expect(inShadow(el, 'dd'), 'nothing shown while the file loads').to.have.length(0);
    await Promise.all(rich.map((el) => el.updateComplete));
    rich.forEach((el, index) => expect(ddFor(el, 'summary')!.querySelector('b')?.textContent).to.equal(`bold ${index + 1}`));
    expect(sanitizerLoads()).to.have.length(1);
    // The script element that loaded it is gone again, and nothing ran.
    expect([...document.scripts].some((script) => script.src.endsWith('anp-components.sanitizer.iife.js'))).to.equal(false);
    expect((window as { __classicHit?: number }).__classicHit).to.equal(undefined);
    [plain, ...rich].forEach((el) => el.remove());
  });

  it('loaded from where its sibling cannot be found, markup is shown as text without tags, and reported', async () => {
    const { el, errors, attach, done } = await boxWithoutSiblings();
    el.article = { meta: { topic: 'kept', summary: 'a <b>bold</b> claim<script>parent.__frameHit=1</script>' } };
    attach();
    await el.updateComplete;
    expect(textOf(ddFor(el, 'topic'))).to.equal('kept');
    const summary = ddFor(el, 'summary')!;
    expect(summary.querySelector('b')).to.equal(null);
    expect(textOf(summary)).to.equal('a bold claimparent.__frameHit=1');
    expect(errors).to.have.length(1);
    expect(errors[0].map((e) => e.path)).to.deep.equal(['']);
    expect(errors[0][0].message).to.match(/^markup shown as text without its tags: the sanitizer could not be found/);
    expect((window as { __frameHit?: number }).__frameHit).to.equal(undefined);
    done();
  });
});
