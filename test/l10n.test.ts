/**
 * Localization (issue 4, point 5): the nearest `lang` picks the label pack and
 * the Intl locale, `labels` overrides any word, and `dir="rtl"` mirrors the
 * layout. The expected words are written out here, apart from
 * src/core/locales.ts, so a broken or shifted translation fails.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { AnpChecklist, AnpMetaBox, AnpScoreBars, AnpSimilarPosts } from '../src/index.js';
import { attach, ddFor, inShadow, postsArticle, seedArticle, shadowTexts, textOf, until } from './helpers.js';

type Lang = 'en' | 'de' | 'fr' | 'es' | 'ar' | 'ja';

interface Words {
  heading: string;
  /** Labels of the seed's top-level fields, by key. */
  fields: Record<string, string>;
  outline: string;
  /** status, version, last_reviewed */
  revision: [string, string, string];
  /** quality, freshness, depth, clarity */
  scores: [string, string, string, string];
  yes: string;
  no: string;
  none: string;
  more: string;
  progress: string;
  scoresHeading: string;
  checklist: string;
  similarPosts: string;
  empty: string;
}

const WORDS: Record<Lang, Words> = {
  en: {
    heading: 'article details',
    fields: {
      topic: 'topic',
      summary: 'summary',
      ai_brief: 'AI brief',
      stack: 'stack',
      tools: 'tools',
      code_language: 'code language',
      difficulty: 'difficulty',
      reading_time: 'reading time',
      view_count: 'view count',
      score: 'score',
      revision: 'revision',
      reference: 'reference',
      hash: 'hash',
      flags: 'flags',
      checklist: 'checklist',
      entities: 'entities',
      payload: 'payload',
      notes: 'notes',
    },
    outline: 'AI outline',
    revision: ['status', 'version', 'last reviewed'],
    scores: ['quality', 'freshness', 'depth', 'clarity'],
    yes: 'yes',
    no: 'no',
    none: 'none',
    more: '{n} more',
    progress: '{done} of {total} done',
    scoresHeading: 'scores',
    checklist: 'checklist',
    similarPosts: 'similar posts',
    empty: 'No similar posts yet.',
  },
  de: {
    heading: 'Artikeldetails',
    fields: {
      topic: 'Thema',
      summary: 'Zusammenfassung',
      ai_brief: 'KI-Kurzfassung',
      stack: 'Tech-Stack',
      tools: 'Werkzeuge',
      code_language: 'Programmiersprache',
      difficulty: 'Schwierigkeit',
      reading_time: 'Lesezeit',
      view_count: 'Aufrufe',
      score: 'Bewertung',
      revision: 'Überarbeitung',
      reference: 'Referenz',
      hash: 'Hash',
      flags: 'Merkmale',
      checklist: 'Checkliste',
      entities: 'Entitäten',
      payload: 'Nutzdaten',
      notes: 'Notizen',
    },
    outline: 'KI-Gliederung',
    revision: ['Status', 'Version', 'zuletzt geprüft'],
    scores: ['Qualität', 'Aktualität', 'Tiefe', 'Klarheit'],
    yes: 'ja',
    no: 'nein',
    none: 'keine',
    more: '{n} weitere',
    progress: '{done} von {total} erledigt',
    scoresHeading: 'Bewertungen',
    checklist: 'Checkliste',
    similarPosts: 'ähnliche Beiträge',
    empty: 'Noch keine ähnlichen Beiträge.',
  },
  fr: {
    heading: 'détails de l’article',
    fields: {
      topic: 'sujet',
      summary: 'résumé',
      ai_brief: 'synthèse IA',
      stack: 'pile technique',
      tools: 'outils',
      code_language: 'langage',
      difficulty: 'difficulté',
      reading_time: 'temps de lecture',
      view_count: 'vues',
      score: 'évaluation',
      revision: 'révision',
      reference: 'référence',
      hash: 'empreinte',
      flags: 'indicateurs',
      checklist: 'liste de contrôle',
      entities: 'entités',
      payload: 'données',
      notes: 'notes',
    },
    outline: 'plan IA',
    revision: ['statut', 'version', 'dernière relecture'],
    scores: ['qualité', 'fraîcheur', 'profondeur', 'clarté'],
    yes: 'oui',
    no: 'non',
    none: 'aucun',
    more: '{n} de plus',
    progress: '{done} sur {total} terminés',
    scoresHeading: 'évaluations',
    checklist: 'liste de contrôle',
    similarPosts: 'articles similaires',
    empty: 'Pas encore d’articles similaires.',
  },
  es: {
    heading: 'detalles del artículo',
    fields: {
      topic: 'tema',
      summary: 'resumen',
      ai_brief: 'síntesis de IA',
      stack: 'pila tecnológica',
      tools: 'herramientas',
      code_language: 'lenguaje',
      difficulty: 'dificultad',
      reading_time: 'tiempo de lectura',
      view_count: 'visitas',
      score: 'puntuación',
      revision: 'revisión',
      reference: 'referencia',
      hash: 'hash',
      flags: 'indicadores',
      checklist: 'lista de control',
      entities: 'entidades',
      payload: 'datos',
      notes: 'notas',
    },
    outline: 'esquema de IA',
    revision: ['estado', 'versión', 'última revisión'],
    scores: ['calidad', 'actualidad', 'profundidad', 'claridad'],
    yes: 'sí',
    no: 'no',
    none: 'ninguno',
    more: '{n} más',
    progress: '{done} de {total} completados',
    scoresHeading: 'puntuaciones',
    checklist: 'lista de control',
    similarPosts: 'artículos similares',
    empty: 'Aún no hay artículos similares.',
  },
  ar: {
    heading: 'تفاصيل المقال',
    fields: {
      topic: 'الموضوع',
      summary: 'الملخص',
      ai_brief: 'موجز الذكاء الاصطناعي',
      stack: 'التقنيات',
      tools: 'الأدوات',
      code_language: 'لغة البرمجة',
      difficulty: 'الصعوبة',
      reading_time: 'مدة القراءة',
      view_count: 'المشاهدات',
      score: 'التقييم',
      revision: 'المراجعة',
      reference: 'المرجع',
      hash: 'البصمة',
      flags: 'المؤشرات',
      checklist: 'قائمة التحقق',
      entities: 'الكيانات',
      payload: 'البيانات',
      notes: 'الملاحظات',
    },
    outline: 'مخطط الذكاء الاصطناعي',
    revision: ['الحالة', 'الإصدار', 'آخر مراجعة'],
    scores: ['الجودة', 'الحداثة', 'العمق', 'الوضوح'],
    yes: 'نعم',
    no: 'لا',
    none: 'لا شيء',
    more: '{n} أخرى',
    progress: 'أنجز {done} من {total}',
    scoresHeading: 'التقييمات',
    checklist: 'قائمة التحقق',
    similarPosts: 'مقالات مشابهة',
    empty: 'لا توجد مقالات مشابهة بعد.',
  },
  ja: {
    heading: '記事の詳細',
    fields: {
      topic: 'トピック',
      summary: '要約',
      ai_brief: 'AI要旨',
      stack: '技術スタック',
      tools: 'ツール',
      code_language: '言語',
      difficulty: '難易度',
      reading_time: '読了時間',
      view_count: '閲覧数',
      score: 'スコア',
      revision: '改訂',
      reference: '参照',
      hash: 'ハッシュ',
      flags: 'フラグ',
      checklist: 'チェックリスト',
      entities: 'エンティティ',
      payload: 'ペイロード',
      notes: 'メモ',
    },
    outline: 'AI構成',
    revision: ['状態', 'バージョン', '最終確認日'],
    scores: ['品質', '鮮度', '深さ', '明瞭さ'],
    yes: 'はい',
    no: 'いいえ',
    none: 'なし',
    more: 'ほか{n}件',
    progress: '{total}件中{done}件完了',
    scoresHeading: 'スコア',
    checklist: 'チェックリスト',
    similarPosts: '関連記事',
    empty: '関連記事はまだありません。',
  },
};

