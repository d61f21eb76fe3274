// Is this item an article we already have? Its identity is the first key it carries: the guid/id within the
// feed, else its canonical link, else the hash of title and date. A known item whose content hash differs is
// an update (its previous version is kept), not a new article.
import type { Db } from '../store/db.ts';
import { findByCanonicalLink, findByGuid, findByTitleDateHash, type KnownArticle } from '../store/articles.ts';
import type { ArticleKeys } from './normalise.ts';

export type Match = { kind: 'new' } | { kind: 'unchanged'; known: KnownArticle } | { kind: 'updated'; known: KnownArticle };

/** The one key an item is known by (the first it carries), as a string: to spot repeats inside one document. */
export function identityKey(a: ArticleKeys): string {
  if (a.guid) return `g:${a.guid}`;
  if (a.canonicalLink) return `l:${a.canonicalLink}`;
  return `h:${a.titleDateHash}`;
}

export function findKnown(db: Db, feedId: number, a: ArticleKeys): KnownArticle | undefined {
  if (a.guid) return findByGuid(db, feedId, a.guid);
  if (a.canonicalLink) return findByCanonicalLink(db, feedId, a.canonicalLink);
  return findByTitleDateHash(db, feedId, a.titleDateHash);
}

export function matchArticle(db: Db, feedId: number, a: ArticleKeys): Match {
  const known = findKnown(db, feedId, a);
  if (!known) return { kind: 'new' };
  return known.contentHash === a.contentHash ? { kind: 'unchanged', known } : { kind: 'updated', known };
}
