/**
 * Registers a tag once. A second copy of the library on the same page (two
 * script tags, or a script tag and an npm bundle) finds the tag taken, says
 * so once in the console, and leaves the first registration working.
 */
let warned = false;

export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== constructor && !warned) {
      warned = true;
      console.warn(`anp-components: <${tag}> is already defined (is the script on the page twice?); keeping the first definitions.`);
    }
    return;
  }
  registry.define(tag, constructor);
}
