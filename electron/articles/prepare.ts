// What ingest computes from a feed item alone, needing neither the library nor the label lexicons: the dedupe keys,
// the plain text, the raw JSON, the language, the full-text index values and the change fingerprint of an article
// without labels. A poll's parse worker computes it beside the parse (poll/parse-worker.ts), so that the engine
// thread only looks up, labels and writes, and never loads the language profiles (~95 MiB); ingest computes whatever
// it is not handed itself, and the rows come out the same either way.
import type { FeedItem } from '../model.ts';
import type { DetectLanguage } from '../text/language.ts';
import { articleLanguage, itemKeys, itemText, normaliseItem, type ArticleFields, type ArticleKeys } from './normalise.ts';
import { ftsValues, type FtsValues } from './index-values.ts';
import { changeFingerprint } from './significant-change.ts';

/** What only a new or changed article needs. */
export interface PreparedValues {
  /** normaliseItem's text and raw. */
  text: string;
  raw: string;
  /** articleLanguage's answer: the language of its title and text, the feed's declaration as the hint. */
  lang: string | null;
  /** The item's full-text index row (index-values.ts). */
  fts: FtsValues;
  /** changeFingerprint of its title and text with no labels: the first version's, unless the detector finds some. */
  unlabelledFingerprint: string;
}

export interface PreparedItem {
  keys: ArticleKeys;
  /** Null for an item the library most likely has unchanged (see prepareItems). */
  values: PreparedValues | null;
}

/** Prepared values by item (the very objects of the feed ingest is handed): an item not in it is computed in line. */
export type PreparedItems = ReadonlyMap<FeedItem, PreparedItem>;

/** A content hash shortened to a small integer (28 bits), for the set of an earlier poll's items: a collision only
 * makes ingest compute one item itself. */
export function contentHashTag(contentHash: string): number {
  return Number.parseInt(contentHash.slice(0, 7), 16);
}

/**
 * Every item's keys, and the rest of its values unless its content hash is among `unchanged`, the tags of the items
 * the feed's last poll stored or found unchanged: a re-poll, where most items are known, then costs the worker its
 * keys only (~300 ms less per 2,000 unchanged items, BENCHMARKS.md ingest7).
 */
export function prepareItems(items: FeedItem[], feedLanguage: string | null, detect: DetectLanguage, unchanged: ReadonlySet<number> = new Set()): PreparedItem[] {
  return items.map((item) => {
    const keys = itemKeys(item);
    return { keys, values: unchanged.has(contentHashTag(keys.contentHash)) ? null : prepareValues(item, feedLanguage, detect) };
  });
}

function prepareValues(item: FeedItem, feedLanguage: string | null, detect: DetectLanguage): PreparedValues {
  const text = itemText(item);
  return {
    text,
    raw: JSON.stringify(item),
    lang: articleLanguage({ title: item.title, text, lang: feedLanguage }, detect),
    fts: ftsValues({ title: item.title, author: item.author, summary: item.summary, text }),
    unlabelledFingerprint: changeFingerprint({ title: item.title, text, labels: [] }),
  };
}

/** An item's dedupe keys: the worker's, or computed here. */
export function preparedKeys(item: FeedItem, prepared: PreparedItems | undefined): ArticleKeys {
  return prepared?.get(item)?.keys ?? itemKeys(item);
}

/**
 * An item's fields as ingest stores them (SQLite and PostgreSQL alike), with what the worker prepared for it (`pre`,
 * also read for the index row and fingerprint): its text and raw JSON, and its own language — the worker's, or told
 * here by `detect`; with no detector, the feed's declaration.
 */
export function ingestFields(item: FeedItem, feedLanguage: string | null, keys: ArticleKeys, prepared: PreparedItems | undefined, detect: DetectLanguage | undefined): { fields: ArticleFields; pre: PreparedValues | undefined } {
  const pre = prepared?.get(item)?.values ?? undefined;
  const fields = normaliseItem(item, feedLanguage, keys, pre);
  if (detect) fields.lang = pre ? pre.lang : articleLanguage(fields, detect);
  return { fields, pre };
}
