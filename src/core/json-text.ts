/**
 * JSON text from an attribute, script child or fetched body, parsed within
 * the caps: a length check, then a depth scan, then `JSON.parse`.
 */
import type { InputErrorCode, Normalized } from './article.js';
import { LIMITS } from './limits.js';

/** Where JSON text came from; its errors' messages start with it. */
export type JsonSource = 'article' | 'attribute' | 'src' | 'script' | (string & {});

/**
 * What a thrown value says, for an error message. It never throws itself: a
 * hostile value may be a Proxy whose every trap throws, an object whose
 * `toString` throws, or an Error whose `message` is a throwing getter, so
 * nothing here converts a value the data controls to a string.
 */
export function describeThrown(error: unknown): string {
  try {
    if (typeof error === 'string') return error.slice(0, 200);
    if (typeof error === 'number' || typeof error === 'boolean' || error === null || error === undefined) return String(error);
    if (error instanceof Error) {
      const message: unknown = error.message;
      if (typeof message === 'string') return message.slice(0, 200);
    }
  } catch {
    // A trap or getter threw while we looked: fall through.
  }
  return 'an unreadable error';
}

/** The message for JSON text of `length` characters, over the cap. */
export function jsonTooLarge(source: string, length: number): string {
  return `${source}: JSON too large (${length} characters, the cap is ${LIMITS.maxJsonLength}); not parsed`;
}

function refused(code: InputErrorCode, message: string): Normalized<unknown> {
  return { value: undefined, errors: [{ path: '', code, message }] };
}

/**
 * Parses JSON text from an attribute, script child or fetched body. Errors
 * say where (`source`) and why; position hints come from the engine.
 */
export function parseJson(text: string, source: JsonSource): Normalized<unknown> {
  if (text.length > LIMITS.maxJsonLength) return refused('json-too-large', jsonTooLarge(source, text.length));
  if (nestedDeeperThan(text, LIMITS.maxJsonDepth)) {
    return refused('json-too-deep', `${source}: JSON nested too deep (more than ${LIMITS.maxJsonDepth} levels); not parsed`);
  }
  try {
    return { value: JSON.parse(text) as unknown, errors: [] };
  } catch (error) {
    return refused('invalid-json', `${source}: invalid JSON (${describeThrown(error)})`);
  }
}

/**
 * Whether JSON text opens more than `max` arrays and objects inside each
 * other, found by one scan that skips strings. Run before parsing, so that a
 * megabyte of `[` costs a scan, not a parse that builds a million arrays.
 */
function nestedDeeperThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > max) return true;
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth--;
  }
  return false;
}
