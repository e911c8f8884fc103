import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { AnpChecklistChangeEvent, AnpErrorEvent } from 'anp-components';
import seed from '../../../../test/fixtures/seed-article.json';

/**
 * CUSTOM_ELEMENTS_SCHEMA lets the template use the anp tags and bind their
 * properties. With strictTemplates, `$event` in `(anp-error)` is typed from
 * the library's GlobalEventHandlersEventMap augmentation (AnpErrorEvent), so
 * the handlers below only compile because those typings are right.
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <h1>anp-components in Angular</h1>

      <anp-article [article]="seed">
        <anp-meta-box heading-level="2"></anp-meta-box>
        <anp-score-bars></anp-score-bars>
        <anp-checklist (anp-checklist-change)="onChecklistChange($event)"></anp-checklist>
        <anp-similar-posts></anp-similar-posts>
      </anp-article>
      <p id="checklist-log">{{ progress() }}</p>

      <h2>Bad input</h2>
      <anp-meta-box article="{not json" no-heading (anp-error)="onError($event)"></anp-meta-box>
      @if (errorLog(); as log) {
        <p id="error-log">{{ log }}</p>
      }
    </main>
  `,
})
export class App {
  protected readonly seed = seed;
  protected readonly progress = signal('nothing ticked yet');
  protected readonly errorLog = signal<string | undefined>(undefined);

  protected onChecklistChange(event: AnpChecklistChangeEvent): void {
    this.progress.set(`${event.detail.done} of ${event.detail.total} done`);
  }

  protected onError(event: AnpErrorEvent): void {
    const { errors } = event.detail;
    this.errorLog.set(
      `anp-error: ${errors.length} error(s) at ${errors.map((error) => JSON.stringify(error.path)).join(', ')}: ${errors[0]?.message}`,
    );
  }
}