const LANGS = Object.keys(WORDS) as Lang[];

/** `{name}` placeholders filled in. */
function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** Whitespace folded as `textOf` folds it (Intl puts no-break spaces in fr, de-AT, ...). */
function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What Intl makes of the values the seed shows, in `locale`, folded like `textOf`. */
function intl(locale: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    integer: (n: number) => folded(integer.format(n)),
    number: (n: number) => folded(new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(n)),
    minutes: (n: number) => folded(new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(n)),
    date: (y: number, m: number, d: number) =>
      folded(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))),
  };
}

/** Labels of the top-level fields, in order. */
function fieldLabels(el: Element): string[] {
  return shadowTexts(el, '[part~="list"] > [part~="field"] > dt');
}

function headingOf(el: Element): string {
  return textOf(inShadow(el, '[part~="heading"]')[0]);
}

/** The seed's top-level keys in input order, the outline aside. */
const SEED_KEYS = Object.keys(seedArticle().meta).filter((key) => key !== 'ai_outline');

/** The meta box of the seed inside `<div lang=…>`. */
async function seedBoxIn(lang: string, article: unknown = seedArticle()): Promise<AnpMetaBox> {
  const wrapper = await fixture(html`<div lang=${lang}><anp-meta-box .article=${article}></anp-meta-box></div>`);
  const el = wrapper.querySelector('anp-meta-box')!;
  await el.updateComplete;
  return el;
}

