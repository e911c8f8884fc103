// Pages for test/ssr.test.ts, rendered in Node when the browser asks for them
// (a middleware of web-test-runner.config.mjs), from the built renderer
// (dist/ssr/, so run `npm run build` or `npx tsc -p tsconfig.build.json` first):
//
//   /ssr-pages/<fixture>/<element>.html?render=server   the server's HTML: <anp-meta-box> with
//                                                        its declarative shadow root and JSON child
//   /ssr-pages/<fixture>/<element>.html?render=client   the same element as a page would write it
//                                                        for the browser to render: the bare tag and
//                                                        its JSON child
//   ...&lang=de                                          rendered in that language
//   ...&render=stale                                     the server's HTML with a JSON child whose
//                                                        topic changed since (data edited after the build)
//
// <fixture> is a file of test/fixtures/ (without .json); <element> is one of
// the renderer's elements, or `article` for an <anp-article> holding all of
// them. No page loads a script: the tests add the one they test.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = /^\/ssr-pages\/([\w-]+)\/([\w-]+)\.html$/;

/** The article's JSON as a script child, as the renderer writes it. */
const jsonChild = (text) => `<script type="application/json">${text.replace(/</g, '\\u003c')}</script>`;

async function pageBody(fixture, element, mode, lang) {
  const text = await readFile(resolve(root, 'test/fixtures', `${fixture}.json`), 'utf8');
  if (mode === 'client') {
    if (element === 'article') {
      const children = ['meta-box', 'score-bars', 'checklist', 'similar-posts'].map((name) => `<anp-${name} lang="${lang}"></anp-${name}>`);
      return `<anp-article>${jsonChild(text)}${children.join('')}</anp-article>`;
    }
    return `<anp-${element} lang="${lang}">${jsonChild(text)}</anp-${element}>`;
  }
  const ssr = await import(resolve(root, 'dist/ssr/index.js'));
  const { html } = element === 'article' ? await ssr.renderArticle(text, { lang }) : await ssr.renderElement(element, text, { lang });
  if (mode !== 'stale') return html;
  const edited = JSON.parse(text);
  edited.meta.topic = 'a topic edited after the build';
  return html.replace(/<script type="application\/json">[^]*?<\/script>/, () => jsonChild(JSON.stringify(edited)));
}

/** Koa middleware for @web/test-runner: answers /ssr-pages/… and passes everything else on. */
export async function ssrPagesMiddleware(context, next) {
  const match = PAGE.exec(context.path);
  if (!match) return next();
  const [, fixture, element] = match;
  const mode = ['client', 'stale'].includes(context.query.render) ? context.query.render : 'server';
  const lang = /^[a-z]{2}$/.test(context.query.lang ?? '') ? context.query.lang : 'en';
  const body = await pageBody(fixture, element, mode, lang);
  context.type = 'text/html; charset=utf-8';
  context.body = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${element} (${mode})</title></head><body>${body}</body></html>\n`;
}
