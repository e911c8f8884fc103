import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { seedWithPosts } from './seed.js';

/**
 * A blog theme's post template around the elements, self-contained: its own styles (scoped to
 * .cms-page), colours taken from the page so the toolbar's theme repaints it, and logical
 * properties so it mirrors in right-to-left.
 */
const pageStyles = html`<style>
  .cms-page {
    --cms-muted: color-mix(in srgb, currentColor 68%, transparent);
    --cms-rule: color-mix(in srgb, currentColor 16%, transparent);
    --anp-radius: 0.75rem;
    max-inline-size: 72rem;
    margin-inline: auto;
  }
  .cms-page a {
    color: inherit;
  }
  .cms-header,
  .cms-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--cms-rule);
  }
  .cms-footer {
    border-block: 1px solid var(--cms-rule) 0;
    margin-block-start: 2rem;
    color: var(--cms-muted);
    font-size: 0.875rem;
  }
  .cms-site {
    font-weight: 700;
    font-size: 1.25rem;
    text-decoration: none;
  }
  .cms-header ul {
    display: flex;
    gap: 1.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .cms-layout {
    display: grid;
    gap: 2rem;
    grid-template-columns: minmax(0, 1fr);
    padding-block-start: 1.5rem;
  }
  @media (min-width: 60rem) {
    .cms-layout {
      grid-template-columns: minmax(0, 1fr) 20rem;
    }
  }
  .cms-kicker,
  .cms-byline {
    color: var(--cms-muted);
    font-size: 0.9rem;
    margin: 0;
  }
  .cms-post h1 {
    font-size: clamp(1.6rem, 3vw, 2.2rem);
    line-height: 1.2;
    margin-block: 0.4rem 0.6rem;
  }
  .cms-post h2 {
    font-size: 1.25rem;
    margin-block: 1.75rem 0.5rem;
  }
  .cms-lead {
    font-size: 1.125rem;
  }
  .cms-post-footer {
    margin-block-start: 2rem;
  }
  .cms-sidebar {
    display: grid;
    gap: 1.25rem;
    align-content: start;
  }
  .cms-card {
    border: 1px solid var(--cms-rule);
    border-radius: 0.75rem;
    padding: 1rem;
  }
</style>`;

interface PageCopy {
  nav: [string, string, string];
  navLabel: string;
  kicker: string;
  title: string;
  byline: string;
  date: string;
  read: string;
  lead: string;
  sections: { heading: string; body: string }[];
  checklistHeading: string;
  asideLabel: string;
  footer: string;
}

const COPY: Record<'en' | 'ar', PageCopy> = {
  en: {
    nav: ['Posts', 'Topics', 'About'],
    navLabel: 'Site',
    kicker: 'python services · backend',
    title: 'python services notes: tracking data quality signals before a major migration',
    byline: 'alphanode editorial',
    date: '10 October 2021',
    read: '5 min read',
    lead: 'Many teams notice data quality only after traffic or deploy frequency grows. This post shows how to measure it in a python service before a migration, and how to keep the fix maintainable.',
    sections: [
      {
        heading: 'Production checks',
        body: 'Monitoring should answer simple questions quickly: is the service up, is it slow, are jobs failing, and did the last deployment change anything.',
      },
      {
        heading: 'Background work',
        body: 'Queues, cron events and import scripts should be idempotent, logged and safe to run again, so that recovery is easy when a request stops halfway.',
      },
    ],
    checklistHeading: 'Before you migrate',
    asideLabel: 'About this post',
    footer: 'alphanode · a post template composed of anp components',
  },
  ar: {
    nav: ['المقالات', 'المواضيع', 'من نحن'],
    navLabel: 'الموقع',
    kicker: 'خدمات بايثون · الخلفية',
    title: 'ملاحظات خدمات بايثون: تتبع إشارات جودة البيانات قبل ترحيل كبير',
    byline: 'تحرير alphanode',
    date: '10 أكتوبر 2021',
    read: 'قراءة في 5 دقائق',
    lead: 'تلاحظ فرق كثيرة جودة البيانات فقط بعد ازدياد الزيارات أو وتيرة النشر. يشرح هذا المقال كيف تقيسها في خدمة بايثون قبل الترحيل.',
    sections: [
      { heading: 'فحوص الإنتاج', body: 'يجب أن تجيب المراقبة بسرعة: هل الخدمة تعمل، هل هي بطيئة، هل تفشل المهام، وهل غيّر آخر نشر شيئًا.' },
      { heading: 'العمل في الخلفية', body: 'يجب أن تكون الطوابير والمهام المجدولة وسكربتات الاستيراد آمنة لإعادة التشغيل ومسجلة.' },
    ],
    checklistHeading: 'قبل الترحيل',
    asideLabel: 'عن هذا المقال',
    footer: 'alphanode · قالب مقال مبني من مكونات anp',
  },
};

