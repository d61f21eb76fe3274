// Is this item an article we already have? Its identity is the first key it carries: the guid/id within the
// feed, else its canonical link, else the hash of title and date. A known item whose content hash differs is
// an update (its previous version is kept), not a new article. The store looks the key up; the decision is here.
import type { ArticleKeys } from './normalise.ts';

/** What dedupe needs to know about a stored article (no content: a re-poll reads as little as it can). */
export interface KnownArticle {
  id: number;
  contentHash: string;
}

export type Match = { kind: 'new' } | { kind: 'unchanged'; known: KnownArticle } | { kind: 'updated'; known: KnownArticle };

/** The one key an item is known by (the first it carries), as a string: to spot repeats inside one document. */
export function identityKey(a: ArticleKeys): string {
  if (a.guid) return `g:${a.guid}`;
  if (a.canonicalLink) return `l:${a.canonicalLink}`;
  return `h:${a.titleDateHash}`;
}

/** New, unchanged or updated, given the stored article found by the item's identity (if any). */
export function matchArticle(known: KnownArticle | undefined, a: ArticleKeys): Match {
  if (!known) return { kind: 'new' };
  return known.contentHash === a.contentHash ? { kind: 'unchanged', known } : { kind: 'updated', known };
}
