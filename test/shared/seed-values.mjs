// The seed article's values as a reader sees them, for the server-rendering
// tests in Node (test/node/ssr*.test.mjs) and in browsers (test/ssr.test.ts).

/**
 * The seed's values as an English reader sees them: strings as written,
 * numbers as `en` prints them (grouped from five digits, 5 minutes as "5 min", the date as "Oct 10, 2021").
 */
export function seedValues(seed) {
  const values = [];
  const walk = (value, key) => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [child, inner] of Object.entries(value)) walk(inner, child);
    else if (key === 'flags' || key === 'similar_posts') return;
    else if (typeof value === 'string') values.push(value === '2021-10-10' ? 'Oct 10, 2021' : value);
    else if (key === 'reading_time') values.push(`${value} min`);
    else if (typeof value === 'number' && !['ai_generated_style', 'has_images', 'image_heavy', 'needs_human_review'].includes(key)) {
      values.push(value.toLocaleString('en', { useGrouping: 'min2' }));
    }
  };
  walk(seed.meta, 'meta');
  return values;
}
