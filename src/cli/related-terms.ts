/**
 * The terms `anp related` ranks with: an article's title, topic, stack,
 * tools, entities and summary as one bag of weighted terms.
 *
 * A term is either a word or a phrase: the whole of a list value ("python
 * services", "fastapi"), an entity's name or one part of a topic. Both are
 * written the same way (lower case, words joined by one space), so the stack
 * value "python" and the word "python" in a title are one term, counted
 * once per place it occurs, times that place's weight. docs/related-posts.md
 * says why the weights are what they are.
 */
import type { Article, MetaField } from '../core/article.js';
import { metaField } from '../core/meta-schema.js';
import { withoutTags } from '../core/rich-rules.js';

export type RankedField = 'stack' | 'entities' | 'topic' | 'tools' | 'title' | 'summary';
export type FieldWeights = Record<RankedField, { phrase: number; word: number }>;

/** How much one occurrence counts, by field: as a whole value (phrase) and per word inside it. */
export const FIELD_WEIGHTS: Readonly<FieldWeights> = Object.freeze({
  stack: { phrase: 3, word: 1 },
  entities: { phrase: 3, word: 1 },
  topic: { phrase: 2, word: 1 },
  tools: { phrase: 2, word: 0.5 },
  title: { phrase: 0, word: 1.5 },
  summary: { phrase: 0, word: 0.5 },
});

/** A value longer than this many words is a sentence, not a name: only its words count. */
const MAX_PHRASE_WORDS = 6;
/** Longer terms are cut: no one term may cost more than a name does. */
const MAX_TERM_LENGTH = 64;

/**
 * Words too common in English to say what an article is about. Short on
 * purpose: the idf already weighs down what the corpus itself repeats, and
 * technical words such as "go", "it" (IT) or "c" must survive as list values.
 */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is ' +
    'its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such ' +
    'than that the their theirs them then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with without would you your yours'
  ).split(' '),
);

/**
 * Letters and digits, with the inner `.` of "node.js" and a trailing `+`/`#`
 * of "c++" and "c#" kept; hyphens, slashes and other punctuation split.
 */
const WORD = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*[+#]*/gu;

/** The words of a text, in order: NFKC, lower case, tags removed. */
export function wordsOf(text: string): string[] {
  const plain = text.includes('<') ? withoutTags(text) : text;
  return (plain.normalize('NFKC').toLowerCase().match(WORD) ?? []).map((word) => word.slice(0, MAX_TERM_LENGTH));
}

/** Whether a word from running text says something: not a stopword, not one letter, not a bare number. */
function meaningful(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word) && !/^\p{N}+$/u.test(word);
}

/** A bag of terms: term → weighted count. */
export type TermBag = Map<string, number>;

function add(bag: TermBag, term: string, weight: number): void {
  if (weight > 0 && term !== '') bag.set(term, (bag.get(term) ?? 0) + weight);
}

/** A name-like value: the whole as a phrase (when short enough), and its meaningful words. */
function addValue(bag: TermBag, value: string, weights: { phrase: number; word: number }): void {
  const words = wordsOf(value);
  if (words.length === 0) return;
  if (words.length <= MAX_PHRASE_WORDS) add(bag, words.join(' ').slice(0, MAX_TERM_LENGTH), weights.phrase);
  // A one-word value is its own phrase: counting its word too would double it.
  if (words.length > 1) for (const word of words) if (meaningful(word)) add(bag, word, weights.word);
}

/** Running text: its meaningful words. */
function addText(bag: TermBag, text: string, weight: number): void {
  for (const word of wordsOf(text)) if (meaningful(word)) add(bag, word, weight);
}

function textOf(field: MetaField | undefined): string | undefined {
  if (!field) return undefined;
  if (field.kind === 'text') return field.value;
  if (field.kind === 'rich') return field.value.kind === 'text' ? field.value.text : field.value.html;
  return undefined;
}

function listOf(field: MetaField | undefined): readonly string[] {
  return field?.kind === 'list' ? field.value : [];
}

/**
 * The weighted terms of a normalized article. A topic is split at `/`, `|`,
 * `·`, `;` and `,` ("tracking data quality signals / python services" is two
 * phrases); entities count by name.
 */
export function articleTerms(article: Article, weights: Readonly<FieldWeights> = FIELD_WEIGHTS): TermBag {
  const bag: TermBag = new Map();
  const { meta } = article;
  if (article.title) addText(bag, article.title, weights.title.word);
  const topic = textOf(metaField(meta, 'topic'));
  if (topic) for (const part of topic.split(/[/|·;,]/)) addValue(bag, part, weights.topic);
  for (const item of listOf(metaField(meta, 'stack'))) addValue(bag, item, weights.stack);
  for (const item of listOf(metaField(meta, 'tools'))) addValue(bag, item, weights.tools);
  const entities = metaField(meta, 'entities', 'entities');
  for (const entity of entities?.value ?? []) addValue(bag, entity.name, weights.entities);
  const summary = textOf(metaField(meta, 'summary'));
  if (summary) addText(bag, summary, weights.summary.word);
  return bag;
}
