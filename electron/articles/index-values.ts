// The values of an article's full-text index row (SQLite's article_fts: title, author, summary, text folded, then
// title and text stemmed), as schema 2's triggers compute them through footnote_fold and footnote_stem. Ingest
// computes them before its transaction, on the parse worker when the feed was parsed there (articles/prepare.ts),
// and writes the index for its whole batch.
import { indexFold } from '../text/fold.ts';
import { stemText } from '../text/stem.ts';
import type { ArticleFields } from './normalise.ts';

export const fold = (s: string | null): string | null => (s === null ? null : indexFold(s));
export const stem = (s: string | null): string | null => (s === null ? null : stemText(s));

/** One article's row of article_fts (title, author, summary, text, title_stem, text_stem). */
export type FtsValues = [string | null, string | null, string | null, string | null, string | null, string | null];

export function ftsValues(a: Pick<ArticleFields, 'title' | 'author' | 'summary' | 'text'>): FtsValues {
  return [fold(a.title), fold(a.author), fold(a.summary), fold(a.text), stem(a.title), stem(a.text === '' ? a.summary : a.text)];
}
