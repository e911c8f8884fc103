// Adapter for variants that are custom elements taking data through a property.
export function elementAdapter({ name, tags, assign, settle }) {
  return {
    name,
    kinds: Object.keys(tags),
    ready: () => Promise.all(Object.values(tags).map((tag) => customElements.whenDefined(tag))),
    mount(container, articles, kinds) {
      const fragment = document.createDocumentFragment();
      const elements = [];
      for (const article of articles) {
        for (const kind of kinds) {
          const element = document.createElement(tags[kind]);
          assign(element, article);
          elements.push(element);
          fragment.append(element);
        }
      }
      container.append(fragment);
      return { elements, kinds };
    },
    update({ elements, kinds }, articles) {
      elements.forEach((element, i) => assign(element, articles[Math.floor(i / kinds.length)]));
    },
    settle: ({ elements }) => (settle ? Promise.all(elements.map(settle)) : Promise.resolve()),
    unmount({ elements }) {
      for (const element of elements) element.remove();
    },
  };
}
