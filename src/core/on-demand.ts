/**
 * A part of the library that most pages never need, fetched on first need:
 * once per page, however many elements ask, and never rejecting. The
 * sanitizer (`core/sanitize.ts`) and the label packs (`core/locales.ts`) are
 * each one of these; how a part is fetched (an `import()` chunk, or the
 * classic script's sibling file) is the loader's business.
 */
export class OnDemand<T> {
  /** The part, once it has loaded (or was installed). */
  value?: T;
  /** Why it could not load, once that is known. */
  failure?: string;
  private loading?: Promise<void>;
  private readonly fetchPart: () => Promise<T>;

  constructor(fetchPart: () => Promise<T>) {
    this.fetchPart = fetchPart;
  }

  /** Resolves once the part is in or could not be (then `failure` says why). */
  load(): Promise<void> {
    if (this.value !== undefined) return Promise.resolve();
    this.loading ??= this.fetchPart().then(
      (value) => this.install(value),
      (error: unknown) => {
        this.failure = error instanceof Error ? error.message : 'it did not load';
      },
    );
    return this.loading;
  }

  install(value: T): void {
    this.value = value;
    this.failure = undefined;
  }

  /** True once the part is in or could not be: what is shown then stays. */
  get settled(): boolean {
    return this.value !== undefined || this.failure !== undefined;
  }
}