interface PageArgs {
  article: Record<string, unknown>;
  copy: 'en' | 'ar';
}

function page({ article, copy: language }: PageArgs) {
  const copy = COPY[language];
  return html`${pageStyles}
    <div class="cms-page">
      <header class="cms-header">
        <a class="cms-site" href="#top">alphanode</a>
        <nav aria-label=${copy.navLabel}>
          <ul>
            ${copy.nav.map((item) => html`<li><a href="#top">${item}</a></li>`)}
          </ul>
        </nav>
      </header>
      <main>
        <anp-article .article=${article} class="cms-layout">
          <article class="cms-post" aria-labelledby="cms-title">
            <header>
              <p class="cms-kicker">${copy.kicker}</p>
              <h1 id="cms-title">${copy.title}</h1>
              <p class="cms-byline">${copy.byline} · <time datetime="2021-10-10">${copy.date}</time> · ${copy.read}</p>
            </header>
            <p class="cms-lead">${copy.lead}</p>
            ${copy.sections.map(
              (section) =>
                html`<h2>${section.heading}</h2>
                  <p>${section.body}</p>`,
            )}
            <h2>${copy.checklistHeading}</h2>
            <anp-checklist no-heading class="cms-card"></anp-checklist>
            <footer class="cms-post-footer">
              <anp-meta-box exclude="score, checklist"></anp-meta-box>
            </footer>
          </article>
          <aside class="cms-sidebar" aria-label=${copy.asideLabel}>
            <anp-score-bars class="cms-card"></anp-score-bars>
            <anp-similar-posts class="cms-card"></anp-similar-posts>
          </aside>
        </anp-article>
      </main>
      <footer class="cms-footer">
        <p>${copy.footer}</p>
      </footer>
    </div>`;
}

const meta: Meta<PageArgs> = {
  title: 'Compositions/CMS article page',
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'A post template as a CMS theme would write it: one `<anp-article>` around the post, the checklist in the text under the page’s own heading, the meta box in the post footer (without score and checklist, shown by their own elements), score bars and similar posts in the sidebar.',
      },
    },
  },
  argTypes: {
    article: { control: 'object', description: 'The article given to `<anp-article>`.' },
    copy: { control: 'inline-radio', options: ['en', 'ar'], description: 'Language of the page’s own text.' },
  },
  args: { article: seedWithPosts(), copy: 'en' },
  render: page,
};
export default meta;

type Story = StoryObj<PageArgs>;

export const ArticlePage: Story = {};

export const ArticlePageDark: Story = { globals: { theme: 'dark' } };

export const ArticlePageArabicRtl: Story = { args: { copy: 'ar' }, globals: { dir: 'rtl', locale: 'ar' } };

export const ArticlePageForcedColors: Story = {
  parameters: {
    anp: { forcedColors: true },
    docs: { description: { story: 'Rendered by the story test with `forced-colors: active` emulated (Windows high contrast).' } },
  },
};