async function settled(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

describe('localization', () => {
  for (const lang of LANGS) {
    const words = WORDS[lang];
    const format = intl(lang);

    describe(`lang="${lang}"`, () => {
      it('meta box: heading, field labels, outline, nested labels and badges from the pack', async () => {
        const el = await seedBoxIn(lang);
        expect(headingOf(el)).to.equal(words.heading);
        expect(fieldLabels(el)).to.deep.equal(SEED_KEYS.map((key) => words.fields[key]));
        expect(textOf(inShadow(el, '[part~="outline-heading"]')[0])).to.equal(words.outline);
        expect(shadowTexts(el, '[part~="field-revision"] dd > dl > [part~="pair"] > dt')).to.deep.equal(words.revision);
        expect(shadowTexts(el, '[part~="field-score"] dd > dl > [part~="pair"] > dt')).to.deep.equal(words.scores);
        // flags: ai_generated_style 1, the other three 0
        expect(shadowTexts(el, '[part~="badge"]')).to.deep.equal([words.yes, words.no, words.no, words.no]);
      });

      it('meta box: numbers, durations and dates through Intl', async () => {
        const el = await seedBoxIn(lang);
        expect(textOf(ddFor(el, words.fields.view_count!))).to.equal(format.integer(513976));
        expect(textOf(ddFor(el, words.fields.reading_time!))).to.equal(format.minutes(5));
        const reviewed = ddFor(el, words.revision[2], ddFor(el, words.fields.revision!))!.querySelector('time')!;
        expect(reviewed.getAttribute('datetime')).to.equal('2021-10-10');
        expect(textOf(reviewed)).to.equal(format.date(2021, 10, 10));
        expect(shadowTexts(el, '[part~="field-score"] [part~="score"]')).to.deep.equal([78, 67, 86, 87].map(format.number));
        expect(textOf(ddFor(el, 'paragraphs', ddFor(el, words.fields.payload!)))).to.equal(format.number(3));
      });

      it('"more" counts and "none" through the pack and Intl', async () => {
        const stack = Array.from({ length: 1734 }, (_, i) => `s${i}`);
        const el = await seedBoxIn(lang, { meta: { stack, missing: null } });
        const more = inShadow(el, '[part~="field-stack"] li[part~="more"]');
        expect(more).to.have.length(1);
        expect(textOf(more[0])).to.equal(fill(words.more, { n: format.integer(1234) }));
        expect(textOf(ddFor(el, 'missing'))).to.equal(words.none);
      });

      it('checklist: heading and progress, its numbers through Intl', async () => {
        const wrapper = await fixture(html`<div lang=${lang}><anp-checklist .article=${seedArticle()}></anp-checklist></div>`);
        const el = wrapper.querySelector<AnpChecklist>('anp-checklist')!;
        await el.updateComplete;
        expect(headingOf(el)).to.equal(words.checklist);
        const progress = () => textOf(inShadow(el, '[part~="progress"]')[0]);
        expect(progress()).to.equal(fill(words.progress, { done: format.integer(0), total: format.integer(5) }));
        inShadow<HTMLInputElement>(el, 'input[type="checkbox"]')[2]!.click();
        await el.updateComplete;
        expect(progress()).to.equal(fill(words.progress, { done: format.integer(1), total: format.integer(5) }));
      });

      it('score bars: heading, names (the meters’ accessible names) and numbers', async () => {
        const wrapper = await fixture(html`<div lang=${lang}><anp-score-bars .article=${seedArticle()}></anp-score-bars></div>`);
        const el = wrapper.querySelector<AnpScoreBars>('anp-score-bars')!;
        await el.updateComplete;
        expect(headingOf(el)).to.equal(words.scoresHeading);
        const names = inShadow(el, 'meter').map((meter) => textOf(el.shadowRoot!.getElementById(meter.getAttribute('aria-labelledby')!)));
        expect(names).to.deep.equal(words.scores);
        expect(shadowTexts(el, '[part~="score"]')).to.deep.equal([78, 67, 86, 87].map(format.number));
      });

      it('similar posts: heading, empty state, reading times through Intl', async () => {
        const wrapper = await fixture(
          html`<div lang=${lang}>
            <anp-similar-posts .article=${seedArticle()}></anp-similar-posts>
            <anp-similar-posts .article=${postsArticle()}></anp-similar-posts>
          </div>`,
        );
        const [empty, full] = Array.from(wrapper.querySelectorAll<AnpSimilarPosts>('anp-similar-posts'));
        await empty!.updateComplete;
        await full!.updateComplete;
        expect(headingOf(empty!)).to.equal(words.similarPosts);
        expect(textOf(inShadow(empty!, '[part~="empty"]')[0])).to.equal(words.empty);
        expect(headingOf(full!)).to.equal(words.similarPosts);
        expect(shadowTexts(full!, '[part~="details"] time')).to.deep.equal([5, 12, 3].map(format.minutes));
      });
    });
  }

  it('anchors: de groups with ".", dates day first', async () => {
    const el = await seedBoxIn('de');
    expect(textOf(ddFor(el, 'Aufrufe'))).to.equal('513.976');
    expect(textOf(ddFor(el, 'zuletzt geprüft'))).to.equal('10.10.2021');
  });

  describe('which lang', () => {
    it('the nearest [lang] wins; the element’s own lang first', async () => {
      const wrapper = await fixture(
        html`<div lang="de">
          <section lang="fr"><anp-meta-box .article=${seedArticle()}></anp-meta-box></section>
          <anp-meta-box lang="ja" .article=${seedArticle()}></anp-meta-box>
          <anp-meta-box .article=${seedArticle()}></anp-meta-box>
        </div>`,
      );
      const [fr, ja, de] = Array.from(wrapper.querySelectorAll<AnpMetaBox>('anp-meta-box'));
      for (const el of [fr, ja, de]) await el!.updateComplete;
      expect(headingOf(fr!)).to.equal(WORDS.fr.heading);
      expect(headingOf(ja!)).to.equal(WORDS.ja.heading);
      expect(headingOf(de!)).to.equal(WORDS.de.heading);
    });

    it('across shadow roots: the nearest [lang] on the composed ancestor chain', async () => {
      const outer = attach(document.createElement('div'));
      outer.lang = 'de';
      const host = outer.appendChild(document.createElement('div'));
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<div lang="es"><anp-meta-box id="inner-es"></anp-meta-box></div><anp-meta-box id="inner"></anp-meta-box>';
      const es = root.getElementById('inner-es') as AnpMetaBox;
      const inherited = root.getElementById('inner') as AnpMetaBox;
      es.article = seedArticle();
      inherited.article = seedArticle();
      await es.updateComplete;
      await inherited.updateComplete;
      expect(headingOf(es)).to.equal(WORDS.es.heading);
      expect(headingOf(inherited)).to.equal(WORDS.de.heading);

      // A lang change inside the shadow tree, and on the host's ancestor, reach the element.
      root.querySelector('div')!.lang = 'ja';
      outer.lang = 'fr';
      await until(
        () => headingOf(es) === WORDS.ja.heading && headingOf(inherited) === WORDS.fr.heading,
        2000,
        'lang changes across shadow roots',
      );
    });

    it('a lang change on an ancestor updates labels and numbers; removing it falls back', async () => {
      const el = await seedBoxIn('de');
      const wrapper = el.parentElement!;
      expect(textOf(ddFor(el, 'Aufrufe'))).to.equal(intl('de').integer(513976));
      wrapper.setAttribute('lang', 'fr');
      await settled(el);
      await until(() => headingOf(el) === WORDS.fr.heading, 2000, 'fr heading');
      expect(fieldLabels(el)).to.deep.equal(SEED_KEYS.map((key) => WORDS.fr.fields[key]));
      expect(textOf(ddFor(el, 'vues'))).to.equal(intl('fr').integer(513976));
      // Without any lang around (the test page's <html> has none), English.
      const pageLang = document.documentElement.getAttribute('lang');
      document.documentElement.removeAttribute('lang');
      try {
        wrapper.removeAttribute('lang');
        await until(() => headingOf(el) === WORDS.en.heading, 2000, 'en heading');
        expect(textOf(ddFor(el, 'view count'))).to.equal('513,976');
      } finally {
        if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
      }
    });

    it('a lang change on <html> updates every element', async () => {
      const pageLang = document.documentElement.getAttribute('lang');
      const el = attach(document.createElement('anp-checklist'));
      el.items = ['a', 'b'];
      try {
        document.documentElement.lang = 'es';
        await until(() => headingOf(el) === WORDS.es.checklist, 2000, 'es heading');
        document.documentElement.lang = 'ja';
        await until(() => headingOf(el) === WORDS.ja.checklist, 2000, 'ja heading');
      } finally {
        if (pageLang === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.setAttribute('lang', pageLang);
      }
    });

    it('by language subtag: de-AT takes the de pack and de-AT formats', async () => {
      const el = await seedBoxIn('de-AT');
      expect(headingOf(el)).to.equal(WORDS.de.heading);
      expect(textOf(ddFor(el, 'Aufrufe'))).to.equal(intl('de-AT').integer(513976));
      const ar = await seedBoxIn('ar-EG');
      expect(headingOf(ar)).to.equal(WORDS.ar.heading);
      expect(textOf(ddFor(ar, WORDS.ar.fields.view_count!))).to.equal(intl('ar-EG').integer(513976));
    });

    it('a language without a pack: English words, its own numbers; unknown or junk: English throughout', async () => {
      const pt = await seedBoxIn('pt-BR');
      expect(headingOf(pt)).to.equal(WORDS.en.heading);
      expect(fieldLabels(pt)).to.deep.equal(SEED_KEYS.map((key) => WORDS.en.fields[key]));
      expect(textOf(ddFor(pt, 'view count'))).to.equal(intl('pt-BR').integer(513976));
      for (const junk of ['xx', 'not a tag!!', '']) {
        const el = await seedBoxIn(junk);
        expect(headingOf(el), junk).to.equal(WORDS.en.heading);
        expect(textOf(ddFor(el, 'view count')), junk).to.equal('513,976');
      }
    });
  });

  it('a data key named like a UI word is labelled as a field, never with the UI pattern', async () => {
    const el = await seedBoxIn('de', { meta: { more: 1, checklist_progress: 2 } });
    expect(fieldLabels(el)).to.deep.equal(['more', 'checklist progress']);
  });

  describe('labels property', () => {
    it('overrides UI words and field labels on top of the pack', async () => {
      const el = await seedBoxIn('de', { meta: { ...seedArticle().meta, stack: Array.from({ length: 503 }, (_, i) => `s${i}`) } });
      el.labels = { metaBox: 'Steckbrief', view_count: 'Zugriffe', yes: 'J', more: 'noch {n}', quality: 'Güte', ai_outline: 'Gliederung' };
      await el.updateComplete;
      expect(headingOf(el)).to.equal('Steckbrief');
      expect(textOf(ddFor(el, 'Zugriffe'))).to.equal('513.976');
      expect(ddFor(el, 'Aufrufe'), 'pack label replaced').to.equal(undefined);
      expect(shadowTexts(el, '[part~="badge-yes"]')).to.deep.equal(['J']);
      expect(shadowTexts(el, '[part~="field-stack"] li[part~="more"]')).to.deep.equal(['noch 3']);
      expect(shadowTexts(el, '[part~="field-score"] dd > dl > [part~="pair"] > dt')).to.deep.equal(['Güte', ...WORDS.de.scores.slice(1)]);
      expect(textOf(inShadow(el, '[part~="outline-heading"]')[0])).to.equal('Gliederung');
      // What is not overridden stays German.
      expect(textOf(ddFor(el, 'Lesezeit'))).to.equal(intl('de').minutes(5));
      expect(shadowTexts(el, '[part~="badge-no"]')).to.deep.equal(['nein', 'nein', 'nein']);
    });

    it('overrides on every element, and survive a lang change', async () => {
      const wrapper = await fixture(
        html`<div lang="fr">
          <anp-checklist .items=${['a', 'b']} .labels=${{ checklist: 'à faire', checklistProgress: '{done}/{total}' }}></anp-checklist>
          <anp-similar-posts .posts=${[]} .labels=${{ similarPostsEmpty: 'Rien.' }}></anp-similar-posts>
          <anp-score-bars .scores=${{ quality: 50 }} .labels=${{ scores: 'notes', quality: 'Q' }}></anp-score-bars>
        </div>`,
      );
      const checklist = wrapper.querySelector('anp-checklist')!;
      const posts = wrapper.querySelector('anp-similar-posts')!;
      const bars = wrapper.querySelector('anp-score-bars')!;
      for (const el of [checklist, posts, bars]) await el.updateComplete;
      const check = (similarPosts: string) => {
        expect(headingOf(checklist)).to.equal('à faire');
        expect(shadowTexts(checklist, '[part~="progress"]')).to.deep.equal(['0/2']);
        expect(headingOf(posts)).to.equal(similarPosts);
        expect(shadowTexts(posts, '[part~="empty"]')).to.deep.equal(['Rien.']);
        expect(headingOf(bars)).to.equal('notes');
        expect(shadowTexts(bars, '[part~="bar"] [part~="label"]')).to.deep.equal(['Q']);
      };
      check(WORDS.fr.similarPosts);
      wrapper.setAttribute('lang', 'ja');
      await until(() => headingOf(posts) === WORDS.ja.similarPosts, 2000, 'ja heading');
      check(WORDS.ja.similarPosts);
    });
  });
});

// ---------------------------------------------------------------------------
// Right to left. Every check runs mirrored in ltr too, so a layout that does
// not mirror fails one of the two.
// ---------------------------------------------------------------------------

interface Sides {
  /** The side where lines start. */
  start: 'left' | 'right';
}

/** Left to right or right to left: `a` lies nearer the inline start than `b`. */
function before(a: DOMRect, b: DOMRect, { start }: Sides): boolean {
  return start === 'left' ? a.right <= b.left + 0.5 : a.left >= b.right - 0.5;
}

/** The box of an element's text (its first text), not of the element. */
function textRect(node: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

/**
 * The text of `node` starts at its content box's inline start (within a
 * letter: WebKit leaves a `::first-letter` out of the text's range) and
 * leaves its free space at the end.
 */
function expectTextAtStart(node: Element, sides: Sides, what: string): void {
  const box = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
  const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
  const text = textRect(node);
  const [startGap, endGap] = sides.start === 'left' ? [text.left - left, right - text.right] : [right - text.right, text.left - left];
  expect(startGap, `${what}: text at the ${sides.start}`).to.be.within(-1, 1.2 * parseFloat(style.fontSize));
  expect(endGap, `${what}: free space at the end`).to.be.greaterThan(startGap);
}

async function pageIn(lang: string, dir: 'ltr' | 'rtl'): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} dir=${dir} style="inline-size: 44rem">
      <anp-meta-box .article=${seedArticle()}></anp-meta-box>
      <anp-checklist .article=${seedArticle()}></anp-checklist>
      <anp-score-bars .article=${seedArticle()}></anp-score-bars>
      <anp-similar-posts .article=${postsArticle()}></anp-similar-posts>
    </div>`,
  );
  for (const el of Array.from(wrapper.querySelectorAll<AnpMetaBox>('*'))) await el.updateComplete;
  return wrapper;
}

async function expectMirrored(lang: string, dir: 'ltr' | 'rtl'): Promise<void> {
  const sides: Sides = { start: dir === 'rtl' ? 'right' : 'left' };
  const wrapper = await pageIn(lang, dir);
  const box = wrapper.querySelector('anp-meta-box')!;
  const checklist = wrapper.querySelector('anp-checklist')!;
  const bars = wrapper.querySelector('anp-score-bars')!;
  const posts = wrapper.querySelector('anp-similar-posts')!;

  // Meta box: every label beside its value, on the inline-start side; label text and heading at the start.
  const fields = inShadow(box, '[part~="list"] > [part~="field"]');
  expect(fields.length).to.be.greaterThan(10);
  for (const field of fields) {
    const dt = field.querySelector(':scope > dt')!;
    const dd = field.querySelector(':scope > dd')!;
    expect(before(dt.getBoundingClientRect(), dd.getBoundingClientRect(), sides), `${textOf(dt)}: label before value`).to.equal(true);
    expectTextAtStart(dt, sides, textOf(dt));
  }
  expectTextAtStart(inShadow(box, '[part~="heading"]')[0]!, sides, 'heading');
  const topic = ddFor(box, WORDS[lang as Lang].fields.topic!)!;
  expectTextAtStart(topic, sides, 'topic value');

  // Lists: the indent (where the bullets go) on the inline-start side.
  const ul = ddFor(box, WORDS[lang as Lang].fields.tools!)!.querySelector('ul')!;
  const li = ul.querySelector('li')!;
  const ulRect = ul.getBoundingClientRect();
  const liRect = li.getBoundingClientRect();
  const startIndent = sides.start === 'left' ? liRect.left - ulRect.left : ulRect.right - liRect.right;
  const endIndent = sides.start === 'left' ? ulRect.right - liRect.right : liRect.left - ulRect.left;
  expect(startIndent, 'list indent at the start').to.be.greaterThan(8);
  expect(endIndent, 'no indent at the end').to.be.within(-0.5, 0.5);
  expect(getComputedStyle(li).direction).to.equal(dir);

  // Score bars: name, then the meter, then the number, from the inline start; the meter fills from its
  // inline start, which every engine does for a native <meter> laid out in its direction.
  for (const bar of inShadow(bars, '[part~="bar"]')) {
    const label = bar.querySelector('[part~="label"]')!.getBoundingClientRect();
    const meterEl = bar.querySelector('meter')!;
    const meter = meterEl.getBoundingClientRect();
    const score = bar.querySelector('[part~="score"]')!.getBoundingClientRect();
    expect(before(label, meter, sides), 'name before meter').to.equal(true);
    expect(before(meter, score, sides), 'meter before number').to.equal(true);
    expect(getComputedStyle(meterEl).direction, 'meter direction').to.equal(dir);
  }
  expectTextAtStart(inShadow(bars, '[part~="heading"]')[0]!, sides, 'score bars heading');

  // Checklist: the box before its text; the progress line at the start.
  for (const label of inShadow(checklist, 'label')) {
    const input = label.querySelector('input')!.getBoundingClientRect();
    const text = label.querySelector('[part~="label"]')!.getBoundingClientRect();
    expect(before(input, text, sides), 'checkbox before its text').to.equal(true);
  }
  expectTextAtStart(inShadow(checklist, '[part~="progress"]')[0]!, sides, 'progress');

  // Similar posts: titles at the start; the reading time after the topic, in one piece, whatever
  // the topic's script (a Latin topic must not pull the digits of an Arabic duration to its side).
  for (const link of inShadow(posts, '[part~="item"] > a')) expectTextAtStart(link, sides, textOf(link));
  for (const details of inShadow(posts, '[part~="details"]')) {
    const time = details.querySelector('time')!;
    // In one piece: its boxes (one per bidi run) leave no gap for other text.
    const rect = time.getBoundingClientRect();
    const covered = Array.from(time.getClientRects()).reduce((sum, box) => sum + box.width, 0);
    expect(rect.width - covered, `${textOf(details)}: the duration in one piece`).to.be.below(1);
    const all = textRect(details);
    const atEnd = sides.start === 'left' ? all.right - rect.right : rect.left - all.left;
    expect(atEnd, `${textOf(details)}: the duration at the end`).to.be.within(-0.5, 0.5);
  }
}

describe('right to left', () => {
  it('ar, dir=rtl: labels right of values, indents and text on the right, bars and boxes from the right', async () => {
    await expectMirrored('ar', 'rtl');
  });

  it('the same checks hold mirrored in en, dir=ltr', async () => {
    await expectMirrored('en', 'ltr');
  });

  it('dir=rtl on the element itself mirrors it too', async () => {
    const el = await fixture<AnpMetaBox>(html`<anp-meta-box lang="ar" dir="rtl" .article=${seedArticle()}></anp-meta-box>`);
    const field = inShadow(el, '[part~="list"] > [part~="field"]')[0]!;
    const dt = field.querySelector('dt')!.getBoundingClientRect();
    const dd = field.querySelector('dd')!.getBoundingClientRect();
    expect(dt.left, 'dt right of dd').to.be.greaterThan(dd.right - 0.5);
  });

  it('passes axe in ar, dir=rtl', async () => {
    const wrapper = await pageIn('ar', 'rtl');
    for (const el of Array.from(wrapper.children)) await expect(el).to.be.accessible();
  });
});
