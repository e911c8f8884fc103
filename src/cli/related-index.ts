/**
 * The ranking of `anp related`: every article's terms (src/cli/related-terms.ts)
 * as a TF-IDF vector, and the articles nearest to each one by cosine.
 *
 * - weight(t, d) = sat(tf) · idf(t), with tf the field-weighted count,
 *   sat(tf) = tf·(k1 + 1) / (tf + k1) (BM25's saturation: a term repeated in
 *   three fields counts more than once, not three times as much) and
 *   idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)) (BM25's, as Lucene writes it);
 * - a term in more than half of the articles (once there are more than 20)
 *   says little and is left out (MySQL full-text's 50% rule, `max_doc_freq`
 *   in Elasticsearch's more_like_this); a term in only one article can match
 *   nothing, so it is not indexed, but it counts in the vector's length;
 * - each article's vector is scaled to length 1, so the score of two
 *   articles is the cosine of their vectors, from 0 to 1; then it keeps its
 *   `maxTerms` heaviest shareable terms (more_like_this's `max_query_terms`),
 *   which only drops the smallest products from the sum.
 *
 * Memory is linear in the corpus: one short sorted vector per article and an
 * inverted index (term → articles) in typed arrays; no article-by-article
 * matrix. Ranking one article touches only the articles sharing a term.
 */

export interface IndexOptions {
  /** Terms kept per article, heaviest first (ties: the term that came first in the corpus). */
  maxTerms?: number;
  /** A term in more than this share of the articles is left out, once the corpus has more than 20. */
  maxDocShare?: number;
  /** BM25's k1: how fast repeated occurrences stop adding weight (docs/related-posts.md says why 1.2). */
  k1?: number;
}

export interface Match {
  /** Index of the similar article. */
  doc: number;
  /** Cosine of the two vectors, 0..1 (rounding may pass 1 by a hair: clamp to show it). */
  score: number;
}

export interface SharedTerm {
  term: string;
  /** What the term adds to the score. */
  weight: number;
}

/** Collects articles' terms, then `build()`s the index. */
export class RelatedIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly docFreq: number[] = [];
  private readonly docTerms: Int32Array[] = [];
  private readonly docCounts: Float32Array[] = [];

  /** Adds one article's terms (term → weighted count); returns its index. */
  add(bag: ReadonlyMap<string, number>): number {
    const ids = new Int32Array(bag.size);
    const counts = new Float32Array(bag.size);
    let at = 0;
    for (const [term, count] of bag) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(term, id);
        this.terms.push(term);
        this.docFreq.push(0);
      }
      this.docFreq[id]++;
      ids[at] = id;
      counts[at++] = count;
    }
    this.docTerms.push(ids);
    this.docCounts.push(counts);
    return this.docTerms.length - 1;
  }

  get size(): number {
    return this.docTerms.length;
  }

  build({ maxTerms = 40, maxDocShare = 0.5, k1 = 1.2 }: IndexOptions = {}): RelatedIndex {
    const total = this.docTerms.length;
    const maxDocFreq = total > 20 ? Math.floor(total * maxDocShare) : total;
    const idf = this.docFreq.map((df) => Math.log(1 + (total - df + 0.5) / (df + 0.5)));
    const vectors: Int32Array[] = [];
    const weights: Float32Array[] = [];
    for (let doc = 0; doc < total; doc++) {
      const ids = this.docTerms[doc];
      const counts = this.docCounts[doc];
      const kept: { id: number; weight: number }[] = [];
      let squares = 0;
      for (let at = 0; at < ids.length; at++) {
        const df = this.docFreq[ids[at]];
        if (df > maxDocFreq) continue;
        const tf = counts[at];
        const weight = ((tf * (k1 + 1)) / (tf + k1)) * idf[ids[at]];
        // A term of this article alone matches nothing, but it still counts in the length:
        // an article whose own subject no other one shares is not "similar" through boilerplate.
        squares += weight * weight;
        if (df >= 2) kept.push({ id: ids[at], weight });
      }
      kept.sort((a, b) => b.weight - a.weight || a.id - b.id);
      kept.length = Math.min(kept.length, maxTerms);
      kept.sort((a, b) => a.id - b.id);
      const norm = Math.sqrt(squares) || 1;
      vectors.push(Int32Array.from(kept, ({ id }) => id));
      weights.push(Float32Array.from(kept, ({ weight }) => weight / norm));
      // The raw counts are no longer needed: free them as we go.
      this.docTerms[doc] = EMPTY_IDS;
      this.docCounts[doc] = EMPTY_WEIGHTS;
    }
    return new RelatedIndex(this.terms, vectors, weights);
  }
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float32Array(0);

