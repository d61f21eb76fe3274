// What both engines share below the Store interface: the definition of a live label, the query language's limit on
// NEAR expansion, the key of a canonical entity name, an article's dossier from its row, and the error for a library that cannot be opened. Kept
// here, not in one engine's folder, so that neither engine imports the other.
import { foldWord } from '../text/fold.ts';
import type { ArticleDossier, ExportRow } from './records.ts';
import type { LabelKind } from '../model.ts';
import { makeSnippet, MARK_END, MARK_START } from '../query/snippet.ts';

/** A library that cannot be opened or used as it is (foreign, corrupt, too new, no rights); says what to do. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

/** FTS5 has no OR inside NEAR: (a OR b) NEAR (c OR d) becomes an OR of NEARs, at most this many (both engines). */
export const MAX_NEAR_EXPANSION = 64;

// What makes a label count: still carried by the article's current version and not rejected by an analyst.
// One definition, so that the Flagged view, is:flagged, counts and notifications agree on both engines.

/** SQL condition on the label table, optionally through an alias (`l.`). */
export function liveLabel(alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return `${p}removed_at IS NULL AND ${p}review <> 'rejected'`;
}

/**
 * An article's outlet from its URL, its feed's site and its feed's URL (the first that the registry knows).
 * The store passes the library's registry; without one, outlet: and country: cannot run.
 */
export type OutletResolver = (urls: (string | null)[]) => { name: string; country: string } | null;

/** The sidebar's folders: each folder's unread and total counts, summed from its feeds, in the feeds' order. */
export function folderCounts(feeds: { folder: string | null; unread: number; total: number }[]): { name: string; unread: number; total: number }[] {
  const folders = new Map<string, { name: string; unread: number; total: number }>();
  for (const f of feeds) {
    if (f.folder === null) continue;
    const entry = folders.get(f.folder) ?? { name: f.folder, unread: 0, total: 0 };
    entry.unread += f.unread;
    entry.total += f.total;
    folders.set(f.folder, entry);
  }
  return [...folders.values()];
}

/** A canonical entity name as search compares it: folded as words are (foldWord), whitespace collapsed. */
export function canonicalKey(name: string): string {
  return foldWord(name.normalize('NFC').replace(/\s+/gu, ' ').trim());
}

/** The article row a dossier starts from, as both engines select it. */
export interface DossierRow {
  url: string | null; title: string | null; feedUrl: string; deletedAt: string | null; reason: string | null; status: number | null; finalUrl: string | null;
}

/** One article's dossier from its row and the parts each engine reads its own way. */
export function dossierFrom(id: number, a: DossierRow, parts: Pick<ArticleDossier, 'versions' | 'labels' | 'tags' | 'captures'>): ArticleDossier {
  return {
    id, url: a.url ?? a.feedUrl, title: a.title, feedUrl: a.feedUrl, versions: parts.versions, labels: parts.labels, tags: parts.tags,
    deletion: a.deletedAt === null ? null : { at: a.deletedAt, reason: a.reason ?? '', status: a.status, finalUrl: a.finalUrl },
    captures: parts.captures,
  };
}

/** An article as both engines' exports select it: the outlet already resolved, the body to cut the snippet from. */
export interface ExportSource { id: number; date: string; outlet: string; title: string | null; url: string | null; body: string | null }

/** One exported row: the article, its tags and labels, and a plain snippet (the highlight marks taken out). */
export function exportRowFrom(
  r: ExportSource,
  extras: { tags: Map<number, string[]>; labels: Map<number, { kind: LabelKind; entity: string }[]> },
  highlight: Parameters<typeof makeSnippet>[1],
): ExportRow {
  return {
    id: r.id, date: r.date, outlet: r.outlet, title: r.title, url: r.url,
    tags: extras.tags.get(r.id) ?? [], labels: extras.labels.get(r.id) ?? [],
    snippet: makeSnippet(r.body ?? '', highlight).replaceAll(MARK_START, '').replaceAll(MARK_END, ''),
  };
}
