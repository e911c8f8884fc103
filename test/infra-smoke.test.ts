// Smoke test for the test infrastructure itself: TypeScript + Lit decorators
// through esbuild, fixture rendering, shadow DOM, axe, and real keyboard input,
// in every browser `npm test` runs.
import { LitElement, css, html as litHtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

@customElement('infra-smoke-greeting')
class InfraSmokeGreeting extends LitElement {
  static override styles = css`
    button:focus-visible {
      outline: 3px solid rgb(0, 0, 255);
    }
  `;

  @property() name = 'world';

  @property({ type: Number }) clicks = 0;

  override render() {
    return litHtml`
      <p part="text">Hello, ${this.name}!</p>
      <button type="button" @click=${() => this.clicks++}>Count ${this.clicks}</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'infra-smoke-greeting': InfraSmokeGreeting;
  }
}

describe('test infrastructure smoke test', () => {
  it('renders a Lit element defined with decorators into its shadow root', async () => {
    const el = await fixture<InfraSmokeGreeting>(html`<infra-smoke-greeting name="Ada"></infra-smoke-greeting>`);
    expect(el).to.be.instanceOf(InfraSmokeGreeting);
    expect(el.shadowRoot).to.not.equal(null);
    const p = el.shadowRoot!.querySelector('p')!;
    expect(p.textContent?.trim()).to.equal('Hello, Ada!');
    // @property() must be reactive (experimentalDecorators + useDefineForClassFields: false)
    el.name = 'Grace';
    await el.updateComplete;
    expect(p.textContent?.trim()).to.equal('Hello, Grace!');
    expect(el).shadowDom.to.equal('<p part="text">Hello, Grace!</p><button type="button">Count 0</button>');
  });

  it('passes an axe accessibility audit', async () => {
    const el = await fixture<InfraSmokeGreeting>(html`<infra-smoke-greeting></infra-smoke-greeting>`);
    await expect(el).to.be.accessible();
  });

  it('detects an axe violation (so the audit is not a no-op)', async () => {
    const el = await fixture(html`<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></div>`);
    await expect(el).not.to.be.accessible();
  });

  it('delivers real keyboard input via sendKeys (Tab focus, :focus-visible, Enter)', async () => {
    const el = await fixture<InfraSmokeGreeting>(html`<infra-smoke-greeting></infra-smoke-greeting>`);
    const button = el.shadowRoot!.querySelector('button')!;
    // Move focus into the page from a known starting point, then Tab onto the button.
    const before = await fixture<HTMLInputElement>(html`<input aria-label="start" />`);
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(button.matches(':focus-visible')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.clicks).to.equal(1);
    expect(button.textContent?.trim()).to.equal('Count 1');
  });

  it('types repeated letters and presses Shift+Tab chords in every browser (config shims)', async () => {
    const form = await fixture<HTMLDivElement>(html`
      <div>
        <input id="first" aria-label="first" />
        <input id="second" aria-label="second" />
      </div>
    `);
    const first = form.querySelector<HTMLInputElement>('#first')!;
    const second = form.querySelector<HTMLInputElement>('#second')!;
    second.focus();
    await sendKeys({ type: 'hello, Mississippi' });
    expect(second.value).to.equal('hello, Mississippi');
    await sendKeys({ press: 'Shift+Tab' });
    expect(document.activeElement).to.equal(first);
    await sendKeys({ press: 'Space' });
    expect(first.value).to.equal(' ');
  });
});
