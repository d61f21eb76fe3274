// What ingest computes from a feed item alone, needing neither the library, the language profiles nor the label
// lexicons: the dedupe keys, the plain text, the raw JSON, the full-text index values and the change fingerprint
// of an article without labels. A poll's parse worker computes it beside the parse (poll/parse-worker.ts), so that
// the engine thread, which answers the window, only looks up, detects the language and labels, and writes; ingest
// computes whatever it is not handed itself, and the rows come out the same either way.
import type { FeedItem } from '../model.ts';
import { itemKeys, itemText, type ArticleKeys } from './normalise.ts';
import { ftsValues, type FtsValues } from './index-values.ts';
import { changeFingerprint } from './significant-change.ts';

export interface PreparedItem {
  keys: ArticleKeys;
  /** normaliseItem's text and raw. */
  text: string;
  raw: string;
  /** The item's full-text index row (index-values.ts). */
  fts: FtsValues;
  /** changeFingerprint of its title and text with no labels: the first version's, unless the detector finds some. */
  unlabelledFingerprint: string;
}

/** Prepared values by item (the very objects of the feed ingest is handed): an item not in it is computed in line. */
export type PreparedItems = ReadonlyMap<FeedItem, PreparedItem>;

export function prepareItem(item: FeedItem): PreparedItem {
  const text = itemText(item);
  return {
    keys: itemKeys(item),
    text,
    raw: JSON.stringify(item),
    fts: ftsValues({ title: item.title, author: item.author, summary: item.summary, text }),
    unlabelledFingerprint: changeFingerprint({ title: item.title, text, labels: [] }),
  };
}
