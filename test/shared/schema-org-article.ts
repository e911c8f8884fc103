/**
 * A checker for the JSON-LD that `toJsonLd` writes, against schema.org's
 * definitions, written down from schema.org's own pages (read December 2026):
 * https://schema.org/Article, https://schema.org/CreativeWork,
 * https://schema.org/Thing, https://schema.org/InteractionCounter,
 * https://schema.org/Duration, https://schema.org/Date.
 *
 * It knows only what `toJsonLd` may emit. A property missing from
 * `ARTICLE_PROPERTIES` is reported as one schema.org does not define on
 * Article (or one this list was not told about): either way, a change to
 * `toJsonLd` has to be checked against schema.org and written down here.
 */

/** A schema.org data type or class a value may have. */
type ExpectedType =
  | 'Text'
  | 'URL'
  | 'Integer'
  | 'Date'
  | 'DateTime'
  | 'Duration'
  | 'Thing'
  | 'InteractionCounter'
  | 'PropertyValue'
  | 'DefinedTerm'
  | 'TextObject';

/**
 * The properties `toJsonLd` may emit: each is defined on Article itself or
 * inherited from CreativeWork or Thing, with the "values expected to be one
 * of these types" of its schema.org page.
 */
export const ARTICLE_PROPERTIES: Readonly<Record<string, { definedOn: string; expected: readonly ExpectedType[] }>> = {
  headline: { definedOn: 'CreativeWork', expected: ['Text'] },
  description: { definedOn: 'Thing', expected: ['Text', 'TextObject'] },
  identifier: { definedOn: 'Thing', expected: ['PropertyValue', 'Text', 'URL'] },
  url: { definedOn: 'Thing', expected: ['URL'] },
  keywords: { definedOn: 'CreativeWork', expected: ['DefinedTerm', 'Text', 'URL'] },
  about: { definedOn: 'CreativeWork', expected: ['Thing'] },
  timeRequired: { definedOn: 'CreativeWork', expected: ['Duration'] },
  dateModified: { definedOn: 'CreativeWork', expected: ['Date', 'DateTime'] },
  interactionStatistic: { definedOn: 'CreativeWork', expected: ['InteractionCounter'] },
};

/** Thing and the subclasses of Thing that `toJsonLd` may name for an entity (each a schema.org class below Thing). */
export const THING_TYPES: readonly string[] = [
  'Thing',
  'Person',
  'Organization',
  'Place',
  'Event',
  'Product',
  'SoftwareApplication',
  'ComputerLanguage',
];

/** Subclasses of Action that count how a reader consumed an article (ConsumeAction's ReadAction and ViewAction). */
const ACTION_TYPES: readonly string[] = ['ReadAction', 'ViewAction'];

/** ISO 8601 durations as schema.org's Duration takes them: `PT5M`, `PT1H30M`, `P1D`. */
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isRealDate(text: string): boolean {
  const match = DATE.exec(text.slice(0, 10));
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Why `value` is not of `type`, or undefined when it is. */
function mismatch(value: unknown, type: ExpectedType, at: string): string[] | undefined {
  switch (type) {
    case 'Text':
      return typeof value === 'string' && value.trim() !== '' ? [] : undefined;
    case 'URL': {
      if (typeof value !== 'string') return undefined;
      try {
        return ['http:', 'https:', 'mailto:'].includes(new URL(value).protocol) ? [] : undefined;
      } catch {
        return undefined;
      }
    }
    case 'Integer':
      return Number.isInteger(value) ? [] : undefined;
    case 'Duration':
      return typeof value === 'string' && DURATION.test(value) ? [] : undefined;
    case 'Date':
      return typeof value === 'string' && DATE.test(value) && isRealDate(value) ? [] : undefined;
    case 'DateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && isRealDate(value) ? [] : undefined;
    case 'Thing':
      return isObject(value) && THING_TYPES.includes(value['@type'] as string) ? checkThing(value, at) : undefined;
    case 'InteractionCounter':
      return isObject(value) && value['@type'] === 'InteractionCounter' ? checkCounter(value, at) : undefined;
    default:
      // PropertyValue, DefinedTerm, TextObject: toJsonLd writes none of these.
      return undefined;
  }
}

/** A Thing: `name` (Text) and, optionally, `additionalType` (Text or URL); nothing else. */
function checkThing(value: Record<string, unknown>, at: string): string[] {
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === '@type') continue;
    const expected: ExpectedType[] | undefined = key === 'name' ? ['Text'] : key === 'additionalType' ? ['Text', 'URL'] : undefined;
    if (!expected) problems.push(`${at}/${key}: not a property this checker knows on Thing`);
    else problems.push(...checkValue(child, expected, `${at}/${key}`));
  }
  if (value.name === undefined) problems.push(`${at}: a Thing without a name`);
  return problems;
}

/** An InteractionCounter: `interactionType` (an Action) and `userInteractionCount` (Integer); nothing else. */
function checkCounter(value: Record<string, unknown>, at: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!['@type', 'interactionType', 'userInteractionCount'].includes(key))
      problems.push(`${at}/${key}: not checked on InteractionCounter`);
  }
  const action = value.interactionType;
  if (!isObject(action) || !ACTION_TYPES.includes(action['@type'] as string) || Object.keys(action).length !== 1) {
    problems.push(`${at}/interactionType: expected { "@type": ${ACTION_TYPES.join(' | ')} }`);
  }
  const count = value.userInteractionCount;
  if (!Number.isInteger(count) || (count as number) < 0) problems.push(`${at}/userInteractionCount: expected an Integer ≥ 0`);
  return problems;
}

/** A property's value (or each of a repeated property's values) against its expected types. */
function checkValue(value: unknown, expected: readonly ExpectedType[], at: string): string[] {
  if (Array.isArray(value)) {
    if (!value.length) return [`${at}: an empty list (leave the property out)`];
    return value.flatMap((item, index) => checkValue(item, expected, `${at}/${index}`));
  }
  for (const type of expected) {
    const problems = mismatch(value, type, at);
    if (problems) return problems;
  }
  return [`${at}: ${JSON.stringify(value)} is not ${expected.join(' or ')}`];
}

/** Every problem of `data` as a schema.org Article (JSON pointers); [] when none. */
export function articleProblems(data: unknown): string[] {
  if (!isObject(data)) return ['/: not an object'];
  const problems: string[] = [];
  if (data['@context'] !== 'https://schema.org') problems.push('/@context: expected "https://schema.org"');
  if (data['@type'] !== 'Article') problems.push('/@type: expected "Article"');
  for (const [key, value] of Object.entries(data)) {
    if (key === '@context' || key === '@type') continue;
    const property = Object.hasOwn(ARTICLE_PROPERTIES, key) ? ARTICLE_PROPERTIES[key] : undefined;
    if (!property) problems.push(`/${key}: not a property schema.org defines on Article (or not listed here)`);
    else problems.push(...checkValue(value, property.expected, `/${key}`));
  }
  return problems;
}
