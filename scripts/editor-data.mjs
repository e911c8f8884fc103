#!/usr/bin/env node
// Build step, after `cem analyze`: editor hints made from the manifest.
//
//   dist/vscode.html-custom-data.json  VS Code's HTML custom data (tags, attributes,
//                                      descriptions). Point the `html.customData`
//                                      setting at it.
//   dist/web-types.json                JetBrains web-types (elements, attributes,
//                                      properties, events, slots, parts, CSS
//                                      properties), named by package.json's
//                                      `web-types` field.
//
// Prints how many elements and members went in.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elementsOf, manifestPath, readJson } from './manifest-model.mjs';

const pkg = readJson(fileURLToPath(new URL('../package.json', import.meta.url)));
const elements = elementsOf(readJson(manifestPath));
if (elements.length === 0) {
  console.error('editor-data: the manifest lists no elements; is dist/custom-elements.json from `cem analyze`?');
  process.exit(1);
}

/** A Markdown description of an element for hovers: summary, then what can be styled. */
function elementMarkdown(element) {
  const lines = [element.summary || element.description];
  if (element.events.length) lines.push('', `**Events:** ${element.events.map((event) => `\`${event.name}\``).join(', ')}`);
  if (element.slots.length)
    lines.push('', `**Slots:** ${element.slots.map((slot) => (slot.name ? `\`${slot.name}\`` : 'default')).join(', ')}`);
  if (element.cssParts.length) lines.push('', `**CSS parts:** ${element.cssParts.map((part) => `\`${part.name}\``).join(', ')}`);
  if (element.cssProperties.length)
    lines.push('', `**CSS properties:** ${element.cssProperties.map((prop) => `\`${prop.name}\``).join(', ')}`);
  return lines.join('\n');
}

/** Enumerated values of a string-literal union type (`'light' | 'dark'`), if that is what it is. */
function literalValues(typeText = '') {
  const pieces = typeText
    .split('|')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== 'undefined');
  return pieces.length && pieces.every((piece) => /^(['"]).*\1$/.test(piece)) ? pieces.map((piece) => piece.slice(1, -1)) : undefined;
}

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tagName,
    description: { kind: 'markdown', value: elementMarkdown(element) },
    attributes: element.attributes.map((attribute) => {
      const values = literalValues(attribute.type?.text);
      return {
        name: attribute.name,
        description: attribute.description ?? '',
        ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        ...(values ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
  })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tagName,
        description: element.summary || element.description,
        source: { module: `${pkg.name}/${element.module.replace(/^dist\//, '')}`, symbol: element.className },
        attributes: element.attributes.map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          value: {
            type: attribute.type?.text ?? 'string',
            required: false,
            ...(attribute.default !== undefined ? { default: attribute.default } : {}),
          },
        })),
        slots: element.slots.map((slot) => ({ name: slot.name, description: slot.description ?? '' })),
        events: element.events.map((event) => ({ name: event.name, description: event.description ?? '' })),
        js: {
          properties: element.properties.map((property) => ({
            name: property.name,
            description: property.description ?? '',
            type: property.type?.text ?? 'unknown',
            ...(property.readonly ? { 'read-only': true } : {}),
          })),
          events: element.events.map((event) => ({
            name: event.name,
            description: event.description ?? '',
            ...(event.type?.text ? { type: event.type.text } : {}),
          })),
        },
        css: {
          parts: element.cssParts.map((part) => ({ name: part.name, description: part.description ?? '' })),
          properties: element.cssProperties.map((prop) => ({ name: prop.name, description: prop.description ?? '' })),
        },
      })),
    },
  },
};

const write = (relative, data) =>
  writeFileSync(fileURLToPath(new URL(`../${relative}`, import.meta.url)), JSON.stringify(data, null, 2) + '\n');
write('dist/vscode.html-custom-data.json', vscode);
write('dist/web-types.json', webTypes);

const count = (key) => elements.reduce((sum, element) => sum + element[key].length, 0);
console.log(
  `editor-data: ${elements.length} elements (${elements.map((e) => e.tagName).join(', ')}); ` +
    `${count('attributes')} attributes, ${count('properties')} properties, ${count('events')} events, ` +
    `${count('slots')} slots, ${count('cssParts')} parts, ${count('cssProperties')} CSS properties ` +
    `-> dist/vscode.html-custom-data.json, dist/web-types.json`,
);