/** The built index: ask it for the articles nearest to one. */
export class RelatedIndex {
  /** Postings in one array (CSR): the articles holding term t are `postingDocs[postingStart[t] .. postingStart[t + 1]]`. */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Float32Array;
  /** Scratch for one query: the score so far of each article, and which ones have one. */
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly terms: readonly string[],
    private readonly vectors: readonly Int32Array[],
    private readonly weights: readonly Float32Array[],
  ) {
    const start = new Int32Array(terms.length + 1);
    for (const vector of vectors) for (const id of vector) start[id + 1]++;
    for (let id = 0; id < terms.length; id++) start[id + 1] += start[id];
    const fill = start.slice(0, terms.length);
    this.postingDocs = new Int32Array(start[terms.length]);
    this.postingWeights = new Float32Array(start[terms.length]);
    vectors.forEach((vector, doc) => {
      vector.forEach((id, at) => {
        this.postingDocs[fill[id]] = doc;
        this.postingWeights[fill[id]++] = weights[doc][at];
      });
    });
    this.postingStart = start;
    this.scores = new Float64Array(vectors.length);
    this.touched = new Int32Array(vectors.length);
  }

  get size(): number {
    return this.vectors.length;
  }

  /** How many terms are indexed (in at least one article's vector). */
  get vocabulary(): number {
    let count = 0;
    for (let id = 0; id < this.terms.length; id++) if (this.postingStart[id + 1] > this.postingStart[id]) count++;
    return count;
  }

  /**
   * The `top` articles nearest to `doc`, best first; equal scores in index
   * order. `skip(other)` leaves an article out (the article itself always is);
   * scores under `minScore` are left out too.
   */
  nearest(doc: number, top: number, minScore = 0, skip: (other: number) => boolean = () => false): Match[] {
    const { scores, touched, postingStart, postingDocs, postingWeights } = this;
    let count = 0;
    const vector = this.vectors[doc];
    const weights = this.weights[doc];
    for (let at = 0; at < vector.length; at++) {
      const weight = weights[at];
      const end = postingStart[vector[at] + 1];
      for (let posting = postingStart[vector[at]]; posting < end; posting++) {
        const other = postingDocs[posting];
        if (scores[other] === 0) touched[count++] = other;
        scores[other] += weight * postingWeights[posting];
      }
    }
    const best: Match[] = [];
    for (let at = 0; at < count; at++) {
      const other = touched[at];
      const score = scores[other];
      scores[other] = 0;
      if (other === doc || score < minScore) continue;
      if (best.length === top && !better(score, other, best[top - 1])) continue;
      if (skip(other)) continue;
      let place = best.length === top ? top - 1 : best.length;
      while (place > 0 && better(score, other, best[place - 1])) place--;
      best.splice(place, 0, { doc: other, score });
      if (best.length > top) best.pop();
    }
    return best;
  }

  /** The terms two articles share, heaviest first (ties: alphabetical), with what each adds to their score. */
  sharedTerms(a: number, b: number): SharedTerm[] {
    const [termsA, termsB, weightsA, weightsB] = [this.vectors[a], this.vectors[b], this.weights[a], this.weights[b]];
    const shared: SharedTerm[] = [];
    for (let i = 0, j = 0; i < termsA.length && j < termsB.length;) {
      if (termsA[i] < termsB[j]) i++;
      else if (termsA[i] > termsB[j]) j++;
      else shared.push({ term: this.terms[termsA[i]], weight: weightsA[i++] * weightsB[j++] });
    }
    return shared.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  }

  /** The terms an article is indexed by (after pruning), for tests and `--explain`. */
  termsOf(doc: number): string[] {
    return Array.from(this.vectors[doc], (id) => this.terms[id]);
  }
}

/** Whether (score, doc) ranks before `match`: higher score first, then the lower index. */
function better(score: number, doc: number, match: Match): boolean {
  return score > match.score || (score === match.score && doc < match.doc);
}

/**
 * The reasons to show for a match: its shared terms, heaviest first, leaving
 * out a word that a shared phrase already holds ("python" when "python
 * services" is shared too), at most `limit`.
 */
export function reasons(shared: readonly SharedTerm[], limit = 5): string[] {
  const covered = new Set<string>();
  for (const { term } of shared) if (term.includes(' ')) for (const word of term.split(' ')) covered.add(word);
  return shared
    .map(({ term }) => term)
    .filter((term) => !covered.has(term))
    .slice(0, limit);
}
