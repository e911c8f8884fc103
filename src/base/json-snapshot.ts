/** A snapshot stops (and none is kept) past this many values or characters, or this depth. */
const SNAPSHOT_MAX_VALUES = 5_000;
const SNAPSHOT_MAX_CHARS = 200_000;
const SNAPSHOT_MAX_DEPTH = 20;

/**
 * A string equal for two inputs that normalize alike, so that equal data set
 * again (a re-fetch, an immutable store) costs one walk instead of a
 * normalization and a render. Each string is written as its length and its
 * characters, so the encoding is exact without escaping. Exact where JSON text is not: NaN, -0,
 * `undefined` and array holes have their own marks. Taken when the input is
 * normalized, so a later change made in place to the old object cannot make
 * stale output look current. Values the normalizer rejects by their type
 * alone (a Date, a Map, a function, a symbol, a BigInt) are marked by that
 * type, since any two of them normalize alike: a handler that sets an equal
 * copy holding a Date from its own anp-error handler is not answered again.
 * `undefined`, meaning "always different", for anything it cannot vouch for:
 * another frame's objects, cycles, getters that throw, and input past the
 * bounds above, checked before each array or object is walked, holes
 * included (huge input is capped by normalization anyway, and a snapshot of
 * it would cost more memory than the work it saves).
 */
export function jsonSnapshot(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const open = new Set<object>();
  let out = '';
  let values = 0;
  const walk = (value: unknown, depth: number): boolean => {
    if (++values > SNAPSHOT_MAX_VALUES || depth > SNAPSHOT_MAX_DEPTH || out.length > SNAPSHOT_MAX_CHARS) return false;
    switch (typeof value) {
      case 'string':
        if (value.length > SNAPSHOT_MAX_CHARS - out.length) return false;
        // Length-prefixed, not JSON-escaped: as exact, and without a scan of every character.
        out += value.length + '"' + value;
        return true;
      case 'number':
        out += Object.is(value, -0) ? '-0' : String(value);
        return true;
      case 'boolean':
        out += value ? 'T' : 'F';
        return true;
      case 'undefined':
        out += 'U';
        return true;
      case 'object': {
        if (value === null) {
          out += 'N';
          return true;
        }
        if (open.has(value)) return false;
        const isArray = Array.isArray(value);
        const proto = Object.getPrototypeOf(value) as unknown;
        if (!isArray && proto !== Object.prototype && proto !== null) {
          // A Date, Map, RegExp, typed array...: the normalizer reports its type and never reads inside it,
          // so two of the same type normalize alike. Anything else (another frame's object) gets no snapshot.
          const tag = Object.prototype.toString.call(value);
          if (tag === '[object Object]') return false;
          out += 'X' + tag;
          return true;
        }
        open.add(value);
        try {
          if (isArray) {
            // Checked before the loop, holes included: a sparse array of length 2**32 - 1 costs one comparison.
            const length = value.length;
            if (length > SNAPSHOT_MAX_VALUES - values) return false;
            values += length;
            out += '[';
            for (let i = 0; i < length; i++) {
              if (!(i in value)) out += 'H';
              else if (!walk(value[i], depth + 1)) return false;
              out += ',';
            }
            out += ']';
          } else {
            const keys = Object.keys(value);
            if (keys.length > SNAPSHOT_MAX_VALUES - values) return false;
            out += '{';
            for (const key of keys) {
              out += key.length + ':' + key;
              if (!walk((value as Record<string, unknown>)[key], depth + 1)) return false;
              out += ',';
            }
            out += '}';
          }
        } finally {
          open.delete(value);
        }
        return true;
      }
      case 'function':
      case 'symbol':
      case 'bigint':
        // Reported by type and dropped by the normalizer, whatever the value.
        out += typeof value;
        return true;
      default:
        return false;
    }
  };
  try {
    return walk(input, 0) && out.length <= SNAPSHOT_MAX_CHARS ? out : undefined;
  } catch {
    // A Proxy trap or a getter threw: no snapshot.
    return undefined;
  }
}
