// Reads dist/custom-elements.json (written by `cem analyze` during the build)
// into one plain record per registered element. The editor data
// (scripts/editor-data.mjs) and the API reference (scripts/api-docs.mjs) are
// both made from these records, so they cannot disagree with each other.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const manifestPath = fileURLToPath(new URL('../dist/custom-elements.json', import.meta.url));

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Collapses JSDoc line breaks into one line (Markdown paragraphs excepted). */
export function oneLine(text = '') {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Every element with a tag, sorted by tag. Members are the public API only:
 * fields that are not private, protected, static or `@internal` (the
 * analyzer drops those) and methods that are public.
 */
export function elementsOf(manifest) {
  const declarations = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) declarations.set(declaration.name, { declaration, module: module.path });
  }
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const members = (declaration.members ?? []).filter((member) => !member.privacy || member.privacy === 'public');
      const events = (declaration.events ?? []).map((event) => {
        const eventClass = event.type?.text ? declarations.get(event.type.text)?.declaration : undefined;
        const detail = eventClass?.members?.find((member) => member.name === 'detail');
        return { ...event, detailType: detail?.type?.text, detailShape: detail?.description };
      });
      elements.push({
        tagName: declaration.tagName,
        className: declaration.name,
        module: module.path,
        summary: oneLine(declaration.summary),
        description: oneLine(declaration.description),
        attributes: declaration.attributes ?? [],
        properties: members.filter((member) => member.kind === 'field' && !member.static),
        methods: members.filter((member) => member.kind === 'method' && !member.static),
        events,
        slots: declaration.slots ?? [],
        cssParts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}
